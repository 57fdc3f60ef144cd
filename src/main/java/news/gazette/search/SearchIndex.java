package news.gazette.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import news.gazette.db.Jdbc;
import org.jsoup.Jsoup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@code search_term} in step with a story: one call, {@link #reindex}, rewrites all of a story's terms inside
 * the caller's transaction. The newsroom's {@code StoryWriter} calls it in every save, so a story's terms commit with
 * the story or not at all; {@link #indexMissing} catches up on stories written without it (an import, an archive).
 */
public final class SearchIndex {

    // Where a word appears decides its weight, so a headline match outranks a passing mention in the body.
    static final int HEADLINE_WEIGHT = 20;
    static final int TAG_WEIGHT = 15;
    static final int SUMMARY_WEIGHT = 6;
    static final int BODY_WEIGHT = 1;
    // Repeating a word many times in a body should not beat saying it once in a headline.
    static final int BODY_REPEATS_COUNTED = 5;

    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);
    static final int INDEX_BATCH = 200;

    private SearchIndex() {}

    /**
     * Which stories have terms: published ones outside the newsroom's trash, including scheduled ones (searches compare
     * their publication time with the clock). Drafts and trashed stories have none, so a story that is unpublished or
     * trashed disappears from search in the same transaction.
     */
    static final String INDEXED = "s.status = 'published' and s.published_at is not null and s.deleted_at is null";

    /** Rewrites the terms of story {@code storyId}; a story that is gone or not published loses its terms. */
    public static void reindex(Connection c, long storyId) throws SQLException {
        Jdbc.update(c, "delete from search_term where story_id = ?", storyId);
        List<Object[]> rows = Jdbc.list(
                c,
                "select s.headline, s.summary, s.body_html, s.published_at from story s where s.id = ? and " + INDEXED,
                row -> new Object[] {
                    row.getString(1), row.getString(2), row.getString(3), row.getObject(4, OffsetDateTime.class)
                },
                storyId);
        if (rows.isEmpty()) {
            return;
        }
        List<String> tags = Jdbc.list(
                c,
                "select t.name from story_tag st join tag t on t.id = st.tag_id where st.story_id = ?",
                row -> row.getString(1),
                storyId);
        Object[] story = rows.get(0);
        Map<String, Integer> weights = weigh((String) story[0], (String) story[1], (String) story[2], tags);
        try (PreparedStatement insert = c.prepareStatement(
                "insert into search_term (term, story_id, weight, published_at) values (?, ?, ?, ?)")) {
            for (Map.Entry<String, Integer> term : weights.entrySet()) {
                insert.setString(1, term.getKey());
                insert.setLong(2, storyId);
                insert.setInt(3, term.getValue());
                insert.setObject(4, story[3]);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * Indexes published stories that have no terms yet, such as those written before the index existed or loaded in
     * bulk. Stories go {@value #INDEX_BATCH} to a transaction (one transaction for a whole archive would hold millions
     * of rows in its undo log), their text is turned into terms on every core, and each batch's rows are inserted in
     * term order, so the term-first indexes grow at a few places instead of at random.
     */
    public static int indexMissing(Jdbc jdbc) {
        long started = System.nanoTime();
        List<Long> missing = jdbc.withConnection(c -> Jdbc.list(
                c,
                "select s.id from story s where " + INDEXED
                        + " and not exists (select 1 from search_term t where t.story_id = s.id) order by s.id",
                row -> row.getLong(1)));
        for (int from = 0; from < missing.size(); from += INDEX_BATCH) {
            List<Long> batch = missing.subList(from, Math.min(from + INDEX_BATCH, missing.size()));
            jdbc.inTransaction(c -> {
                indexBatch(c, batch.get(0), batch.get(batch.size() - 1));
                return null;
            });
        }
        if (!missing.isEmpty()) {
            log.info(
                    "Indexed {} {} for search in {} ms",
                    missing.size(),
                    missing.size() == 1 ? "story" : "stories",
                    (System.nanoTime() - started) / 1_000_000);
        }
        return missing.size();
    }

    private record Posting(String term, long storyId, int weight, OffsetDateTime publishedAt) {}

    /** Indexes the stories with ids from {@code firstId} to {@code lastId} that have no terms. */
    private static void indexBatch(Connection c, long firstId, long lastId) throws SQLException {
        Map<Long, List<String>> tags = new HashMap<>();
        for (Object[] row : Jdbc.list(
                c,
                "select st.story_id, t.name from story_tag st join tag t on t.id = st.tag_id"
                        + " where st.story_id between ? and ?",
                row -> new Object[] {row.getLong(1), row.getString(2)},
                firstId,
                lastId)) {
            tags.computeIfAbsent((Long) row[0], id -> new ArrayList<>()).add((String) row[1]);
        }
        List<Object[]> stories = Jdbc.list(
                c,
                "select s.id, s.headline, s.summary, s.body_html, s.published_at from story s"
                        + " where s.id between ? and ? and " + INDEXED
                        + " and not exists (select 1 from search_term t where t.story_id = s.id)",
                row -> new Object[] {
                    row.getLong(1),
                    row.getString(2),
                    row.getString(3),
                    row.getString(4),
                    row.getObject(5, OffsetDateTime.class)
                },
                firstId,
                lastId);
        List<Posting> postings = stories.parallelStream()
                .flatMap(story -> {
                    long id = (Long) story[0];
                    Map<String, Integer> weights = weigh(
                            (String) story[1], (String) story[2], (String) story[3], tags.getOrDefault(id, List.of()));
                    return weights.entrySet().stream()
                            .map(term -> new Posting(term.getKey(), id, term.getValue(), (OffsetDateTime) story[4]));
                })
                .sorted(Comparator.comparing(Posting::term).thenComparing(Posting::storyId))
                .toList();
        try (PreparedStatement insert = c.prepareStatement(
                "insert into search_term (term, story_id, weight, published_at) values (?, ?, ?, ?)")) {
            for (Posting posting : postings) {
                insert.setString(1, posting.term());
                insert.setLong(2, posting.storyId());
                insert.setInt(3, posting.weight());
                insert.setObject(4, posting.publishedAt());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    static Map<String, Integer> weigh(String headline, String summary, String bodyHtml, List<String> tags) {
        Map<String, Integer> weights = new HashMap<>();
        Map<String, Integer> bodyCounts = new HashMap<>();
        for (String term : Terms.of(bodyText(bodyHtml))) {
            bodyCounts.merge(term, 1, Integer::sum);
        }
        bodyCounts.forEach((term, count) -> weights.put(term, BODY_WEIGHT * Math.min(count, BODY_REPEATS_COUNTED)));
        addOnce(weights, Terms.of(summary), SUMMARY_WEIGHT);
        addOnce(weights, Terms.of(String.join(" ", tags)), TAG_WEIGHT);
        addOnce(weights, Terms.of(headline), HEADLINE_WEIGHT);
        return weights;
    }

    /** What a reader reads: the stored body's text, without markup or link targets. */
    static String bodyText(String bodyHtml) {
        return bodyHtml == null || bodyHtml.isEmpty()
                ? ""
                : Jsoup.parse(bodyHtml).text();
    }

    private static void addOnce(Map<String, Integer> weights, List<String> terms, int weight) {
        terms.stream().distinct().forEach(term -> weights.merge(term, weight, Integer::sum));
    }
}
