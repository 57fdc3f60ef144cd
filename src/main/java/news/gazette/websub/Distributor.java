package news.gazette.websub;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Content distribution (WebSub 7) and the external hubs' publish pings, on this instance's own threads.
 *
 * <p>After this instance's change poller dropped the pages a change made stale ({@link #feedsMayHaveChanged}, which
 * only wakes this thread: a save never waits here), it reads every followed topic from itself ({@link LocalFeeds}) and
 * marks the subscriptions and pings whose last version differs from the feed's SHA-256 as owed. Every instance does
 * the same for every change; marking is idempotent. Then, on every instance, a few times a second, rows that are owed
 * are claimed one by one, each by one instance ({@link DeliveryState}), and sent by a pool of {@value #SENDERS}
 * threads; a send reads the feed again, so it carries the newest version even on a retry. Comparing hashes rather than
 * reading change keys means the hub needs no knowledge of which feed shows what, and a change that leaves a feed's
 * bytes as they were delivers nothing.
 */
final class Distributor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Distributor.class);
    static final int SENDERS = 4;
    // How often an idle instance looks for deliveries that are due (retries, or owed by an instance that stopped).
    private static final long IDLE_MS = 500;
    // Longer than a send can take (connect 3 s, request 10 s, reading the feed 10 s): a claim outlives its send.
    private static final Duration CLAIM = Duration.ofSeconds(60);
    private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);
    // When this instance could not read a feed from itself (its render lane full, say), it looks again this soon.
    private static final long LOOK_AGAIN_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Subscriptions subscriptions;
    private final HubPings pings;
    private final Sends sends;
    private final Topics topics;
    private final LocalFeeds feeds;
    private final Clock clock;
    private final Semaphore free = new Semaphore(SENDERS);
    private final ExecutorService senders =
            Executors.newFixedThreadPool(SENDERS, r -> daemon(r, "gazette-websub-send"));
    private final Object lock = new Object();
    private final Thread thread = daemon(this::run, "gazette-websub");
    private boolean changed;
    private boolean woken;
    private volatile boolean stopping;
    private boolean failing;
    private Instant nextSweep = Instant.MIN;
    private long lookAgainAt;

    Distributor(
            Subscriptions subscriptions, HubPings pings, Sends sends, Topics topics, LocalFeeds feeds, Clock clock) {
        this.subscriptions = subscriptions;
        this.pings = pings;
        this.sends = sends;
        this.topics = topics;
        this.feeds = feeds;
        this.clock = clock;
    }

    /** Called after this instance applied a change: looks at the followed feeds soon, on this class's thread. */
    void feedsMayHaveChanged() {
        synchronized (lock) {
            changed = true;
            lock.notifyAll();
        }
    }

    /**
     * Starts with a look at every followed feed: a change made while no instance ran (an import) or a feed that this
     * version of Gazette writes differently is delivered without waiting for the next change.
     */
    void start() {
        feedsMayHaveChanged();
        thread.start();
    }

    private void wake() {
        synchronized (lock) {
            woken = true;
            lock.notifyAll();
        }
    }

    private void run() {
        while (!stopping) {
            boolean look;
            synchronized (lock) {
                if (!changed && !woken) {
                    try {
                        lock.wait(IDLE_MS);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                look = changed || (lookAgainAt != 0 && System.nanoTime() - lookAgainAt >= 0);
                changed = false;
                woken = false;
            }
            try {
                if (look) {
                    lookAgainAt = noticeChanges() ? 0 : System.nanoTime() + LOOK_AGAIN_NANOS;
                }
                sweep();
                dispatch();
                if (failing) {
                    log.info("WebSub deliveries go on: the database answers again");
                    failing = false;
                }
            } catch (RuntimeException e) {
                if (!failing) {
                    log.warn("WebSub deliveries are held up: cannot read their state", e);
                    failing = true;
                }
            }
        }
    }

    /**
     * Reads each followed topic and marks what differs from its last version as owed; false when some topic could not
     * be read now, so the caller looks again soon rather than at the next change.
     */
    boolean noticeChanges() {
        boolean all = true;
        Instant now = clock.instant();
        Set<String> followed = new LinkedHashSet<>(subscriptions.liveTopics(now));
        List<String> pinged = pings.topics();
        followed.addAll(pinged);
        for (String topic : followed) {
            String path = topics.pathOf(topic).orElse(null);
            LocalFeeds.Body body;
            try {
                body = path == null ? null : feeds.fetch(path);
            } catch (LocalFeeds.UnavailableException e) {
                log.debug("Cannot look at {} now: {}", topic, e.getMessage());
                all = false;
                continue;
            }
            if (body == null) {
                continue; // no longer a feed (its tag is gone): nothing to send
            }
            subscriptions.state().notice(topic, body.hash(), now);
            if (pinged.contains(topic)) {
                pings.state().notice(topic, body.hash(), now);
            }
        }
        return all;
    }

    private void sweep() {
        Instant now = clock.instant();
        if (now.isBefore(nextSweep)) {
            return;
        }
        nextSweep = now.plus(SWEEP_EVERY);
        int ended = subscriptions.deleteExpired(now);
        if (ended > 0) {
            log.info("{} WebSub subscriptions ended: their leases ran out", ended);
        }
    }

    /** Claims as many owed rows as there are free senders and hands each to one. */
    private void dispatch() {
        Instant now = clock.instant();
        for (DeliveryState.Claim claim :
                subscriptions.state().claimDue(now, free.availablePermits(), now.plus(CLAIM))) {
            hand(() -> sends.deliver(claim));
        }
        for (DeliveryState.Claim claim : pings.state().claimDue(now, free.availablePermits(), now.plus(CLAIM))) {
            hand(() -> sends.ping(claim));
        }
    }

    private void hand(Runnable send) {
        free.acquireUninterruptibly();
        senders.execute(() -> {
            try {
                send.run();
            } catch (RuntimeException e) {
                log.warn("A WebSub send failed; its claim runs out and it is tried again", e);
            } finally {
                free.release();
                wake();
            }
        });
    }

    @Override
    public void close() {
        stopping = true;
        thread.interrupt();
        senders.shutdown();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
            if (!senders.awaitTermination(5, TimeUnit.SECONDS)) {
                // A send cut off here is claimed again by some instance once its claim runs out.
                senders.shutdownNow();
            }
        } catch (InterruptedException e) {
            senders.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static Thread daemon(Runnable work, String name) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        return thread;
    }
}
