package news.gazette.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import news.gazette.bench.ArchiveGenerator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded store compacted under an open pool ({@link RunningCompaction}): readers wait instead of failing, the
 * file shrinks to its data, the store is append-only again afterwards, and it refuses to run when it cannot be alone.
 */
class RunningCompactionTest {

    private static final Logger log = LoggerFactory.getLogger(RunningCompactionTest.class);
    private static final int STORIES = 300;
    private static final int SAVES = 60;

    @TempDir
    Path data;

    private Path file;

    @BeforeEach
    void archive() {
        assertThat(ArchiveGenerator.generate("--data", data.toString(), "--stories", String.valueOf(STORIES)))
                .isZero();
        file = data.resolve("gazette.mv.db");
    }

    @Test
    void readers_wait_through_the_compaction_and_the_store_stays_append_only() throws Exception {
        try (Database db = Database.open(Database.embeddedJdbcUrl(data), data)) {
            StoreSizeTest.Editor editor = new StoreSizeTest.Editor(new Jdbc(db.dataSource()), STORIES);
            for (int i = 0; i < SAVES; i++) {
                editor.save(i);
            }
            long grown = Files.size(file);
            long estimate;
            try (Connection c = db.dataSource().getConnection()) {
                estimate = RunningCompaction.liveBytes(c);
            }

            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger reads = new AtomicInteger();
            ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
            List<Thread> readers = List.of(reader(db, stop, reads, failures), reader(db, stop, reads, failures));
            readers.forEach(Thread::start);
            Thread.sleep(200);

            RunningCompaction.Result result = db.compactWhileRunning();
            int readsBefore = reads.get();
            Thread.sleep(300);
            stop.set(true);
            for (Thread reader : readers) {
                reader.join();
            }
            log.info(
                    "{} saves: {} KB, H2's estimate of its data {} KB; compacted to {} KB in {} ms",
                    SAVES,
                    grown >> 10,
                    estimate >> 10,
                    result.after() >> 10,
                    result.pausedMillis());

            assertThat(result.outcome()).isEqualTo(RunningCompaction.Outcome.COMPACTED);
            assertThat(failures).isEmpty();
            assertThat(reads.get()).as("reads after the compaction").isGreaterThan(readsBefore);
            assertThat(result.after()).isLessThan(grown / 2).isEqualTo(Files.size(file));
            // The estimate the first compaction starts from is near the data it finds.
            assertThat(estimate).isBetween(result.after() / 2, result.after() * 2);
            assertAppendOnly(db);

            // Saves go on, and the next compaction starts from the exact size.
            for (int i = SAVES; i < SAVES + 10; i++) {
                editor.save(i);
            }
            assertThat(Files.size(file)).isGreaterThan(result.after());
        }
        // The saves after the compaction were written to the file that is now there.
        try (Database reopened = Database.open(Database.embeddedJdbcUrl(data), data);
                Connection c = reopened.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet edited = s.executeQuery("select count(*) from story where body_markdown like '%Edit "
                        + (SAVES + 9) + ": a sentence%'")) {
            assertThat(edited.next()).isTrue();
            assertThat(edited.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    void the_watch_compacts_a_grown_store_by_itself_and_says_so_in_the_metrics() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (Database db = Database.open(Database.embeddedJdbcUrl(data), data, registry)) {
            db.compactWhenGrown();
            Timer compacted = registry.get("gazette.store.compaction")
                    .tag("outcome", "compacted")
                    .timer();
            StoreSizeTest.Editor editor = new StoreSizeTest.Editor(new Jdbc(db.dataSource()), STORIES);
            // Saves until the file is 1.4 times its data and 2 MB more, then a few looks of the watch.
            for (int i = 0; i < 200 && compacted.count() == 0; i++) {
                editor.save(i);
                Thread.sleep(20);
            }
            for (int look = 0; look < 100 && compacted.count() == 0; look++) {
                Thread.sleep(50);
            }
            assertThat(compacted.count()).isEqualTo(1);
            assertThat(registry.get("gazette.store.file").gauge().value()).isPositive();
            assertThat(registry.get("gazette.store.data").gauge().value()).isLessThanOrEqualTo(Files.size(file));
            assertAppendOnly(db);
        }
    }

    @Test
    void a_connection_from_outside_the_pool_keeps_it_from_running() throws Exception {
        try (Database db = Database.open(Database.embeddedJdbcUrl(data), data);
                Connection outside = DriverManager.getConnection(Database.embeddedJdbcUrl(data))) {
            long before = Files.size(file);
            RunningCompaction.Result result = db.compactWhileRunning();
            assertThat(result.outcome()).isEqualTo(RunningCompaction.Outcome.SHARED);
            assertThat(Files.size(file)).isGreaterThanOrEqualTo(before);
            assertThat(count(outside)).isEqualTo(STORIES + 1);
            try (Connection pooled = db.dataSource().getConnection()) {
                assertThat(count(pooled)).isEqualTo(STORIES + 1);
            }
            assertAppendOnly(db);
        }
    }

    @Test
    void a_request_that_keeps_its_connection_makes_it_give_up_and_let_the_others_go_on() throws Exception {
        try (Database db = Database.open(Database.embeddedJdbcUrl(data), data)) {
            CountDownLatch borrowed = new CountDownLatch(1);
            Thread slow = new Thread(() -> {
                try (Connection c = db.dataSource().getConnection()) {
                    borrowed.countDown();
                    Thread.sleep(RunningCompaction.DRAIN.plusSeconds(1).toMillis());
                    count(c);
                } catch (SQLException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            slow.start();
            borrowed.await();
            RunningCompaction.Result result = db.compactWhileRunning();
            assertThat(result.outcome()).isEqualTo(RunningCompaction.Outcome.BUSY);
            try (Connection c = db.dataSource().getConnection()) {
                assertThat(count(c)).isEqualTo(STORIES + 1);
            }
            slow.join();
            assertAppendOnly(db);
        }
    }

    @Test
    void due_when_grown_past_its_data_sooner_in_a_quiet_moment() {
        long mb = 1 << 20;
        Duration busy = Duration.ofSeconds(1);
        Duration quiet = RunningCompaction.QUIET;
        assertThat(RunningCompaction.due(140 * mb, 100 * mb, busy)).isTrue();
        assertThat(RunningCompaction.due(139 * mb, 100 * mb, busy)).isFalse();
        assertThat(RunningCompaction.due(125 * mb, 100 * mb, quiet)).isTrue();
        assertThat(RunningCompaction.due(124 * mb, 100 * mb, quiet)).isFalse();
        // A new site's store: 2 MB of growth before a pause is worth it, at any ratio.
        assertThat(RunningCompaction.due(mb, mb / 20, quiet)).isFalse();
        assertThat(RunningCompaction.due(3 * mb, mb / 2, busy)).isTrue();
        // Too large to pause for: left to the next clean stop.
        assertThat(RunningCompaction.due(2 * RunningCompaction.LARGEST, RunningCompaction.LARGEST + 1, quiet))
                .isFalse();
        assertThat(RunningCompaction.due(10 * mb, 0, quiet)).isFalse();
    }

    private static Thread reader(
            Database db, AtomicBoolean stop, AtomicInteger reads, ConcurrentLinkedQueue<Throwable> failures) {
        return new Thread(() -> {
            while (!stop.get()) {
                try (Connection c = db.dataSource().getConnection()) {
                    assertThat(count(c)).isEqualTo(STORIES + 1);
                    reads.incrementAndGet();
                } catch (Throwable e) {
                    failures.add(e);
                    return;
                }
            }
        });
    }

    private static int count(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select count(*) from story")) {
            r.next();
            return r.getInt(1);
        }
    }

    private static void assertAppendOnly(Database db) throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            assertThat(AppendOnlyStore.storeOf(c).isSpaceReused()).isFalse();
        }
    }
}
