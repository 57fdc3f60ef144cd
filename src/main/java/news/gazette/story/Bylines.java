package news.gazette.story;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import news.gazette.db.Jdbc;

/**
 * Reads the bylines of stories, in order, with what each author's page shows: one query for any number of stories, so
 * a list of cards or a feed costs the same two lookups whether its stories have one author or five.
 */
public final class Bylines {

    /** The author columns every reader query selects, for an author aliased {@code a}, read by {@link #toAuthor}. */
    public static final String AUTHOR_COLUMNS = """
            a.id as author_id, a.slug as author_slug, a.name as author_name, a.bio as author_bio,
            a.kind as author_kind, a.photo_url as author_photo_url, a.links as author_links""";

    private Bylines() {}

    /**
     * Every byline of each of {@code storyIds}, lead first. A story with no recorded bylines (written behind the
     * newsroom's back, before the start-up repair) is absent: callers keep the lead author they joined.
     */
    public static Map<Long, List<Author>> of(Connection c, Collection<Long> storyIds) throws SQLException {
        Map<Long, List<Author>> byStory = new HashMap<>();
        if (storyIds.isEmpty()) {
            return byStory;
        }
        Jdbc.list(
                c,
                "select b.story_id, " + AUTHOR_COLUMNS + " from story_byline b join author a on a.id = b.author_id"
                        + " where b.story_id in (" + Jdbc.placeholders(storyIds.size()) + ")"
                        + " order by b.story_id, b.position",
                row -> byStory.computeIfAbsent(row.getLong("story_id"), id -> new ArrayList<>())
                        .add(toAuthor(row)),
                storyIds.toArray());
        return byStory;
    }

    /** The author in the {@link #AUTHOR_COLUMNS} of {@code row}. */
    public static Author toAuthor(ResultSet row) throws SQLException {
        return new Author(
                row.getLong("author_id"),
                row.getString("author_slug"),
                row.getString("author_name"),
                row.getString("author_bio"),
                "organization".equals(row.getString("author_kind")),
                row.getString("author_photo_url"),
                links(row.getString("author_links")));
    }

    /** The stored links, one per line. */
    public static List<String> links(String stored) {
        if (stored == null || stored.isBlank()) {
            return List.of();
        }
        return Arrays.stream(stored.split("\n"))
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .toList();
    }
}
