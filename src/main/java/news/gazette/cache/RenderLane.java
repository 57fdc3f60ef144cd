package news.gazette.cache;

import io.javalin.config.Key;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A bound on how many pages of one kind are rendered at once, for the page cache's misses. A flood of requests that all
 * miss (random searches, made-up addresses) would otherwise take every request thread, the processor and the database
 * pool, and the front page and the newsroom would wait behind them; with lanes, a miss that cannot get a permit within
 * a short wait is answered {@code 503} with {@code Retry-After} at once, and everything else goes on. Cache hits never
 * enter a lane, and the newsroom is never cached, so neither ever waits here.
 */
public final class RenderLane {

    /** Where {@code App.create} leaves the search lane, for tests that fill it. */
    public static final Key<RenderLane> SEARCH_KEY = new Key<>("gazette.lane.search");

    private final String name;
    private final int size;
    private final Semaphore permits;
    private final long waitNanos;
    private final Counter refused;

    /**
     * @param permits renders of this lane at once
     * @param wait how long a miss waits for a permit before it is refused
     */
    public RenderLane(String name, int permits, Duration wait, MeterRegistry registry) {
        if (permits < 1) {
            throw new IllegalArgumentException("a lane needs a permit, got " + permits);
        }
        this.name = name;
        this.size = permits;
        this.permits = new Semaphore(permits, true);
        this.waitNanos = wait.toNanos();
        this.refused = Counter.builder("gazette.cache.refused")
                .description("Uncached page requests answered 503 because their lane was full")
                .tag("lane", name)
                .register(registry);
    }

    /** A render's place in the lane, given back when closed. */
    public interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Takes a permit, waiting at most the lane's wait; null when none came free in time (the request is to be refused).
     * Also for tests that fill the lane on purpose.
     */
    public Permit enter() {
        try {
            if (!permits.tryAcquire(waitNanos, TimeUnit.NANOSECONDS)) {
                refused.increment();
                return null;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        boolean[] released = {false};
        return () -> {
            // Closing twice must not hand out a permit that was never taken.
            if (!released[0]) {
                released[0] = true;
                permits.release();
            }
        };
    }

    public String name() {
        return name;
    }

    /** How many renders the lane admits at once. */
    public int size() {
        return size;
    }

    /** Seconds a refused client is asked to wait: the lane frees in milliseconds, so the shortest the header says. */
    int retryAfterSeconds() {
        return 1;
    }
}
