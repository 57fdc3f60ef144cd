package news.gazette.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import news.gazette.admin.StoryBackfill;
import news.gazette.db.Database;
import news.gazette.db.Jdbc;
import news.gazette.db.StoreCompaction;
import news.gazette.story.Markdown;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Fills a data folder with a generated archive of realistic stories (authors, tags, images, update notes) for the
 * benchmark, in batched inserts: 100,000 stories take about a minute. Deterministic for a given seed, so two runs
 * measure the same archive. Run with {@code java -cp target/gazette.jar news.gazette.bench.ArchiveGenerator --help}.
 */
@Command(
        name = "generate-archive",
        mixinStandardHelpOptions = true,
        description = "Fills a store with generated stories.")
public final class ArchiveGenerator implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(ArchiveGenerator.class);
    private static final int BATCH = 1_000;
    private static final int COMPACT_EVERY = 10_000;
    // H2's default, which the server relies on: readers finish on the version they started with.
    private static final int DEFAULT_RETENTION_MS = 45_000;
    private static final long MIN_GROWTH_BYTES = 256L << 20;

    @Option(names = "--data", required = true, description = "Data folder of the store to fill.")
    Path dataDir;

    @Option(names = "--db-url", description = "JDBC URL; defaults to the embedded H2 file under --data.")
    String jdbcUrl;

    @Option(names = "--stories", defaultValue = "1000", description = "How many stories (default ${DEFAULT-VALUE}).")
    int stories;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    public static void main(String[] args) {
        System.exit(generate(args));
    }

    /** Runs the generator in this process and returns its exit code. */
    public static int generate(String... args) {
        return new CommandLine(new ArchiveGenerator()).execute(args);
    }

    @Override
    public Integer call() throws SQLException {
        String url = jdbcUrl != null
                ? jdbcUrl
                : news.gazette.Config.from(new String[] {"--data", dataDir.toString()}, java.util.Map.of())
                        .jdbcUrl();
        // A bulk load needs no commit on disk before the next: H2's default write delay lets its background writer
        // store the batches and rewrite half-empty chunks as it goes, which WRITE_DELAY=0 leaves to the next close.
        url = url.replace(";WRITE_DELAY=0", "");
        long started = System.nanoTime();
        SplittableRandom random = new SplittableRandom(seed);
        Instant newest = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(1, ChronoUnit.HOURS);
        List<Long> authors;
        List<Long> tags;
        long firstId;
        try (Database db = Database.openForBulkLoad(url, dataDir);
                Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            authors = insertNamed(c, "author", GeneratedText.AUTHORS);
            tags = insertNamed(c, "tag", GeneratedText.TAGS);
            firstId = nextStoryId(c);
            c.commit();
        }
        // Each slice is loaded without H2's retention of old versions (nobody reads during the load, so their
        // space is reused at once). A full compaction follows the last slice and any slice that left the file at
        // twice its size at the last compaction (and 256 MB more): the file never grows far past its data, and
        // since the compactions come geometrically further apart, rewriting costs time linear in the archive.
        long compactedBytes = 0;
        for (int from = 0; from == 0 || from < stories; from += COMPACT_EVERY) {
            int to = Math.min(stories, from + COMPACT_EVERY);
            Database db = Database.openForBulkLoad(url, dataDir);
            try (Connection c = db.dataSource().getConnection()) {
                c.setAutoCommit(false);
                retention(c, 0);
                insertStories(c, random, authors, tags, firstId, newest, from, to);
                c.commit();
                if (to == stories) {
                    restartIdentity(c, firstId + stories);
                    retention(c, DEFAULT_RETENTION_MS);
                    c.commit();
                }
            }
            if (to == stories) {
                // Loaded past the newsroom's writer: list the stories in their tags (the bodies are stored already),
                // as a save would, so that the benchmark's first start is an ordinary start.
                StoryBackfill.run(new Jdbc(db.dataSource()), new Markdown(), true);
            }
            long bytes =
                    StoreCompaction.fileOf(url).map(ArchiveGenerator::sizeOf).orElse(0L);
            if (to == stories || bytes > Math.max(2 * compactedBytes, compactedBytes + MIN_GROWTH_BYTES)) {
                db.compactAndClose();
                compactedBytes = StoreCompaction.fileOf(url)
                        .map(ArchiveGenerator::sizeOf)
                        .orElse(0L);
            } else {
                db.close();
            }
            log.info(
                    "{} of {} stories after {} s, file {} MB",
                    to,
                    stories,
                    (System.nanoTime() - started) / 1_000_000_000,
                    StoreCompaction.fileOf(url).map(ArchiveGenerator::sizeOf).orElse(0L) >> 20);
        }
        log.info("generated {} stories in {} s", stories, (System.nanoTime() - started) / 1_000_000_000);
        return 0;
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    /** H2's {@code RETENTION_TIME}: how long the space of replaced versions is kept for readers still on them. */
    private static void retention(Connection c, int millis) throws SQLException {
        if (c.getMetaData().getURL().startsWith("jdbc:h2:")) {
            try (Statement s = c.createStatement()) {
                s.execute("set retention_time " + millis);
            }
        }
    }

    private List<Long> insertNamed(Connection c, String table, String[] names) throws SQLException {
        List<Long> ids = new ArrayList<>();
        for (String name : names) {
            String slug = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
            try (PreparedStatement select = c.prepareStatement("select id from " + table + " where slug = ?")) {
                select.setString(1, slug);
                try (ResultSet row = select.executeQuery()) {
                    if (row.next()) {
                        ids.add(row.getLong(1));
                        continue;
                    }
                }
            }
            try (PreparedStatement insert =
                    c.prepareStatement("insert into " + table + " (slug, name) values (?, ?)", new String[] {"id"})) {
                insert.setString(1, slug);
                insert.setString(2, name);
                insert.executeUpdate();
                try (ResultSet key = insert.getGeneratedKeys()) {
                    key.next();
                    ids.add(key.getLong(1));
                }
            }
        }
        return ids;
    }

    /** Stories {@code from} (inclusive) to {@code to} of the archive, oldest first. */
    private void insertStories(
            Connection c,
            SplittableRandom random,
            List<Long> authors,
            List<Long> tags,
            long firstId,
            Instant newest,
            int from,
            int to)
            throws SQLException {
        try (PreparedStatement story = c.prepareStatement("""
                        insert into story (id, slug, headline, summary, body_markdown, body_html, body_words, author_id,
                                           status, developing, published_at, updated_at, created_at, modified_at,
                                           image_url, image_alt, image_caption, image_width, image_height, notes)
                        values (?, ?, ?, ?, ?, ?, ?, ?, 'published', ?, ?, ?, ?, ?, ?, ?, ?, 1200, 675, '')
                        """);
                PreparedStatement storyTag =
                        c.prepareStatement("insert into story_tag (story_id, tag_id, position) values (?, ?, ?)");
                // The tag listing's copy as TagWriter writes it on a save: a copy of the whole archive at the end
                // (StoryBackfill's repair) is one statement over every story, minutes at a million.
                PreparedStatement listing = c.prepareStatement("""
                        insert into story_tag_listing (tag_id, story_id, status, published_at, deleted_at)
                        values (?, ?, 'published', ?, null)""");
                PreparedStatement update =
                        c.prepareStatement("insert into story_update (story_id, posted_at, note) values (?, ?, ?)")) {
            for (int i = from; i < to; i++) {
                long id = firstId + i;
                // Oldest first, about 40 minutes apart: 100,000 stories span some seven years.
                OffsetDateTime published = newest.minus((long) (stories - i) * 40, ChronoUnit.MINUTES)
                        .atOffset(ZoneOffset.UTC);
                String headline = GeneratedText.headline(random);
                boolean developing = random.nextInt(20) == 0;
                OffsetDateTime updated = developing ? published.plusHours(2) : null;
                story.setLong(1, id);
                story.setString(2, GeneratedText.slug(headline, id));
                story.setString(3, headline);
                story.setString(4, GeneratedText.sentence(random, 22));
                GeneratedText.Body body = GeneratedText.body(random);
                story.setString(5, body.markdown());
                story.setString(6, body.html());
                story.setInt(7, body.words());
                story.setLong(8, authors.get(random.nextInt(authors.size())));
                story.setBoolean(9, developing);
                story.setObject(10, published);
                story.setObject(11, updated);
                story.setObject(12, published);
                story.setObject(13, updated != null ? updated : published);
                story.setString(14, "/assets/img/launch-broken-connection.svg");
                story.setString(15, "Illustration for: " + headline);
                story.setString(16, "Illustration: The Gazette.");
                story.addBatch();
                int tagCount = 1 + random.nextInt(3);
                int firstTag = random.nextInt(tags.size());
                for (int t = 0; t < tagCount; t++) {
                    storyTag.setLong(1, id);
                    storyTag.setLong(2, tags.get((firstTag + t * 7) % tags.size()));
                    storyTag.setInt(3, t);
                    storyTag.addBatch();
                    listing.setLong(1, tags.get((firstTag + t * 7) % tags.size()));
                    listing.setLong(2, id);
                    listing.setObject(3, published);
                    listing.addBatch();
                }
                if (developing) {
                    update.setLong(1, id);
                    update.setObject(2, updated);
                    update.setString(3, GeneratedText.sentence(random, 14));
                    update.addBatch();
                }
                if ((i + 1) % BATCH == 0 || i == to - 1) {
                    story.executeBatch();
                    storyTag.executeBatch();
                    listing.executeBatch();
                    update.executeBatch();
                    c.commit();
                }
            }
        }
    }

    private static long nextStoryId(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet row = s.executeQuery("select coalesce(max(id), 0) + 1 from story")) {
            row.next();
            return row.getLong(1);
        }
    }

    /** Explicit ids were inserted, so move the identity past them for the stories the newsroom adds later. */
    private static void restartIdentity(Connection c, long next) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("alter table story alter column id restart with " + next);
        }
    }
}
