package news.gazette.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import news.gazette.Config;
import news.gazette.admin.KillNineTest.Saved;
import news.gazette.bench.ArchiveGenerator;
import news.gazette.db.Database;
import news.gazette.db.Jdbc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} in the middle of a compaction under the running server ({@code db.RunningCompaction}): editors save
 * until the grown file is compacted, and the server dies the moment H2's temp file appears. H2 had closed the store
 * before writing the compacted copy and replaces the file only by a rename, so every confirmed save is in the file
 * left; the restart must not wait for the dead compaction ({@code StoreCompaction.awaitCompactionElsewhere}), the
 * newsroom must write at once ({@link AfterRestart}) and H2's recovery tool must read the file ({@link H2FileCheck}).
 */
class KillDuringCompactionTest {

    private static final int STORIES = 3_000;
    private static final int WRITERS = 2;

    @Test
    void confirmed_saves_survive_kill_9_during_a_running_compaction(@TempDir Path data) throws Exception {
        // A store of some megabytes, so that its compaction lasts long enough to be caught.
        assertThat(ArchiveGenerator.generate("--data", data.toString(), "--stories", String.valueOf(STORIES)))
                .isZero();
        Path temp = data.resolve("gazette.mv.db.tempFile");
        Map<Long, Saved> confirmed = new ConcurrentHashMap<>();
        Map<Long, Saved> unanswered = new ConcurrentHashMap<>();

        ServerProcess server = ServerProcess.start(data);
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> burst = new ArrayList<>();
        AtomicInteger saves = new AtomicInteger();
        boolean caught = false;
        try {
            for (int w = 0; w < WRITERS; w++) {
                NewsroomClient c = KillAfterRetentionTest.signIn(server);
                String writer = "c" + w;
                burst.add(writers.submit(
                        () -> KillAfterRetentionTest.write(c, writer, stop, saves, confirmed, unanswered)));
            }
            Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
            while (!caught && Instant.now().isBefore(deadline)) {
                caught = Files.exists(temp);
                if (!caught) {
                    Thread.sleep(1);
                }
            }
        } finally {
            server.kill();
            stop.set(true);
            writers.shutdown();
            assertThat(writers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        for (Future<?> writer : burst) {
            writer.get();
        }
        assertThat(caught).as("killed while the compaction wrote its temp file").isTrue();
        assertThat(saves.get()).as("confirmed saves before the kill").isPositive();

        ServerProcess restarted = ServerProcess.start(data);
        try {
            NewsroomClient c = new NewsroomClient(restarted.port());
            assertThat(c.get("/readyz").status()).isEqualTo(200);
            assertThat(c.get("/").status()).isEqualTo(200);
            AfterRestart.useEveryTable(restarted.port(), 2, confirmed);
            assertThat(restarted.output()).doesNotContain("Waiting for the compaction");
        } finally {
            restarted.kill();
        }
        H2FileCheck.assertIntact(data, KillNineTest.texts(confirmed));
        try (Database db = Database.open(Config.embeddedJdbcUrl(data), data)) {
            KillNineTest.assertStored(new Jdbc(db.dataSource()), confirmed, unanswered);
        }
        System.err.printf(
                "KillDuringCompactionTest: killed during a compaction after %d confirmed saves, all present%n",
                saves.get());
    }
}
