package news.gazette.story;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
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
