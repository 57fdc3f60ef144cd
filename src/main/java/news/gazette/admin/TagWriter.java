package news.gazette.admin;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import news.gazette.db.Jdbc;
import news.gazette.story.Slug;

/** Sets a story's tags by name, creating tags it has not seen before, inside the caller's transaction. */
final class TagWriter {

    private static final String INSERT_LISTING = """
            insert into story_tag_listing (tag_id, story_id, status, published_at, deleted_at)
            select st.tag_id, st.story_id, s.status, s.published_at, s.deleted_at
            from story_tag st join story s on s.id = st.story_id""";

    private TagWriter() {}

    static void replaceTags(Connection c, long storyId, List<String> names) throws SQLException {
        Jdbc.update(c, "delete from story_tag where story_id = ?", storyId);
        Map<String, String> bySlug = new LinkedHashMap<>();
        for (String name : names) {
            String clean = name == null ? "" : name.strip();
            if (!clean.isEmpty()) {
                bySlug.putIfAbsent(Slug.from(clean).value(), clean);
            }
        }
        int position = 0;
        for (Map.Entry<String, String> tag : bySlug.entrySet()) {
            long tagId = NamedRows.TAG.findOrCreate(c, tag.getKey(), tag.getValue());
            Jdbc.update(
                    c,
                    "insert into story_tag (story_id, tag_id, position) values (?, ?, ?)",
                    storyId,
                    tagId,
                    position++);
        }
        copyListing(c, storyId);
    }

    /**
     * Copies the story's visibility columns to {@code story_tag_listing}, one row per tag (V43); called after every
     * change to the story's tags, status, time or trash, inside the caller's transaction.
     */
    static void copyListing(Connection c, long storyId) throws SQLException {
        Jdbc.update(c, "delete from story_tag_listing where story_id = ?", storyId);
        Jdbc.update(c, INSERT_LISTING + " where st.story_id = ?", storyId);
    }

    /**
     * Copies the listing of every story whose tags were written behind StoryWriter's back (the benchmark's archive
     * generator, an import): called at start-up. Comparing the two row counts is two lookups on H2; a story deleted
     * takes its rows in both tables with it.
     */
    static void repairListing(Connection c) throws SQLException {
        long tags = Jdbc.list(c, "select count(*) from story_tag", row -> row.getLong(1))
                .get(0);
        long listed = Jdbc.list(c, "select count(*) from story_tag_listing", row -> row.getLong(1))
                .get(0);
        if (tags != listed) {
            if (listed > 0) {
                Jdbc.update(c, "delete from story_tag_listing");
            }
            Jdbc.update(c, INSERT_LISTING);
        }
    }
}
