package news.gazette.story;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import news.gazette.db.Jdbc;

/**
 * Turns rows of {@code story} and its relations into records, one way for every query that reads them: the reader's
 * repository and the newsroom's, which reads stories in any state.
 */
public final class StoryRows {

    /** The columns {@link #toStory} reads, for a story aliased {@code s} joined with its author {@code a}. */
    public static final String STORY_WITH_AUTHOR =
            "select s.*, " + Bylines.AUTHOR_COLUMNS + "\nfrom story s join author a on a.id = s.author_id\n";

    private StoryRows() {}

    /** A story without its tags, updates and corrections; {@link #withRelations} adds them. */
    public static Story toStory(ResultSet row) throws SQLException {
        return new Story(
                row.getLong("id"),
                row.getString("slug"),
                row.getString("headline"),
                row.getString("summary"),
                row.getString("body_markdown"),
                RenderedHtml.stored(row.getString("body_html"), (Integer) row.getObject("body_words")),
                List.of(toAuthorColumns(row)),
                StoryStatus.fromDb(row.getString("status")),
                row.getBoolean("developing"),
                Jdbc.instant(row, "published_at"),
                Jdbc.instant(row, "updated_at"),
                Jdbc.instant(row, "created_at"),
                Jdbc.instant(row, "modified_at"),
                toImage(row),
                row.getString("notes"),
                row.getInt("version"),
                List.of(),
                List.of(),
                List.of(),
                row.getString("language"));
    }

    /** {@code story} with all its bylines and tags in order, its updates and its corrections, newest first. */
    public static Story withRelations(Connection c, Story story) throws SQLException {
        List<Tag> tags = Jdbc.list(c, """
                select t.id, t.slug, t.name from story_tag st join tag t on t.id = st.tag_id
                where st.story_id = ? order by st.position, t.name
                """, StoryRows::toTag, story.id());
        List<StoryUpdate> updates = Jdbc.list(
                c,
                "select id, posted_at, note from story_update where story_id = ? order by posted_at desc, id desc",
                row -> new StoryUpdate(row.getLong("id"), Jdbc.instant(row, "posted_at"), row.getString("note")),
                story.id());
        return story.withAuthors(Bylines.of(c, List.of(story.id())).get(story.id()))
                .withRelations(tags, updates, StoryHistorySql.corrections(c, story.id()));
    }

    static FeaturedImage toImage(ResultSet row) throws SQLException {
        String url = row.getString("image_url");
        if (url == null || url.isBlank()) {
            return null;
        }
        return new FeaturedImage(
                url,
                row.getString("image_alt"),
                row.getString("image_caption"),
                row.getInt("image_width"),
                row.getInt("image_height"));
    }

    static Author toAuthorColumns(ResultSet row) throws SQLException {
        return Bylines.toAuthor(row);
    }

    public static Tag toTag(ResultSet row) throws SQLException {
        return new Tag(row.getLong("id"), row.getString("slug"), row.getString("name"));
    }
}
