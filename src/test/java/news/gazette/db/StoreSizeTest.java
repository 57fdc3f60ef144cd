package news.gazette.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import news.gazette.App;
import news.gazette.Config;
import news.gazette.TestSite;
import news.gazette.admin.NewsroomStories;
import news.gazette.admin.StoryDraft;
import news.gazette.admin.StoryWriter;
import news.gazette.bench.ArchiveGenerator;
import news.gazette.story.Markdown;
import news.gazette.story.Story;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded store stays near the size of its data: after a bulk load, all through editor saves while it runs
 * ({@link RunningCompaction}), and after a clean stop, the H2 file is at most 1.5 times what {@code SHUTDOWN COMPACT}
 * makes of the same data. A bound on size.
 */
class StoreSizeTest {

    private static final Logger log = LoggerFactory.getLogger(StoreSizeTest.class);
    private static final int STORIES = 3_000;
    private static final int SAVES = 120;
    /**
     * Six saves a second, a busy newsroom's day in half a minute and never a quiet moment; the growth watch looks once
     * a second, so at this pace the file passes the 1.4 times that starts a compaction by at most a few percent.
     */
    private static final long PACE_MILLIS = 150;

    private static final double MOST = 1.5;

    @Test
    void the_file_stays_within_one_and_a_half_times_its_compacted_size(@TempDir Path data, @TempDir Path copies)
            throws IOException, InterruptedException {
        assertThat(ArchiveGenerator.generate("--data", data.toString(), "--stories", String.valueOf(STORIES)))
                .isZero();
        Path file = data.resolve("gazette.mv.db");
        long loaded = Files.size(file);
        long loadedCompacted = compactedCopy(file, copies.resolve("loaded"));
        log.info("after the load: {} KB, compacted {} KB", loaded >> 10, loadedCompacted >> 10);
        assertThat(loaded).isLessThanOrEqualTo((long) (MOST * loadedCompacted));

        // While running: the pool and the growth watch the server has (App starts it), and an editor's pace.
        long largest = 0;
        int shrank = 0;
        try (Database db = Database.open(Database.embeddedJdbcUrl(data), data)) {
            db.compactWhenGrown();
            Editor editor = new Editor(new Jdbc(db.dataSource()), STORIES);
            long previous = Files.size(file);
            for (int i = 0; i < SAVES; i++) {
                editor.save(i);
                Thread.sleep(PACE_MILLIS);
                long size = Files.size(file);
                largest = Math.max(largest, size);
                shrank += size < previous ? 1 : 0;
                previous = size;
            }
        }
        long editedCompacted = compactedCopy(file, copies.resolve("edited"));
        log.info(
                "{} saves while running: at most {} KB, compacted {} times while running; the data compacted {} KB",
                SAVES,
                largest >> 10,
                shrank,
                editedCompacted >> 10);
        assertThat(shrank).as("compactions while running").isPositive();
        assertThat(largest).isLessThanOrEqualTo((long) (MOST * editedCompacted));

        // A clean stop of the server compacts what the last saves left.
        Config config = Config.from(
                new String[] {"--data", data.toString(), "--host", "127.0.0.1"},
                Map.of("GAZETTE_ADMIN_PASSWORD", TestSite.ADMIN_PASSWORD));
        Javalin app = App.create(config).start(0);
        try (Database db = Database.open(config.jdbcUrl(), data)) {
            Editor editor = new Editor(new Jdbc(db.dataSource()), STORIES);
            for (int i = SAVES; i < SAVES + 20; i++) {
                editor.save(i);
            }
        }
        app.stop();
        long stopped = Files.size(file);
        long stoppedCompacted = compactedCopy(file, copies.resolve("stopped"));
        log.info("after a clean stop: {} KB, compacted {} KB", stopped >> 10, stoppedCompacted >> 10);
        assertThat(stopped).isLessThanOrEqualTo((long) (MOST * stoppedCompacted));
    }

    /** Saves as editors do: a story's body rewritten, a note added, over stories all through the archive. */
    static final class Editor {
        private final Markdown markdown = new Markdown();
        private final NewsroomStories newsroom;
        private final StoryWriter writer;
        private final SplittableRandom random = new SplittableRandom(12);
        private final int stories;

        Editor(Jdbc jdbc, int stories) {
            this.newsroom = new NewsroomStories(jdbc);
            this.writer = new StoryWriter(jdbc);
            this.stories = stories;
        }

        void save(int i) {
            Story story = newsroom.findById(2 + random.nextInt(stories)).orElseThrow();
            StoryDraft draft = TestSite.draftOf(story);
            String body = story.bodyMarkdown() + "\n\nEdit " + i + ": a sentence added by an editor.";
            StoryDraft edited = new StoryDraft(
                    draft.slug(),
                    draft.headline(),
                    draft.summary(),
                    body,
                    markdown.render(body),
                    draft.authorName(),
                    draft.status(),
                    draft.developing(),
                    draft.publishedAt(),
                    draft.image(),
                    "Edit " + i,
                    List.copyOf(draft.tagNames()),
                    i % 10 == 0 ? "Updated with edit " + i : "",
                    null);
            assertThat(writer.update(story.id(), story.version(), edited, "editor", Instant.now()))
                    .isEqualTo(StoryWriter.Outcome.SAVED);
        }
    }

    /** The size the same data takes once compacted: a copy of the file, compacted on its own. */
    private static long compactedCopy(Path file, Path folder) throws IOException {
        Files.createDirectories(folder);
        Files.copy(file, folder.resolve("gazette.mv.db"));
        StoreCompaction.compact(Database.embeddedJdbcUrl(folder));
        return Files.size(folder.resolve("gazette.mv.db"));
    }
}
