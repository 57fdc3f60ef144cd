package news.gazette.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import news.gazette.db.Jdbc;
import news.gazette.story.Markdown;
import org.jsoup.Jsoup;

/**
 * Keeps {@code search_term} in step with a story: one call, {@link #reindex}, rewrites all of a story's terms inside
 * the caller's transaction. On H2 a trigger calls it on every write to {@code story} and {@code story_tag}, so any
 * write path (including the newsroom's) keeps search current without knowing about it.
 */
public final class SearchIndex {

    // Where a word appears decides its weight, so a headline match outranks a passing mention in the body.
    static final int HEADLINE_WEIGHT = 20;
    static final int TAG_WEIGHT = 15;
    static final int SUMMARY_WEIGHT = 6;
    static final int BODY_WEIGHT = 1;
    // Repeating a word many times in a body should not beat saying it once in a headline.
    static final int BODY_REPEATS_COUNTED = 5;

    private static final Markdown MARKDOWN = new Markdown();

    private SearchIndex() {}

    /**
     * Which stories have terms: published ones, including scheduled ones (searches compare their publication time with
     * the clock). Drafts have none, so an unpublished story disappears from search in the same transaction.
     */
    static final String INDEXED = "s.status = 'published' and s.published_at is not null";

    /**
     * The newsroom's trash is a {@code deleted_at} column added by its own migration; where it exists, a story in the
     * trash has no terms. Looked up per write (cheap next to rendering the body) so this works on either schema.
     */
    static String indexed(Connection c) throws SQLException {
        for (String[] names : new String[][] {{"STORY", "DELETED_AT"}, {"story", "deleted_at"}}) {
            try (ResultSet columns = c.getMetaData().getColumns(null, null, names[0], names[1])) {
                if (columns.next()) {
                    return INDEXED + " and s.deleted_at is null";
                }
            }
        }
        return INDEXED;
    }

    /** Rewrites the terms of story {@code storyId}; a story that is gone or not published loses its terms. */
    public static void reindex(Connection c, long storyId) throws SQLException {
        Jdbc.update(c, "delete from search_term where story_id = ?", storyId);
        List<Object[]> rows = Jdbc.list(
                c,
                "select s.headline, s.summary, s.body_markdown, s.published_at from story s where s.id = ? and "
                        + indexed(c),
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

    /** Indexes published stories that have no terms yet, such as those written before the index existed. */
    public static int indexMissing(Jdbc jdbc) {
        return jdbc.inTransaction(c -> {
            List<Long> missing = Jdbc.list(
                    c,
                    "select s.id from story s where " + indexed(c)
                            + " and not exists (select 1 from search_term t where t.story_id = s.id)",
                    row -> row.getLong(1));
            for (long id : missing) {
                reindex(c, id);
            }
            return missing.size();
        });
    }

    static Map<String, Integer> weigh(String headline, String summary, String bodyMarkdown, List<String> tags) {
        Map<String, Integer> weights = new HashMap<>();
        Map<String, Integer> bodyCounts = new HashMap<>();
        for (String term : Terms.of(bodyText(bodyMarkdown))) {
            bodyCounts.merge(term, 1, Integer::sum);
        }
        bodyCounts.forEach((term, count) -> weights.put(term, BODY_WEIGHT * Math.min(count, BODY_REPEATS_COUNTED)));
        addOnce(weights, Terms.of(summary), SUMMARY_WEIGHT);
        addOnce(weights, Terms.of(String.join(" ", tags)), TAG_WEIGHT);
        addOnce(weights, Terms.of(headline), HEADLINE_WEIGHT);
        return weights;
    }

    /** What a reader reads: the rendered body's text, without Markdown syntax or link targets. */
    static String bodyText(String bodyMarkdown) {
        return Jsoup.parse(MARKDOWN.render(bodyMarkdown).html()).text();
    }

    private static void addOnce(Map<String, Integer> weights, List<String> terms, int weight) {
        terms.stream().distinct().forEach(term -> weights.merge(term, weight, Integer::sum));
    }
}
