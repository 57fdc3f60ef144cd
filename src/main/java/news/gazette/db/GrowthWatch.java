package news.gazette.db;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks at the embedded file's size once a second and compacts it while the server runs when
 * {@link RunningCompaction#due} says so. A look is one {@code stat}; the file's growth is also how it tells a quiet
 * moment, since every save appends.
 */
final class GrowthWatch implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GrowthWatch.class);
    private static final Duration EVERY = Duration.ofSeconds(1);
    /** After a compaction that could not run (requests held their connections, another user): the next try. */
    private static final Duration AFTER_SKIP = Duration.ofSeconds(30);

    private final HikariDataSource pool;
    private final AppendOnlyStore store;
    private final Path file;
    private final ScheduledExecutorService timer;
    private final Map<RunningCompaction.Outcome, Timer> pauses = new EnumMap<>(RunningCompaction.Outcome.class);
    // Written by the timer's thread only; the gauges read them.
    private volatile long data;
    private volatile long lastSize = -1;
    private long lastGrowth = System.nanoTime();
    private long notBefore = System.nanoTime();
    private boolean saidTooLarge;

    GrowthWatch(HikariDataSource pool, AppendOnlyStore store, Path file, MeterRegistry registry) {
        this.pool = pool;
        this.store = store;
        this.file = file;
        Gauge.builder("gazette.store.file", this, w -> Math.max(0, w.lastSize))
                .description("Size of the embedded store's file, looked at once a second")
                .baseUnit("bytes")
                .register(registry);
        Gauge.builder("gazette.store.data", this, w -> w.data)
                .description("The data the embedded store holds: H2's estimate until a compaction measures it")
                .baseUnit("bytes")
                .register(registry);
        for (RunningCompaction.Outcome outcome : RunningCompaction.Outcome.values()) {
            pauses.put(
                    outcome,
                    Timer.builder("gazette.store.compaction")
                            .description("Compactions of the embedded store while serving: the database's pause")
                            .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                            .register(registry));
        }
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "store-growth");
            t.setDaemon(true);
            return t;
        });
    }

    void start() {
        timer.scheduleWithFixedDelay(this::lookSafely, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void lookSafely() {
        try {
            look();
        } catch (RuntimeException | SQLException e) {
            log.warn("Could not look at the size of {}: {}", file.getFileName(), e.toString());
        }
    }

    private void look() throws SQLException {
        long now = System.nanoTime();
        long size = StoreCompaction.sizeOf(file);
        if (size != lastSize) {
            lastSize = size;
            lastGrowth = now;
        }
        if (data == 0) {
            try (Connection c = pool.getConnection()) {
                data = RunningCompaction.liveBytes(c);
            }
        }
        if (now < notBefore) {
            return;
        }
        if (data > RunningCompaction.LARGEST && size > 1.5 * data && !saidTooLarge) {
            saidTooLarge = true;
            log.info(
                    "{} holds {} MB and has grown to {} MB: too large to compact while serving; a clean stop will",
                    file.getFileName(),
                    data >> 20,
                    size >> 20);
        }
        if (!RunningCompaction.due(size, data, Duration.ofNanos(now - lastGrowth))) {
            return;
        }
        RunningCompaction.Result result = RunningCompaction.run(pool, store, file);
        pauses.get(result.outcome()).record(Duration.ofMillis(result.pausedMillis()));
        if (result.outcome() == RunningCompaction.Outcome.COMPACTED) {
            data = result.after();
            lastSize = result.after();
        } else {
            log.info("Did not compact {} while running: {}", file.getFileName(), result.outcome());
            notBefore = System.nanoTime() + AFTER_SKIP.toNanos();
        }
    }

    @Override
    public void close() {
        // Not shutdownNow: an interrupt inside SHUTDOWN COMPACT would close H2's file channel under it. A compaction
        // under way finishes, resuming the pool, before the pool closes.
        timer.shutdown();
        try {
            timer.awaitTermination(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
