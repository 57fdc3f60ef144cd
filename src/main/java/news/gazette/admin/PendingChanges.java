package news.gazette.admin;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import news.gazette.db.Jdbc;
import news.gazette.story.FeaturedImage;
import news.gazette.story.Markdown;
import news.gazette.story.MarkdownTooComplexException;
import news.gazette.story.Slug;
import news.gazette.story.StoryStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Changes to published stories that readers do not see yet: at most one per story, saved from the editor, previewed,
 * then published by an editor or at a set time, or discarded. Publishing one is an ordinary save of the story (its
 * revision, change log, caches and purges), in the same transaction that removes the pending row, so it happens once
 * whichever instance's timer gets there first.
 */
public final class PendingChanges {

    private static final Logger log = LoggerFactory.getLogger(PendingChanges.class);

    /**
     * The changes due, read a few times a second on every instance. It starts from the pending rows by their time and
     * looks each story up by its key: written as a join, H2 walked every published story to find the (usually no)
     * pending rows, which took 40 % of the processor during a crawl of 100,000 stories (PollCostTest).
     */
    static final String DUE = """
            select p.story_id from story_pending_change p
            where p.publish_at <= ?
              and exists (select 1 from story s where s.id = p.story_id and s.status = 'published' and s.deleted_at is null)
            order by p.publish_at limit 20""";

    /** A pending change: its fields as a draft of the story (the body as Markdown), and when it goes live. */
    public record Pending(long storyId, Instant savedAt, String savedBy, Instant publishAt, StoryDraft draft) {}

    private final Jdbc jdbc;
    private final Markdown markdown;

    public PendingChanges(Jdbc jdbc, Markdown markdown) {
        this.jdbc = jdbc;
        this.markdown = markdown;
    }

    public Optional<Pending> find(long storyId) {
        return jdbc.first("select * from story_pending_change where story_id = ?", this::toPending, storyId);
    }

