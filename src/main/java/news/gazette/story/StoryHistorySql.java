package news.gazette.story;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import news.gazette.db.Jdbc;

/**
 * The reader-side queries over what editing leaves behind (old slugs and corrections), kept out of
 * {@link JdbcStoryRepository} so that it stays about reading stories. Each takes the repository's visibility condition.
 */
final class StoryHistorySql {

    private StoryHistorySql() {}

    static Optional<String> findRenamedSlug(Jdbc jdbc, String visible, String oldSlug, Instant now) {
        return jdbc.first("""
                select s.slug from story_slug_history h join story s on s.id = h.story_id
                where h.old_slug = ? and %s
                """.formatted(visible), row -> row.getString(1), oldSlug, now);
    }

    static List<CorrectionListing> findCorrections(Jdbc jdbc, String visible, int limit, Instant now) {
        return jdbc.list(
                """
                select c.id, s.slug, s.headline, c.posted_at, c.wrong, c.correct, s.language
                from story_correction c join story s on s.id = c.story_id
                where %s
                order by c.posted_at desc, c.id desc
                limit ?
                """.formatted(visible),
                row -> new CorrectionListing(
                        row.getLong("id"),
                        row.getString("slug"),
                        row.getString("headline"),
                        Jdbc.instant(row, "posted_at"),
                        row.getString("wrong"),
                        row.getString("correct"),
                        row.getString("language")),
                now,
                limit);
    }

    /**
     * The version readers first read (the last published save at or before the publication time; for a story
     * published with an earlier date, its first published save), then the newest {@code limit} published saves after
     * it, oldest first; when those are cut short, the one before the oldest shown stands in for the first. Only the
     * columns readers read: never the notes.
     */
    static List<PublicRevision> publicRevisions(Jdbc jdbc, long storyId, Instant publishedAt, int limit) {
        String columns = "select version, saved_at, headline, summary, body_markdown, minor from story_revision";
        long asPublished = jdbc.first(
                        "select max(version) from story_revision"
                                + " where story_id = ? and status = 'published' and saved_at <= ?",
                        row -> row.getObject(1) == null ? -1L : row.getLong(1),
                        storyId,
                        publishedAt)
                .filter(version -> version >= 0)
                .or(() -> jdbc.first(
                        "select min(version) from story_revision where story_id = ? and status = 'published'",
                        row -> row.getObject(1) == null ? -1L : row.getLong(1),
                        storyId))
                .orElse(-1L);
        if (asPublished < 0) {
            return List.of();
        }
        List<PublicRevision> later = new ArrayList<>(jdbc.list(
                columns + " where story_id = ? and version > ? and status = 'published'"
                        + " order by version desc, id desc limit ?",
                StoryHistorySql::toRevision,
                storyId,
                asPublished,
                limit));
        long before = later.size() < limit
                ? asPublished + 1
                : later.get(later.size() - 1).version();
        List<PublicRevision> first = jdbc.list(
                columns + " where story_id = ? and version < ? and version >= ? and status = 'published'"
                        + " order by version desc, id desc limit 1",
                StoryHistorySql::toRevision,
                storyId,
                before,
                asPublished);
        java.util.Collections.reverse(later);
        List<PublicRevision> versions = new ArrayList<>(first);
        versions.addAll(later);
        return versions;
    }

    private static PublicRevision toRevision(java.sql.ResultSet row) throws SQLException {
        return new PublicRevision(
                row.getInt("version"),
                Jdbc.instant(row, "saved_at"),
                row.getString("headline"),
                row.getString("summary"),
                row.getString("body_markdown"),
                row.getBoolean("minor"));
    }

    /** A story's corrections, newest first. */
    static List<StoryCorrection> corrections(Connection c, long storyId) throws SQLException {
        return Jdbc.list(
                c,
                "select id, posted_at, wrong, correct from story_correction where story_id = ?"
                        + " order by posted_at desc, id desc",
                row -> new StoryCorrection(
                        row.getLong("id"),
                        Jdbc.instant(row, "posted_at"),
                        row.getString("wrong"),
                        row.getString("correct")),
                storyId);
    }
}
