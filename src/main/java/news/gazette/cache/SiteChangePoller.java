package news.gazette.cache;

import io.javalin.config.Key;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import news.gazette.change.ChangeKey;
import news.gazette.change.ChangeLog;
import news.gazette.db.Jdbc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code site_change} every {@value #INTERVAL_MS} ms on one background thread and drops the cached pages that
 * depend on what changed. Every write, on any instance sharing the database, adds its row in the write's own
 * transaction, so every instance sees every change the same way; the newsroom also calls {@link #pollNow} after each of
 * its own writes, so an editor never sees their own page stale.
 *
 * <p>It also tells the page cache when the next scheduled story goes live, so that pages rendered before expire then.
 */
public final class SiteChangePoller implements AutoCloseable {

    /** Where {@code App.create} leaves the poller, for tests that write to the database behind the site's back. */
    public static final Key<SiteChangePoller> KEY = new Key<>("gazette.site-changes");

    private static final Logger log = LoggerFactory.getLogger(SiteChangePoller.class);
    static final long INTERVAL_MS = 200;
    // Identity values are handed out before commit, so a row may appear after a higher one: look back this far.
    private static final int LOOKBACK = 64;
    private static final int KEEP_ROWS = 10_000;
    private static final int POLLS_BETWEEN_PRUNES = 3_000;
    // A poll takes milliseconds; one still running after this is stuck on the database, and the stop goes on.
    private static final long CLOSE_WAIT_SECONDS = 10;

    private final Jdbc jdbc;
    private final ChangeLog changeLog;
    private final PageCache cache;
    private final Clock clock;
    private final List<Consumer<Set<ChangeKey>>> listeners = new ArrayList<>();
    private final List<Consumer<Set<ChangeKey>>> afterListeners = new ArrayList<>();
    // The last id applied, for the lag gauge, which must not wait for a poll stuck on the database.
    private volatile long appliedId;
    private Consumer<Instant> recordArrivals = now -> {};
    private Consumer<Instant> everyPoll = now -> {};
    private final TreeSet<Long> seen = new TreeSet<>();
    private long lastId;
    private int polls;
    private boolean failing;
    private ScheduledExecutorService timer;

    public SiteChangePoller(Jdbc jdbc, Clock clock, PageCache cache) {
        this.jdbc = jdbc;
        this.changeLog = new ChangeLog(jdbc);
        this.clock = clock;
        this.cache = cache;
        this.lastId = changeLog.lastId();
        this.appliedId = lastId;
        cache.expireAt(findNextScheduled(clock.instant()));
    }

    /** Called with the keys of each batch of changes, before the pages are dropped (e.g. to refresh the sections). */
    public void onChange(Consumer<Set<ChangeKey>> listener) {
        listeners.add(listener);
    }

    /** Called with the keys of each batch of changes after this instance dropped its pages (to purge the caches in front). */
    public void afterChange(Consumer<Set<ChangeKey>> listener) {
        afterListeners.add(listener);
    }

    /** The highest change id this instance has applied. */
    public long appliedId() {
        return appliedId;
    }

    /**
     * Called when a scheduled story's time has passed (and at the first poll, for any missed while down), before the
     * log is read: the newsroom records the arrival in the change log, once across instances, and this and every other
     * instance then reads that row like any change.
     */
    /** Runs at the start of every poll (a few times a second): for work due at a time, such as pending changes. */
    public void onEveryPoll(Consumer<Instant> work) {
        this.everyPoll = work;
    }

    public void onScheduledTime(Consumer<Instant> recordArrivals) {
        this.recordArrivals = recordArrivals;
    }

    public synchronized void start() {
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "gazette-site-changes");
                thread.setDaemon(true);
                return thread;
            });
            timer.scheduleWithFixedDelay(this::pollQuietly, INTERVAL_MS, INTERVAL_MS, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Stops polling and returns once a poll under way has finished: its queries need the connection pool, which closes
     * next, and a poll left running would fail on the closed pool and log a stack trace at a clean stop.
     */
    @Override
    public void close() {
        ScheduledExecutorService stopping;
        synchronized (this) {
            stopping = timer;
            timer = null;
        }
        if (stopping == null) {
            return;
        }
        // Not under the lock: a poll about to start needs it, and is let run (it is waited for, not interrupted).
        stopping.shutdown();
        try {
            if (!stopping.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                log.warn("A poll for site changes did not finish within {} s of the stop", CLOSE_WAIT_SECONDS);
                stopping.shutdownNow();
            }
        } catch (InterruptedException e) {
            stopping.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** Reads the changes made since the last poll, on any instance, and applies them now. */
    public synchronized void pollNow() {
        Instant now = clock.instant();
        Instant next = cache.nextExpiry();
        boolean scheduledTimeCame = next != null && !now.isBefore(next);
        if (scheduledTimeCame || polls == 0) {
            recordArrivals.accept(now);
        }
        // Its writes are in the change log by the time it returns, so this same poll applies them. Its failure must
        // not stop the poll: every instance's caches depend on what follows.
        try {
            everyPoll.accept(now);
        } catch (RuntimeException e) {
            log.warn("Work due at poll time failed; the poll goes on", e);
        }
        Set<ChangeKey> keys = new HashSet<>();
        for (ChangeLog.Entry entry : changeLog.after(Math.max(0, lastId - LOOKBACK))) {
            if (seen.add(entry.id())) {
                keys.addAll(entry.keys());
                lastId = Math.max(lastId, entry.id());
            }
        }
        seen.headSet(lastId - LOOKBACK).clear();
        if (keys.contains(ChangeKey.LIST) || scheduledTimeCame) {
            // The pages cached before a scheduled time expire by themselves at it; the next such time is looked up.
            cache.expireAt(findNextScheduled(now));
        }
        if (!keys.isEmpty()) {
            listeners.forEach(listener -> listener.accept(keys));
            cache.invalidate(keys);
            Set<ChangeKey> applied = Set.copyOf(keys);
            afterListeners.forEach(listener -> listener.accept(applied));
        }
        appliedId = lastId;
        if (++polls % POLLS_BETWEEN_PRUNES == 0) {
            changeLog.pruneBelow(lastId - KEEP_ROWS);
        }
    }

    private void pollQuietly() {
        try {
            pollNow();
            if (failing) {
                log.info("Reading site changes works again");
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                // Logged once per outage: a database restart must not flood the log five times a second.
                log.warn("Cannot read site changes; cached pages may be stale until the database answers", e);
                failing = true;
            }
        }
    }

    private Instant findNextScheduled(Instant now) {
        String sql = """
                select published_at from story
                where status = 'published' and published_at > ? and deleted_at is null
                order by published_at limit 1""";
        return jdbc.first(sql, row -> Jdbc.instant(row, "published_at"), now).orElse(null);
    }
}