    /** Saves {@code draft} as the story's pending change, replacing any earlier one. */
    public void stage(long storyId, StoryDraft draft, Instant publishAt, String by, Instant now) {
        FeaturedImage image = draft.image();
        var correction = draft.correction();
        jdbc.inTransaction(c -> {
            Jdbc.update(c, "delete from story_pending_change where story_id = ?", storyId);
            Jdbc.update(
                    c,
                    """
                    insert into story_pending_change (story_id, saved_at, saved_by, publish_at, slug, headline, summary,
                        body_markdown, author, tags, developing, image_url, image_alt, image_caption, image_width,
                        image_height, notes, update_note, correction_wrong, correction_right, language)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    storyId,
                    now,
                    by,
                    publishAt,
                    draft.slug().value(),
                    draft.headline(),
                    draft.summary(),
                    draft.bodyMarkdown(),
                    draft.authorName(),
                    String.join("\n", draft.tagNames()),
                    draft.developing(),
                    image == null ? null : image.url(),
                    image == null ? null : image.alt(),
                    image == null ? null : image.caption(),
                    image == null ? null : image.width(),
                    image == null ? null : image.height(),
                    draft.notes(),
                    draft.updateNote(),
                    correction == null ? null : correction.wrong(),
                    correction == null ? null : correction.right(),
                    draft.language());
            return null;
        });
    }

    public boolean discard(long storyId) {
        return jdbc.update("delete from story_pending_change where story_id = ?", storyId) == 1;
    }

    /** Publishes every pending change whose time has come, each in one transaction with its claim; returns how many. */
    public int publishDue(Instant now) {
        List<Long> due = jdbc.list(DUE, row -> row.getLong(1), now);
        int published = 0;
        for (long storyId : due) {
            if (publishDue(storyId, now)) {
                published++;
            }
        }
        return published;
    }

    private boolean publishDue(long storyId, Instant now) {
        return jdbc.inTransaction(c -> {
            List<Pending> claimed = Jdbc.list(
                    c,
                    "select * from story_pending_change where story_id = ? and publish_at <= ?",
                    this::toPending,
                    storyId,
                    now);
            // The delete is the claim: of several instances, one deletes the row and publishes it.
            if (claimed.isEmpty()
                    || Jdbc.update(
                                    c,
                                    "delete from story_pending_change where story_id = ? and saved_at = ?",
                                    storyId,
                                    claimed.get(0).savedAt())
                            == 0) {
                return false;
            }
            Pending pending = claimed.get(0);
            StoryWriter.Outcome outcome = StoryWriter.update(
                    c,
                    storyId,
                    currentVersion(c, storyId),
                    withLiveTime(c, pending.draft(), storyId),
                    new StoryWriter.SavedBy(pending.savedBy(), 0, ReviewDesk.ReviewStep.KEEP, null, false, false),
                    now);
            if (outcome != StoryWriter.Outcome.SAVED) {
                // Its address was taken meanwhile: the change waits for an editor, who will be told why.
                c.rollback();
                Jdbc.update(c, "update story_pending_change set publish_at = null where story_id = ?", storyId);
                log.warn(
                        "The pending change to story {} could not go live at its time ({}); it waits for an editor",
                        storyId,
                        outcome);
                return false;
            }
            return true;
        });
    }

    /** The editor's form for a live story with a pending change: the change's fields over the live version. */
    static StoryForm formOf(news.gazette.story.Story live, Pending p) {
        StoryDraft d = p.draft();
        FeaturedImage image = d.image();
        var correction = d.correction();
        return new StoryForm(
                live.version(),
                d.headline(),
                d.slug().value(),
                d.summary(),
                d.bodyMarkdown(),
                String.join(", ", d.tagNames()),
                d.authorName(),
                image == null ? "" : image.url(),
                image == null ? "" : image.alt(),
                image == null ? "" : image.caption(),
                d.notes(),
                "now",
                news.gazette.web.Dates.formValue(live.publishedAt()),
                d.developing(),
                d.updateNote(),
                correction == null ? "" : correction.wrong(),
                correction == null ? "" : correction.right(),
                false,
                news.gazette.web.Dates.formValue(p.publishAt()),
                d.language() == null ? "" : d.language(),
                false);
    }

    private static int currentVersion(Connection c, long storyId) throws SQLException {
        return Jdbc.list(c, "select version from story where id = ?", row -> row.getInt(1), storyId)
                .get(0);
    }

    /** The draft keeps the story's own first publication time. */
    private static StoryDraft withLiveTime(Connection c, StoryDraft d, long storyId) throws SQLException {
        Instant publishedAt = Jdbc.list(
                        c,
                        "select published_at from story where id = ?",
                        row -> Jdbc.instant(row, "published_at"),
                        storyId)
                .get(0);
        return new StoryDraft(
                d.slug(),
                d.headline(),
                d.summary(),
                d.bodyMarkdown(),
                d.bodyHtml(),
                d.authorName(),
                StoryStatus.PUBLISHED,
                d.developing(),
                publishedAt,
                d.image(),
                d.notes(),
                d.tagNames(),
                d.updateNote(),
                d.correction(),
                d.language());
    }

    private Pending toPending(ResultSet row) throws SQLException {
        String url = row.getString("image_url");
        FeaturedImage image = url == null
                ? null
                : new FeaturedImage(
                        url,
                        row.getString("image_alt"),
                        row.getString("image_caption"),
                        row.getInt("image_width"),
                        row.getInt("image_height"));
        String wrong = row.getString("correction_wrong");
        String body = row.getString("body_markdown");
        news.gazette.story.RenderedHtml html;
        try {
            html = markdown.render(body);
        } catch (MarkdownTooComplexException e) {
            html = news.gazette.story.RenderedHtml.EMPTY; // checked when it was staged, with the same limits
        }
        String tags = row.getString("tags");
        StoryDraft draft = new StoryDraft(
                new Slug(row.getString("slug")),
                row.getString("headline"),
                row.getString("summary"),
                body,
                html,
                row.getString("author"),
                StoryStatus.PUBLISHED,
                row.getBoolean("developing"),
                Instant.EPOCH,
                image,
                row.getString("notes"),
                tags.isEmpty() ? List.of() : Arrays.asList(tags.split("\n")),
                row.getString("update_note"),
                wrong == null ? null : new StoryDraft.Correction(wrong, row.getString("correction_right")),
                row.getString("language"));
        return new Pending(
                row.getLong("story_id"),
                Jdbc.instant(row, "saved_at"),
                row.getString("saved_by"),
                Jdbc.instant(row, "publish_at"),
                draft);
    }
}
