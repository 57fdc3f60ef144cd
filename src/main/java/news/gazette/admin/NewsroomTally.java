package news.gazette.admin;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import news.gazette.change.ChangeLog;
import news.gazette.db.Jdbc;

/**
 * How many stories stand where, counted once per change and kept, so that the newsroom's list and dashboard do not walk
 * the archive on every request.
 *
 * <p>Every write, on any instance, adds a row to {@code site_change} in its own transaction (see {@link StoryChanges}),
 * so the counts are kept while that table's highest id and its row count stay the same (the count catches a lower id
 * that commits late). A scheduled story becomes published by time, without a write, so the counts also expire when the
 * next scheduled story goes live, as the public pages do.
 */
final class NewsroomTally {

    /** The counts, plus the stories not in the trash (the list's "all"). */
    record Counts(NewsroomCounts byState, long live) {}

    private record Known(Counts counts, List<Long> changes, Instant countedAt, Instant validUntil) {
        boolean holds(List<Long> changesNow, Instant now) {
            return changes.equals(changesNow) && !now.isBefore(countedAt) && now.isBefore(validUntil);
        }
    }

    private final Jdbc jdbc;
    private volatile Known known;

    NewsroomTally(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    Counts at(Instant now) {
        return jdbc.withConnection(c -> {
            List<Long> changes = changes(c);
            Known k = known;
            if (k != null && k.holds(changes, now)) {
                return k.counts();
            }
            synchronized (this) {
                k = known;
                if (k != null && k.holds(changes, now)) {
                    return k.counts();
                }
                Instant next = nextScheduled(c, now);
                k = new Known(count(c, now), changes, now, next == null ? Instant.MAX : next);
                known = k;
                return k.counts();
            }
        });
    }

    /** Two index lookups on H2 (the key's highest value and the table's row count); the table holds the last 10,000. */
    private static List<Long> changes(Connection c) throws SQLException {
        return ChangeLog.fingerprint(c);
    }

    /** When the next scheduled story goes live (one index lookup), or null if none is waiting. */
    private static Instant nextScheduled(Connection c, Instant now) throws SQLException {
        List<Instant> next = Jdbc.list(c, """
                select s.published_at from story s
                where s.status = 'published' and s.published_at > ? and s.deleted_at is null
                order by s.status, s.published_at limit 1""", row -> Jdbc.instant(row, "published_at"), now);
        return next.isEmpty() ? null : next.get(0);
    }

    /**
     * One walk over story_visible_idx (status, published_at, id, deleted_at): every column the states need is in the
     * index, so no story row is read. The {@code in} list is what lets the database walk that index instead of the rows.
     */
    private static Counts count(Connection c, Instant now) throws SQLException {
        List<Long> n = Jdbc.list(
                        c,
                        """
                select
                  sum(case when s.deleted_at is null and s.status = 'draft' then 1 else 0 end),
                  sum(case when s.deleted_at is null and s.status = 'published' and s.published_at > ? then 1 else 0 end),
                  sum(case when s.deleted_at is null and s.status = 'published' and s.published_at <= ? then 1 else 0 end),
                  sum(case when s.deleted_at is not null then 1 else 0 end),
                  sum(case when s.deleted_at is null then 1 else 0 end)
                from story s
                where s.status in ('draft', 'published')""",
                        row -> List.of(row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4), row.getLong(5)),
                        now,
                        now)
                .get(0);
        return new Counts(new NewsroomCounts(n.get(0), n.get(1), n.get(2), n.get(3)), n.get(4));
    }
}
