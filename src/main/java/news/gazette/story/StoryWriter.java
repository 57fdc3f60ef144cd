package news.gazette.story;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import news.gazette.db.Jdbc;

/**
 * Every change the newsroom makes to stories. Each save is one transaction that also keeps a revision; a save against
 * a version that is no longer current changes nothing. Every write also records what it changed for the page cache
 * ({@link StoryChanges}) in the same transaction; every write passes through this class or
 * {@link StoryRepository#addUpdate}.
 */
public final class StoryWriter {

    /** What came of a save. */
    public enum Outcome {
        SAVED,
        STALE,
        SLUG_TAKEN
    }

    private final Jdbc jdbc;

    public StoryWriter(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores a new story with its first revision and returns its id; empty when another story took the slug between
     * the caller's check and this insert (two editors creating stories with the same headline at once).
     */
    public OptionalLong create(StoryDraft draft, String savedBy, Instant now) {
        try {
            return OptionalLong.of(insert(draft, savedBy, now));
        } catch (Jdbc.DataAccessException e) {
            if (Jdbc.isConstraintViolation(e) && isSlugTaken(draft.slug().value(), 0)) {
                return OptionalLong.empty();
            }
            throw e;
        }
    }

    private long insert(StoryDraft draft, String savedBy, Instant now) {
        return jdbc.inTransaction(c -> {
            FeaturedImage image = draft.image();
            long id = Jdbc.insert(
                    c,
                    """
                    insert into story (slug, headline, summary, body_markdown, author_id, status, developing,
                                       published_at, created_at, modified_at, image_url, image_alt, image_caption,
                                       image_width, image_height, notes, version)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
                    """,
                    draft.slug().value(),
                    draft.headline(),
                    draft.summary(),
                    draft.bodyMarkdown(),
                    draft.authorId(),
                    draft.status().dbValue(),
                    draft.developing(),
                    draft.publishedAt(),
                    now,
                    now,
                    image == null ? null : image.url(),
                    image == null ? null : image.alt(),
                    image == null ? null : image.caption(),
                    image == null ? null : image.width(),
                    image == null ? null : image.height(),
                    draft.notes());
            Jdbc.update(
                    c,
                    "delete from story_slug_history where old_slug = ?",
                    draft.slug().value());
            TagWriter.replaceTags(c, id, draft.tagNames());
            keepRevision(c, id, 1, draft, savedBy, now);
            StoryChanges.record(c, id, null, StoryChanges.placement(c, id), now);
            return id;
        });
    }

    /**
     * Saves {@code draft} over story {@code id} if it is still at {@code expectedVersion}. A changed slug leaves the
     * old one behind as a redirect.
     */
    public Outcome update(long id, int expectedVersion, StoryDraft draft, String savedBy, Instant now) {
        return jdbc.inTransaction(c -> {
            List<String> oldSlug = Jdbc.list(c, "select slug from story where id = ?", row -> row.getString(1), id);
            if (oldSlug.isEmpty()) {
                return Outcome.STALE;
            }
            String newSlug = draft.slug().value();
            if (isSlugTaken(c, newSlug, id)) {
                return Outcome.SLUG_TAKEN;
            }
            StoryChanges.Placement before = StoryChanges.placement(c, id);
            FeaturedImage image = draft.image();
            int changed = Jdbc.update(
                    c,
                    """
                    update story set slug = ?, headline = ?, summary = ?, body_markdown = ?, author_id = ?, status = ?,
                                     developing = ?, published_at = ?, modified_at = ?, image_url = ?, image_alt = ?,
                                     image_caption = ?, image_width = ?, image_height = ?, notes = ?,
                                     version = version + 1
                    where id = ? and version = ?
                    """,
                    newSlug,
                    draft.headline(),
                    draft.summary(),
                    draft.bodyMarkdown(),
                    draft.authorId(),
                    draft.status().dbValue(),
                    draft.developing(),
                    draft.publishedAt(),
                    now,
                    image == null ? null : image.url(),
                    image == null ? null : image.alt(),
                    image == null ? null : image.caption(),
                    image == null ? null : image.width(),
                    image == null ? null : image.height(),
                    draft.notes(),
                    id,
                    expectedVersion);
            if (changed == 0) {
                return Outcome.STALE;
            }
            if (!oldSlug.get(0).equals(newSlug)) {
                Jdbc.update(c, "delete from story_slug_history where old_slug in (?, ?)", oldSlug.get(0), newSlug);
                Jdbc.update(
                        c,
                        "insert into story_slug_history (old_slug, story_id, changed_at) values (?, ?, ?)",
                        oldSlug.get(0),
                        id,
                        now);
            }
            TagWriter.replaceTags(c, id, draft.tagNames());
            keepRevision(c, id, expectedVersion + 1, draft, savedBy, now);
            StoryChanges.record(c, id, before, StoryChanges.placement(c, id), now);
            return Outcome.SAVED;
        });
    }

    /** Publishes a correction on the story and marks it updated. */
    public void addCorrection(long storyId, String wrong, String correct, Instant now) {
        jdbc.inTransaction(c -> {
            Jdbc.insert(
                    c,
                    "insert into story_correction (story_id, posted_at, wrong, correct) values (?, ?, ?, ?)",
                    storyId,
                    now,
                    wrong,
                    correct);
            StoryChanges.recordContent(c, storyId, now);
            return Jdbc.update(c, "update story set updated_at = ? where id = ?", now, storyId);
        });
    }

    /** True when {@code slug} is another story's address, current or old. */
    public boolean isSlugTaken(String slug, long exceptId) {
        return jdbc.withConnection(c -> isSlugTaken(c, slug, exceptId));
    }

    /** {@code base} if free, else {@code base-2}, {@code base-3} and so on. */
    public Slug uniqueSlug(Slug base, long exceptId) {
        String candidate = base.value();
        for (int n = 2; isSlugTaken(candidate, exceptId); n++) {
            String suffix = "-" + n;
            String stem = base.value();
            if (stem.length() + suffix.length() > Slug.MAX_LENGTH) {
                stem = stem.substring(0, Slug.MAX_LENGTH - suffix.length());
            }
            candidate = Slug.from(stem + suffix).value();
        }
        return new Slug(candidate);
    }

    public void trash(long id, Instant now) {
        jdbc.inTransaction(c -> {
            StoryChanges.Placement before = StoryChanges.placement(c, id);
            Jdbc.update(
                    c,
                    "update story set deleted_at = ?, modified_at = ? where id = ? and deleted_at is null",
                    now,
                    now,
                    id);
            TagWriter.copyListing(c, id);
            StoryChanges.record(c, id, before, StoryChanges.placement(c, id), now);
            return null;
        });
    }

    public void restore(long id, Instant now) {
        jdbc.inTransaction(c -> {
            StoryChanges.Placement before = StoryChanges.placement(c, id);
            Jdbc.update(c, "update story set deleted_at = null, modified_at = ? where id = ?", now, id);
            TagWriter.copyListing(c, id);
            StoryChanges.record(c, id, before, StoryChanges.placement(c, id), now);
            return null;
        });
    }

    /**
     * Deletes every trashed story for good, with its tags, updates, revisions and corrections; returns how many. Readers
     * stopped seeing these when they were trashed, so no public page changes; the change is still recorded, for the
     * newsroom's counts.
     */
    public int emptyTrash(Instant now) {
        return jdbc.inTransaction(c -> {
            int deleted = Jdbc.update(c, "delete from story where deleted_at is not null");
            StoryChanges.recordNewsroomOnly(c, now);
            return deleted;
        });
    }

    private static boolean isSlugTaken(Connection c, String slug, long exceptId) throws SQLException {
        return !Jdbc.list(c, """
                        select id from story where slug = ? and id <> ?
                        union all
                        select story_id from story_slug_history where old_slug = ? and story_id <> ?""", row -> row.getLong(1), slug, exceptId, slug, exceptId)
                .isEmpty();
    }

    private static void keepRevision(Connection c, long id, int version, StoryDraft draft, String savedBy, Instant now)
            throws SQLException {
        Jdbc.insert(
                c,
                """
                insert into story_revision (story_id, version, saved_at, saved_by, slug, headline, summary,
                                            body_markdown, notes, status, published_at, tags)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                id,
                version,
                now,
                savedBy,
                draft.slug().value(),
                draft.headline(),
                draft.summary(),
                draft.bodyMarkdown(),
                draft.notes(),
                draft.status().dbValue(),
                draft.publishedAt(),
                String.join(", ", draft.tagNames()));
    }
}
