package news.gazette.admin;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import news.gazette.db.Jdbc;

/**
 * Where a story stands in review, and who started it. A story in review is still a draft to readers (its status is
 * {@code draft}), so nothing on the reader side needs to know about review at all.
 */
public final class ReviewDesk {

    /** Where a draft stands between its writer and an editor. */
    public enum ReviewState {
        NONE,
        SUBMITTED,
        RETURNED;

        static ReviewState fromDb(String value) {
            return value == null ? NONE : valueOf(value.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** What a save does to the story's review: leaves it, submits it, or ends it (withdrawn or published). */
    public enum ReviewStep {
        KEEP,
        SUBMIT,
        CLEAR
    }

    /**
     * A story's place in the workflow.
     *
     * @param ownerId the account that started the story; null for stories from before accounts owned stories
     * @param note the editor's note when the story was returned to its writer
     * @param embargoUntil the story may not be published before this time while it is set; null for no embargo
     */
    public record Workflow(
            Long ownerId, ReviewState state, String note, Instant changedAt, String changedBy, Instant embargoUntil) {

        public static final Workflow NONE = new Workflow(null, ReviewState.NONE, null, null, null, null);

        public boolean embargoedAt(Instant now) {
            return embargoUntil != null && embargoUntil.isAfter(now);
        }

        public boolean isOwnedBy(long accountId) {
            return ownerId != null && ownerId == accountId;
        }
    }

    private final Jdbc jdbc;

    public ReviewDesk(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public Workflow workflow(long storyId) {
        return jdbc.first(
                        "select owner_id, review_state, review_note, review_at, review_by, embargo_until from story"
                                + " where id = ?",
                        row -> new Workflow(
                                row.getObject("owner_id") == null ? null : row.getLong("owner_id"),
                                ReviewState.fromDb(row.getString("review_state")),
                                row.getString("review_note"),
                                Jdbc.instant(row, "review_at"),
                                row.getString("review_by"),
                                Jdbc.instant(row, "embargo_until")),
                        storyId)
                .orElse(Workflow.NONE);
    }

    /** Drafts waiting for an editor, longest waiting first. */
    public List<NewsroomRow> waiting(int limit) {
        return rows("s.review_state = 'submitted' and s.deleted_at is null order by s.review_at, s.id", limit);
    }

    /** One writer's drafts that an editor sent back, most recently returned first. */
    public List<NewsroomRow> returnedTo(long ownerId, int limit) {
        return rows(
                "s.review_state = 'returned' and s.deleted_at is null and s.owner_id = ?"
                        + " order by s.review_at desc, s.id desc",
                ownerId,
                limit);
    }

    public long waitingCount() {
        return jdbc.count("select count(*) from story where review_state = 'submitted' and deleted_at is null");
    }

    /** Sends a submitted draft back to its writer with a note; false if it was not waiting for review. */
    public boolean returnToWriter(long storyId, String note, String by, Instant now) {
        return jdbc.update(
                        "update story set review_state = 'returned', review_note = ?, review_at = ?, review_by = ?"
                                + " where id = ? and review_state = 'submitted' and status = 'draft'",
                        note,
                        now,
                        by,
                        storyId)
                == 1;
    }

    /** Part of a save's transaction: records who started a new story. */
    static void setOwner(Connection c, long storyId, long ownerId) throws SQLException {
        Jdbc.update(c, "update story set owner_id = ? where id = ?", ownerId, storyId);
    }

    /** Part of a save's transaction: moves the story's review along. */
    static void apply(Connection c, long storyId, ReviewStep step, String by, Instant now) throws SQLException {
        switch (step) {
            case KEEP -> {}
            case SUBMIT ->
                Jdbc.update(
                        c,
                        "update story set review_state = 'submitted', review_note = null, review_at = ?,"
                                + " review_by = ? where id = ?",
                        now,
                        by,
                        storyId);
            case CLEAR ->
                Jdbc.update(
                        c,
                        "update story set review_state = null, review_note = null, review_at = null,"
                                + " review_by = null where id = ? and review_state is not null",
                        storyId);
        }
    }

    private List<NewsroomRow> rows(String whereAndOrder, Object... params) {
        return jdbc.list(
                "select " + NewsroomStories.ROW_COLUMNS + " where " + whereAndOrder + " limit ?",
                NewsroomStories::toRow,
                params);
    }
}
