package news.gazette.story;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import news.gazette.db.Jdbc;

/**
 * Reads live coverage for readers: the article page, its refreshed entries, feeds and JSON-LD.
 *
 * <p>Few stories ever go live, and an article's miss should not pay a statement to learn that it did not: the ids
 * of the stories with coverage are kept until the change log says anything changed ({@link #forget}), on every
 * instance, like the story lists' cards.
 */
public final class LiveCoverageRepository {

    private static final String ENTRY_COLUMNS = """
            e.id, e.story_id, e.posted_at, e.author_name, e.body_html, e.pinned,
            e.image_url, e.image_alt, e.image_width, e.image_height, e.edited_at""";

    private record Span(Instant started, Instant ended) {}

    private final Jdbc jdbc;
    // Null while unknown; a change bumps the generation, so a read that overlapped it is not kept.
    private volatile Set<Long> covered;
    private final AtomicLong generation = new AtomicLong();

    public LiveCoverageRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
        coveredStories();
    }

    /** The story's coverage with at most {@code limit} entries, pinned ones first, then newest first; or empty. */
    public Optional<LiveCoverage> find(long storyId, int limit) {
        if (!coveredStories().contains(storyId)) {
            return Optional.empty();
        }
        return jdbc.withConnection(c -> find(c, storyId, limit));
    }

    /** As {@link #find}, from the store whatever this instance last heard: for the newsroom, right after its writes. */
    public Optional<LiveCoverage> findFresh(long storyId, int limit) {
        return jdbc.withConnection(c -> find(c, storyId, limit));
    }

    /**
     * Something changed on the site: reads the covered stories again now, on the change poller's thread, so that no
     * reader's request pays for it.
     */
    public void forget() {
        generation.incrementAndGet();
        covered = null;
        coveredStories();
    }

    private Set<Long> coveredStories() {
        Set<Long> known = covered;
        if (known != null) {
            return known;
        }
        long before = generation.get();
        Set<Long> read = Set.copyOf(jdbc.list("select story_id from live_coverage", row -> row.getLong(1)));
        if (generation.get() == before) {
            covered = read;
        }
        return read;
    }

    public static Optional<LiveCoverage> find(Connection c, long storyId, int limit) throws SQLException {
        List<Span> found = Jdbc.list(
                c,
                "select started_at, ended_at from live_coverage where story_id = ?",
                row -> new Span(Jdbc.instant(row, "started_at"), Jdbc.instant(row, "ended_at")),
                storyId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        List<LiveEntry> entries = Jdbc.list(
                c,
                "select " + ENTRY_COLUMNS + " from live_entry e where e.story_id = ?"
                        + " order by e.pinned desc, e.posted_at desc, e.id desc limit ?",
                LiveCoverageRepository::toEntry,
                storyId,
                limit);
        long count = Jdbc.list(c, "select count(*) from live_entry where story_id = ?", row -> row.getLong(1), storyId)
                .get(0);
        Span span = found.get(0);
        return Optional.of(new LiveCoverage(storyId, span.started(), span.ended(), entries, (int) count));
    }

    /** The story's newest {@code limit} entries, newest first, pinned or not. */
    public List<LiveEntry> newest(long storyId, int limit) {
        return jdbc.withConnection(c -> newest(c, List.of(storyId), limit).getOrDefault(storyId, List.of()));
    }

    /**
     * The newest {@code perStory} entries of each of {@code storyIds} that has any, newest first, in one query: a
     * feed of 25 stories reads them all at once, and a story with a thousand entries still gives only its newest.
     */
    public static Map<Long, List<LiveEntry>> newest(Connection c, List<Long> storyIds, int perStory)
            throws SQLException {
        Map<Long, List<LiveEntry>> byStory = new LinkedHashMap<>();
        if (storyIds.isEmpty()) {
            return byStory;
        }
        List<Object> params = new ArrayList<>(storyIds);
        params.add(perStory);
        Jdbc.list(
                c,
                """
                select * from (
                    select %s,
                           row_number() over (partition by e.story_id order by e.posted_at desc, e.id desc) as place
                    from live_entry e where e.story_id in (%s)
                ) ranked where place <= ? order by story_id, posted_at desc, id desc
                """.formatted(ENTRY_COLUMNS, Jdbc.placeholders(storyIds.size())),
                row -> {
                    LiveEntry entry = toEntry(row);
                    return byStory.computeIfAbsent(entry.storyId(), id -> new ArrayList<>())
                            .add(entry);
                },
                params.toArray());
        return byStory;
    }

    private static LiveEntry toEntry(ResultSet row) throws SQLException {
        RenderedHtml body = RenderedHtml.stored(row.getString("body_html"), null);
        String imageUrl = row.getString("image_url");
        FeaturedImage image = imageUrl == null || imageUrl.isBlank()
                ? null
                : new FeaturedImage(
                        imageUrl,
                        row.getString("image_alt"),
                        "",
                        row.getInt("image_width"),
                        row.getInt("image_height"));
        return new LiveEntry(
                row.getLong("id"),
                row.getLong("story_id"),
                Jdbc.instant(row, "posted_at"),
                row.getString("author_name"),
                body,
                body.text(),
                row.getBoolean("pinned"),
                image,
                Jdbc.instant(row, "edited_at"));
    }
}
