package news.gazette.story;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import news.gazette.db.Jdbc;

/** Sets a story's tags by name, creating tags it has not seen before, inside the caller's transaction. */
final class TagWriter {

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
            long tagId = findOrCreate(c, tag.getKey(), tag.getValue());
            Jdbc.update(
                    c,
                    "insert into story_tag (story_id, tag_id, position) values (?, ?, ?)",
                    storyId,
                    tagId,
                    position++);
        }
    }

    private static long findOrCreate(Connection c, String slug, String name) throws SQLException {
        List<Long> existing = Jdbc.list(c, "select id from tag where slug = ?", row -> row.getLong(1), slug);
        if (!existing.isEmpty()) {
            return existing.get(0);
        }
        // A concurrent save may create the same tag; the savepoint keeps this transaction usable if it does.
        Savepoint savepoint = c.setSavepoint();
        try {
            long id = Jdbc.insert(c, "insert into tag (slug, name) values (?, ?)", slug, name);
            c.releaseSavepoint(savepoint);
            return id;
        } catch (SQLException e) {
            if (!Jdbc.isConstraintViolation(e)) {
                throw e;
            }
            c.rollback(savepoint);
            return Jdbc.list(c, "select id from tag where slug = ?", row -> row.getLong(1), slug)
                    .get(0);
        }
    }
}
