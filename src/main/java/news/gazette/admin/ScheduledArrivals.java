package news.gazette.admin;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import news.gazette.db.Jdbc;

/**
 * Records a scheduled story's going live in the change log, once, whichever instance notices first. Nothing else
 * writes when its time comes (readers' queries take {@code now}), yet every instance's caches, search index and the
 * proxy's purges must hear of it: each instance's poller calls {@link #recordDue} when a scheduled time has passed,
 * and the {@code scheduled_arrival} row's key lets exactly one of them write the change.
 */
public final class ScheduledArrivals {

    // How far back a start looks for arrivals it missed while every instance was down; pages rendered since then are
    // fresh anyway, this only bounds the scan.
    private static final Duration LOOK_BACK = Duration.ofDays(1);

    private record Due(long storyId, Instant publishedAt) {}

    private final Jdbc jdbc;

    public ScheduledArrivals(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Records every arrival due by {@code now} that no instance has recorded yet; returns how many this call did. */
    public int recordDue(Instant now) {
        // Scheduled means its time was still to come when it was last saved.
        List<Due> due = jdbc.list(
                """
                select s.id, s.published_at from story s
                where s.status = 'published' and s.deleted_at is null
                  and s.published_at <= ? and s.published_at > ? and s.published_at > s.modified_at
                  and not exists (select 1 from scheduled_arrival a
                                  where a.story_id = s.id and a.published_at = s.published_at)
                order by s.published_at""", row -> new Due(row.getLong(1), Jdbc.instant(row, "published_at")), now, now.minus(LOOK_BACK));
        int recorded = 0;
        for (Due arrival : due) {
            if (claim(arrival, now)) {
                recorded++;
            }
        }
        return recorded;
    }

    private boolean claim(Due arrival, Instant now) {
        try {
            jdbc.inTransaction(c -> {
                Jdbc.update(
                        c,
                        "insert into scheduled_arrival (story_id, published_at, recorded_at) values (?, ?, ?)",
                        arrival.storyId(),
                        arrival.publishedAt(),
                        now);
                // From outside the lists to in them: the story, the lists, its author and tags.
                StoryChanges.record(c, arrival.storyId(), null, StoryChanges.placement(c, arrival.storyId()), now);
                return null;
            });
            return true;
        } catch (Jdbc.DataAccessException e) {
            if (Jdbc.isConstraintViolation(e)) {
                // Another instance recorded it first (or the story was deleted meanwhile): nothing left to do.
                return false;
            }
            throw e;
        }
    }
}
