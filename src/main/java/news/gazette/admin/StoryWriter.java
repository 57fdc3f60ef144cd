package news.gazette.admin;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import news.gazette.db.Jdbc;
import news.gazette.story.FeaturedImage;
import news.gazette.story.Slug;

/**
 * Every change the newsroom makes to stories. A save is one transaction: the story, its author and tags, its update
 * note and correction, its revision and its change-log row (which search reads), or none of them. A save against a
 * version that is no longer current changes nothing.
 */
public final class StoryWriter {

    /** What came of a save. */
    public enum Outcome {
        SAVED,
        STALE,
        SLUG_TAKEN
    }

    private static final String STORY_COLUMNS = """
            slug, headline, summary, body_markdown, body_html, body_words, author_id, status, developing, published_at,
            image_url, image_alt, image_caption, image_width, image_height, notes, language""";

    private final Jdbc jdbc;

    public StoryWriter(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Who saves, and what the save does to the story's review.
     *
     * @param accountId the account that saves: a new story is theirs; 0 when a tool saves
     * @param embargo the story's embargo after the save: a time, or {@link #NO_EMBARGO}; null leaves it as it is
     * @param publishesPending whether this save is the story's pending change going live (which ends it)
     */
    /**
     * Who saves and how. {@code minor}: the editor marked the edit as minor (a typo), so an edit of a published story's
     * text does not move its "Updated" time; the story's history lists it as minor.
     */
    public record SavedBy(
            String username,
            long accountId,
            ReviewDesk.ReviewStep review,
            Instant embargo,
            boolean publishesPending,
            boolean minor) {

        public static final Instant NO_EMBARGO = Instant.EPOCH;

        public static SavedBy tool(String name) {
            return new SavedBy(name, 0, ReviewDesk.ReviewStep.KEEP, null, false, false);
        }
    }

    public OptionalLong create(StoryDraft draft, String savedBy, Instant now) {
        return create(draft, SavedBy.tool(savedBy), now);
    }

    public Outcome update(long id, int expectedVersion, StoryDraft draft, String savedBy, Instant now) {
        return update(id, expectedVersion, draft, SavedBy.tool(savedBy), now);
    }

    /**
     * Stores a new story and returns its id; empty when another story took the slug between the caller's check and
     * this insert (two editors creating stories with the same headline at once).
     */
    public OptionalLong create(StoryDraft draft, SavedBy savedBy, Instant now) {
        try {
            return OptionalLong.of(jdbc.inTransaction(c -> {
                long id = Jdbc.insert(
                        c,
                        "insert into story (" + STORY_COLUMNS + ", created_at, modified_at, version)"
                                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
                        withTimes(columns(c, draft), now, now));
                Jdbc.update(
                        c,
                        "delete from story_slug_history where old_slug = ?",
                        draft.slug().value());
                if (savedBy.accountId() > 0) {
                    ReviewDesk.setOwner(c, id, savedBy.accountId());
                }
                finishSave(c, id, 1, draft, null, savedBy, now);
                return id;
            }));
        } catch (Jdbc.DataAccessException e) {
            if (Jdbc.isConstraintViolation(e) && isSlugTaken(draft.slug().value(), 0)) {
                return OptionalLong.empty();
            }
            throw e;
        }
    }

    /**
     * Saves {@code draft} over story {@code id} if it is still at {@code expectedVersion}. A changed slug leaves the
     * old one behind as a redirect.
     */
    public Outcome update(long id, int expectedVersion, StoryDraft draft, SavedBy savedBy, Instant now) {
        return jdbc.inTransaction(c -> update(c, id, expectedVersion, draft, savedBy, now));
    }

    /** As {@link #update}, inside the caller's transaction (a pending change applied with its claim). */
    static Outcome update(Connection c, long id, int expectedVersion, StoryDraft draft, SavedBy savedBy, Instant now)
            throws SQLException {
        {
            List<String> oldSlug = Jdbc.list(c, "select slug from story where id = ?", row -> row.getString(1), id);
            if (oldSlug.isEmpty()) {
                return Outcome.STALE;
            }
            String newSlug = draft.slug().value();
            if (isSlugTaken(c, newSlug, id)) {
                return Outcome.SLUG_TAKEN;
            }
            StoryChanges.Placement before = StoryChanges.placement(c, id);
            boolean substantive = !savedBy.minor() && changesLiveText(c, id, draft, now);
            String assignments = STORY_COLUMNS.replace("\n", " ").replace(",", " = ?,") + " = ?";
            Object[] params = withTimes(columns(c, draft), now, id, expectedVersion);
            int changed = Jdbc.update(
                    c,
                    "update story set " + assignments + ", modified_at = ?, version = version + 1"
                            + " where id = ? and version = ?",
                    params);
            if (changed == 0) {
                // Rolls back the author this save may have created.
                c.rollback();
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
            if (substantive) {
                // Readers read something else now: the story says when it was updated (and dateModified follows).
                Jdbc.update(c, "update story set updated_at = ? where id = ?", now, id);
            }
            finishSave(c, id, expectedVersion + 1, draft, before, savedBy, now);
            return Outcome.SAVED;
        }
    }

    /**
     * Whether this save changes the headline, summary or body of a story readers can see now and that stays
     * published: a substantive edit, unless the editor marks it minor.
     */
    private static boolean changesLiveText(Connection c, long id, StoryDraft draft, Instant now) throws SQLException {
        if (draft.status() != news.gazette.story.StoryStatus.PUBLISHED
                || draft.publishedAt() == null
                || draft.publishedAt().isAfter(now)) {
            return false;
        }
        return !Jdbc.list(
                        c,
                        "select id from story where id = ? and status = 'published' and published_at <= ?"
                                + " and deleted_at is null"
                                + " and (headline <> ? or summary <> ? or body_markdown <> ?)",
                        row -> row.getLong(1),
                        id,
                        now,
                        draft.headline(),
                        draft.summary(),
                        draft.bodyMarkdown())
                .isEmpty();
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
        moveInOrOutOfTrash(
                id, now, "update story set deleted_at = ?, modified_at = ? where id = ? and deleted_at is null");
    }

    public void restore(long id, Instant now) {
        moveInOrOutOfTrash(id, now, "update story set deleted_at = null, modified_at = ? where id = ?");
    }

    /**
     * Deletes every trashed story for good, with its tags, updates, revisions and corrections; returns
     * how many. Readers stopped seeing these when they were trashed, so no public page changes; the change is still
     * recorded, for the newsroom's counts.
     */
    public int emptyTrash(Instant now) {
        return jdbc.inTransaction(c -> {
            int deleted = Jdbc.update(c, "delete from story where deleted_at is not null");
            StoryChanges.recordNewsroomOnly(c, now);
            return deleted;
        });
    }

    private void moveInOrOutOfTrash(long id, Instant now, String sql) {
        jdbc.inTransaction(c -> {
            StoryChanges.Placement before = StoryChanges.placement(c, id);
            int changed =
                    sql.contains("deleted_at = ?") ? Jdbc.update(c, sql, now, now, id) : Jdbc.update(c, sql, now, id);
            if (changed > 0) {
                TagWriter.copyListing(c, id);
                BylineWriter.copyListing(c, id);
                StoryChanges.record(c, id, before, StoryChanges.placement(c, id), now);
            }
            return null;
        });
    }

    /** What every save writes after the story row itself, in the save's transaction. */
    private static void finishSave(
            Connection c,
            long id,
            int version,
            StoryDraft draft,
            StoryChanges.Placement before,
            SavedBy savedBy,
            Instant now)
            throws SQLException {
        TagWriter.replaceTags(c, id, draft.tagNames());
        BylineWriter.replaceBylines(c, id, draft.authorNames());
        if (!draft.updateNote().isEmpty()) {
            Jdbc.insert(
                    c,
                    "insert into story_update (story_id, posted_at, note) values (?, ?, ?)",
                    id,
                    now,
                    draft.updateNote());
        }
        if (draft.correction() != null) {
            Jdbc.insert(
                    c,
                    "insert into story_correction (story_id, posted_at, wrong, correct) values (?, ?, ?, ?)",
                    id,
                    now,
                    draft.correction().wrong(),
                    draft.correction().right());
        }
        if (!draft.updateNote().isEmpty() || draft.correction() != null) {
            Jdbc.update(c, "update story set updated_at = ? where id = ?", now, id);
        }
        ReviewDesk.apply(c, id, savedBy.review(), savedBy.username(), now);
        if (savedBy.embargo() != null) {
            Instant until = savedBy.embargo().equals(SavedBy.NO_EMBARGO) ? null : savedBy.embargo();
            Jdbc.update(c, "update story set embargo_until = ? where id = ?", until, id);
        }
        if (savedBy.publishesPending()) {
            Jdbc.update(c, "delete from story_pending_change where story_id = ?", id);
        }
        Revisions.keep(c, id, version, draft, savedBy.username(), savedBy.minor(), now);
        StoryChanges.record(c, id, before, StoryChanges.placement(c, id), now);
    }

    /** The values of {@link #STORY_COLUMNS} for {@code draft}; finds or creates its authors in this transaction. */
    private static Object[] columns(Connection c, StoryDraft draft) throws SQLException {
        long authorId = BylineWriter.authorIds(c, draft.authorNames()).get(0);
        FeaturedImage image = draft.image();
        return new Object[] {
            draft.slug().value(),
            draft.headline(),
            draft.summary(),
            draft.bodyMarkdown(),
            draft.bodyHtml().html(),
            draft.bodyHtml().words(),
            authorId,
            draft.status().dbValue(),
            draft.developing(),
            draft.publishedAt(),
            image == null ? null : image.url(),
            image == null ? null : image.alt(),
            image == null ? null : image.caption(),
            image == null ? null : image.width(),
            image == null ? null : image.height(),
            draft.notes(),
            draft.language()
        };
    }

    private static Object[] withTimes(Object[] columns, Object... more) {
        Object[] all = java.util.Arrays.copyOf(columns, columns.length + more.length);
        System.arraycopy(more, 0, all, columns.length, more.length);
        return all;
    }

    private static boolean isSlugTaken(Connection c, String slug, long exceptId) throws SQLException {
        return !Jdbc.list(c, """
                        select id from story where slug = ? and id <> ?
                        union all
                        select story_id from story_slug_history where old_slug = ? and story_id <> ?""", row -> row.getLong(1), slug, exceptId, slug, exceptId)
                .isEmpty();
    }
}
