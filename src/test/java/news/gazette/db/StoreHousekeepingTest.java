package news.gazette.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import news.gazette.bench.ArchiveGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * While the server runs, the embedded file stops growing with every save: a thousand editor saves with housekeeping
 * between them leave it within seven times its compacted size (five, measured), where without it grew to twelve (102 MB for 8 MB
 * of data). A bound on size.
 */
class StoreHousekeepingTest {

    private static final Logger log = LoggerFactory.getLogger(StoreHousekeepingTest.class);
    private static final int STORIES = 3_000;
    private static final int SAVES = 1_000;
    private static final int SAVES_BETWEEN_RUNS = 20;
    private static final double MOST = 7;

    @Test
    void a_running_store_reuses_the_space_of_old_versions(@TempDir Path data, @TempDir Path copy)
            throws IOException, SQLException {
        assertThat(ArchiveGenerator.generate("--data", data.toString(), "--stories", String.valueOf(STORIES)))
                .isZero();
        Path file = data.resolve("gazette.mv.db");
        String url = Database.embeddedJdbcUrl(data);
        long running;
        try (Database db = Database.open(url, data)) {
            Jdbc jdbc = new Jdbc(db.dataSource());
            // H2 rewrites a chunk only once it is older than its retention time (45 s): saves a minute apart, as an
            // editor's are, in a test that makes them a millisecond apart.
            jdbc.update("set retention_time 0");
            StoreHousekeeping housekeeping =
                    new StoreHousekeeping(db.dataSource(), url, Duration.ofSeconds(20), new SimpleMeterRegistry());
            StoreSizeTest.Editor editor = new StoreSizeTest.Editor(jdbc, STORIES);
            int rewrites = 0;
            for (int i = 1; i <= SAVES; i++) {
                editor.save(i);
                if (i % SAVES_BETWEEN_RUNS == 0 && housekeeping.run()) {
                    rewrites++;
                }
            }
            running = Files.size(file);
            assertThat(rewrites).isPositive();
        }
        Files.copy(file, copy.resolve("gazette.mv.db"));
        StoreCompaction.compact(Database.embeddedJdbcUrl(copy));
        long compacted = Files.size(copy.resolve("gazette.mv.db"));
        log.info("after {} saves: {} KB while running, compacted {} KB", SAVES, running >> 10, compacted >> 10);
        assertThat(running).isLessThanOrEqualTo((long) (MOST * compacted));
    }

    @Test
    void no_timer_starts_for_a_store_without_a_file() {
        StoreHousekeeping housekeeping =
                new StoreHousekeeping(null, "jdbc:h2:mem:no-file", Duration.ofMillis(1), new SimpleMeterRegistry());
        housekeeping.start();
        try {
            assertThat(Thread.getAllStackTraces().keySet())
                    .noneMatch(thread -> thread.getName().equals("gazette-store-housekeeping"));
        } finally {
            housekeeping.close();
        }
    }
}
