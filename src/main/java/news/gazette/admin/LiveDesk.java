package news.gazette.admin;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import news.gazette.change.ChangeKey;
import news.gazette.change.ChangeLog;
import news.gazette.db.Jdbc;
import news.gazette.story.FeaturedImage;
import news.gazette.story.RenderedHtml;

/**
 * The newsroom's writes to a story's live coverage: starting and ending it, posting, pinning and removing entries.
 * Each is one transaction with its change-log row ({@code story:<id>}), so the article, its entries fragment, its feeds,
 * every instance's page cache and the caches in front all follow within a poll, as for any save.
 */
final class LiveDesk {

    /** Pinned entries stay on top; more than a few and nothing is on top any more. */
    static final int MAX_PINNED = 3;

    /** What a posted entry holds: the Markdown as typed and its rendering, checked by the handler. */
    record EntryDraft(String bodyMarkdown, RenderedHtml body, String authorName, boolean pinned, FeaturedImage image) {}

    private final Jdbc jdbc;

    LiveDesk(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Starts the story's coverage, or takes up again one that ended; its entries stay. */
    void start(long storyId, String by, Instant now) {
        jdbc.inTransaction(c -> {
            int reopened = Jdbc.update(c, "update live_coverage set ended_at = null where story_id = ?", storyId);
            if (reopened == 0) {
                Jdbc.update(
                        c,
                        "insert into live_coverage (story_id, started_at, started_by) values (?, ?, ?)",
                        storyId,
                        now,
                        by);
            }
            changed(c, storyId, now, false);
            return null;
        });
    }

    /** Ends the coverage: the page keeps its entries and stops asking for new ones. */
    void end(long storyId, Instant now) {
        jdbc.inTransaction(c -> {
            Jdbc.update(
                    c, "update live_coverage set ended_at = ? where story_id = ? and ended_at is null", now, storyId);
            changed(c, storyId, now, false);
            return null;
        });
    }

    /** Posts an entry at {@code now}; the story's "Updated" time moves with it, as readers of a live page expect. */
    long post(long storyId, EntryDraft entry, String by, Instant now) {
        return jdbc.inTransaction(c -> {
            FeaturedImage image = entry.image();
            long id = Jdbc.insert(
                    c,
                    """
                    insert into live_entry (story_id, posted_at, posted_by, author_name, body_markdown, body_html,
                                            pinned, image_url, image_alt, image_width, image_height)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    storyId,
                    now,
                    by,
                    entry.authorName(),
                    entry.bodyMarkdown(),
                    entry.body().html(),
                    entry.pinned(),
                    image == null ? null : image.url(),
                    image == null ? null : image.alt(),
                    image == null ? null : image.width(),
                    image == null ? null : image.height());
            changed(c, storyId, now, true);
            return id;
        });
    }

    /** An entry of this story as it was typed, for the desk's edit form; empty when there is no such entry. */
    java.util.Optional<EntryDraft> find(long storyId, long entryId) {
        return jdbc.first(
                """
                select body_markdown, author_name, pinned, image_url, image_alt, image_width, image_height
                from live_entry where id = ? and story_id = ?""",
                row -> new EntryDraft(
                        row.getString("body_markdown"),
                        RenderedHtml.EMPTY,
                        row.getString("author_name"),
                        row.getBoolean("pinned"),
                        row.getString("image_url") == null
                                ? null
                                : new FeaturedImage(
                                        row.getString("image_url"),
                                        row.getString("image_alt"),
                                        "",
                                        row.getInt("image_width"),
                                        row.getInt("image_height"))),
                entryId,
                storyId);
    }

    /**
     * Corrects an entry's text, author or picture: it keeps its place and time, and readers see when it was updated;
     * its pin is the pin buttons' to change. False when there is no such entry.
     */
    boolean edit(long storyId, long entryId, EntryDraft entry, Instant now) {
        return jdbc.inTransaction(c -> {
            FeaturedImage image = entry.image();
            int rows = Jdbc.update(
                    c,
                    """
                    update live_entry set body_markdown = ?, body_html = ?, author_name = ?, image_url = ?,
                                          image_alt = ?, image_width = ?, image_height = ?, edited_at = ?
                    where id = ? and story_id = ?""",
                    entry.bodyMarkdown(),
                    entry.body().html(),
                    entry.authorName(),
                    image == null ? null : image.url(),
                    image == null ? null : image.alt(),
                    image == null ? null : image.width(),
                    image == null ? null : image.height(),
                    now,
                    entryId,
                    storyId);
            if (rows > 0) {
                changed(c, storyId, now, false);
            }
            return rows > 0;
        });
    }

    /** Pins or unpins an entry of this story; false when there is no such entry. */
    boolean pin(long storyId, long entryId, boolean pinned, Instant now) {
        return jdbc.inTransaction(c -> {
            int rows = Jdbc.update(
                    c, "update live_entry set pinned = ? where id = ? and story_id = ?", pinned, entryId, storyId);
            if (rows > 0) {
                changed(c, storyId, now, false);
            }
            return rows > 0;
        });
    }

    /** Removes an entry of this story; false when there is no such entry. */
    boolean delete(long storyId, long entryId, Instant now) {
        return jdbc.inTransaction(c -> {
            int rows = Jdbc.update(c, "delete from live_entry where id = ? and story_id = ?", entryId, storyId);
            if (rows > 0) {
                changed(c, storyId, now, false);
            }
            return rows > 0;
        });
    }

    int pinnedCount(long storyId) {
        return (int) jdbc.count("select count(*) from live_entry where story_id = ? and pinned", storyId);
    }

    /**
     * The story changed for readers: its last-modified time (the page's validators, the sitemap) and, for a new entry
     * on a published story, the "Updated" time; never its version, so an editor with the story open can still save.
     */
    private static void changed(Connection c, long storyId, Instant now, boolean announced) throws SQLException {
        if (announced) {
            Jdbc.update(
                    c,
                    "update story set modified_at = ?,"
                            + " updated_at = case when status = 'published' then ? else updated_at end where id = ?",
                    now,
                    now,
                    storyId);
        } else {
            Jdbc.update(c, "update story set modified_at = ? where id = ?", now, storyId);
        }
        ChangeLog.record(c, List.of(ChangeKey.ANY, ChangeKey.story(storyId)), now);
    }
}
