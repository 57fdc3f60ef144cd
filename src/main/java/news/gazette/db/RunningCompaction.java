package news.gazette.db;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.h2.mvstore.FileStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compacts the embedded store while the server runs. The file only appends while it is open ({@link AppendOnlyStore}),
 * some 60 kB a save, so without this it would grow all day until the next clean stop. Once it has grown well past its
 * data, Gazette pauses the database for as long as {@code SHUTDOWN COMPACT} takes (a fraction of a second for a small
 * site, 12 s at 100,000 stories on a busy machine): requests that need a connection meanwhile wait for it, cached pages go on being
 * served, nothing fails. It prefers a quiet moment, when nothing has been written for {@link #QUIET}, and does not wait
 * for one once the file is {@link #AT_ANY_TIME} its data. Above {@link #LARGEST} of data the pause would be too long to
 * take while serving; such a store is compacted by its next clean stop.
 */
final class RunningCompaction {

    private static final Logger log = LoggerFactory.getLogger(RunningCompaction.class);

    static final Duration QUIET = Duration.ofSeconds(10);
    static final double WHEN_QUIET = 1.25;
    static final double AT_ANY_TIME = 1.4;
    /** Growth not worth a pause: a new site's store is some 50 kB, and one save adds as much. */
    static final long SMALLEST_GROWTH = 2L << 20;
    /**
     * About 15 s of pause: 233 MB took 11.8 s at 100,000 stories with a crawl and an editor busy on the two cores
     * (bench/compaction.sh), 9.6 s on a clean stop.
     */
    static final long LARGEST = 320L << 20;
    /** How long the compaction waits for requests under way to give their connections back before it gives up. */
    static final Duration DRAIN = Duration.ofSeconds(2);

    enum Outcome {
        COMPACTED,
        /** Requests kept their connections past {@link #DRAIN}. */
        BUSY,
        /** A connection from outside the pool uses the store (a test, a chore in this process). */
        SHARED,
        FAILED
    }

    record Result(Outcome outcome, long before, long after, long pausedMillis) {}

    private RunningCompaction() {}

    /** Whether a file of {@code size} bytes holding about {@code data} bytes, unchanged for {@code still}, is due. */
    static boolean due(long size, long data, Duration still) {
        if (data <= 0 || data > LARGEST || size - data < SMALLEST_GROWTH) {
            return false;
        }
        return size >= AT_ANY_TIME * data || (size >= WHEN_QUIET * data && still.compareTo(QUIET) >= 0);
    }

    /**
     * H2's own estimate of the live data in the store behind {@code connection}: the share of the file its chunks
     * take, times the share of the chunks still referenced. Used until a first compaction gives the exact figure.
     */
    static long liveBytes(Connection connection) throws SQLException {
        FileStore<?> file = AppendOnlyStore.storeOf(connection).getFileStore();
        return file.size() * file.getFillRate() / 100 * file.getChunksFillRate() / 100;
    }

    /**
     * Compacts the file behind {@code pool}: suspends the pool (new borrowers wait), waits for the connections in use to
     * come back, closes them all, keeps the store open on a connection of its own and shuts it down with
     * {@code SHUTDOWN COMPACT}, which writes the live data to a new file and moves it over the old one; then opens the
     * store again and resumes the pool. No connection is made meanwhile ({@link AppendOnlyStore#exclusively}).
     */
    static Result run(HikariDataSource pool, AppendOnlyStore store, Path file) {
        HikariPoolMXBean control = pool.getHikariPoolMXBean();
        long started = System.nanoTime();
        long before = StoreCompaction.sizeOf(file);
        AtomicReference<Connection> holder = new AtomicReference<>();
        Outcome outcome;
        control.suspendPool();
        try {
            outcome = store.exclusively(() -> compactSuspended(control, store, holder));
        } catch (Exception e) {
            log.error("The compaction of {} while running failed: {}", file.getFileName(), e.toString());
            outcome = Outcome.FAILED;
        } finally {
            control.resumePool();
            release(pool, holder.get());
        }
        long paused = (System.nanoTime() - started) / 1_000_000;
        Result result = new Result(outcome, before, StoreCompaction.sizeOf(file), paused);
        if (outcome == Outcome.COMPACTED) {
            log.info(
                    "Compacted {} while running from {} KB to {} KB; the database paused for {} ms",
                    file.getFileName(),
                    before >> 10,
                    result.after() >> 10,
                    paused);
        }
        return result;
    }

    private static Outcome compactSuspended(
            HikariPoolMXBean control, AppendOnlyStore store, AtomicReference<Connection> holder) throws SQLException {
        if (!waitFor(() -> control.getActiveConnections() == 0)) {
            return Outcome.BUSY;
        }
        // Keeps the store open while the pool has none of its connections, so that H2 does not close it.
        Connection own = store.openUnguarded();
        try {
            control.softEvictConnections();
            if (!waitFor(() -> sessions(own) == 1)) {
                return Outcome.SHARED;
            }
            try (Statement s = own.createStatement()) {
                s.execute("shutdown compact");
            }
            return Outcome.COMPACTED;
        } finally {
            // Opens the store again if the shutdown closed it (append-only again: AppendOnlyStore), and keeps it open
            // until the resumed pool has a connection of its own; when nothing was compacted, the store never closes.
            holder.set(store.openUnguarded());
            own.close();
        }
    }

    /** Closes {@code holder} once the pool holds a connection to the store, which it then keeps. */
    private static void release(HikariDataSource pool, Connection holder) {
        if (holder == null) {
            return;
        }
        try (Connection pooled = pool.getConnection()) {
            pooled.isValid(1);
        } catch (SQLException e) {
            log.warn("After the compaction the pool has no connection: {}", e.getMessage());
        }
        try {
            holder.close();
        } catch (SQLException e) {
            log.warn("Could not close the compaction's connection: {}", e.getMessage());
        }
    }

    private static int sessions(Connection connection) {
        try (Statement s = connection.createStatement();
                ResultSet count = s.executeQuery("select count(*) from information_schema.sessions")) {
            return count.next() ? count.getInt(1) : 0;
        } catch (SQLException e) {
            return Integer.MAX_VALUE;
        }
    }

    private static boolean waitFor(BooleanSupplier condition) {
        long deadline = System.nanoTime() + DRAIN.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
