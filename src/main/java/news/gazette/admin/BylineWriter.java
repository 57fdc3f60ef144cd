package news.gazette.admin;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import news.gazette.db.Jdbc;
import news.gazette.story.Slug;

/**
 * Sets a story's bylines by name, in order, creating authors it has not seen before, inside the caller's transaction;
 * and keeps story_byline's copy of the story's visibility columns (V65) current, as TagWriter does for tags.
 */
final class BylineWriter {

    private static final String COPY_VISIBILITY = """
            update story_byline set
                status = (select s.status from story s where s.id = story_byline.story_id),
                published_at = (select s.published_at from story s where s.id = story_byline.story_id),
                deleted_at = (select s.deleted_at from story s where s.id = story_byline.story_id)
            """;

    private BylineWriter() {}

    /** The author ids of {@code names}, in order, found or created; the first is the lead (story.author_id). */
    static List<Long> authorIds(Connection c, List<String> names) throws SQLException {
        List<Long> ids = new ArrayList<>();
        for (String name : names) {
            long id = NamedRows.AUTHOR.findOrCreate(c, Slug.from(name).value(), name);
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** Writes the story's bylines, lead first; the story row is already written. */
    static void replaceBylines(Connection c, long storyId, List<String> names) throws SQLException {
        Jdbc.update(c, "delete from story_byline where story_id = ?", storyId);
        int position = 0;
        for (long authorId : authorIds(c, names)) {
            Jdbc.update(c, """
                    insert into story_byline (story_id, position, author_id, status, published_at, deleted_at)
                    select s.id, ?, ?, s.status, s.published_at, s.deleted_at from story s where s.id = ?""", position++, authorId, storyId);
        }
    }

    /** After a change to the story's status, time or trash alone. */
    static void copyListing(Connection c, long storyId) throws SQLException {
        Jdbc.update(c, COPY_VISIBILITY + " where story_id = ?", storyId);
    }

    /**
     * Gives every story written behind StoryWriter's back (the archive generator, an import of an older export) its
     * lead byline (story.author_id) with its visibility columns: called at start-up, two counts on H2.
     */
    static void repairListing(Connection c) throws SQLException {
        long stories = Jdbc.list(c, "select count(*) from story", row -> row.getLong(1))
                .get(0);
        long leads = Jdbc.list(c, "select count(*) from story_byline where position = 0", row -> row.getLong(1))
                .get(0);
        if (stories != leads) {
            Jdbc.update(c, """
                    insert into story_byline (story_id, position, author_id, status, published_at, deleted_at)
                    select s.id, 0, s.author_id, s.status, s.published_at, s.deleted_at from story s
                    where not exists (select 1 from story_byline b where b.story_id = s.id and b.position = 0)""");
        }
    }
}
