package news.gazette.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening a store that another process is compacting waits for the compaction: H2 would delete the compaction's
 * temp file first, and the compaction would fail. A temp file left by a compaction that died (nobody holds its lock, or
 * it is old) is no reason to wait.
 */
class CompactionElsewhereTest {

    @Test
    void an_open_waits_while_another_process_compacts_into_its_temp_file(@TempDir Path data) throws Exception {
        String url = Database.embeddedJdbcUrl(data);
        Database.open(url, data).close();
        Path temp = data.resolve("gazette.mv.db.tempFile");
        Files.writeString(temp, "a compaction under way");
        Process compaction = TempFileLocker.lock(temp);
        try {
            CompletableFuture<Long> opened = openInTheBackground(url, data);
            Thread.sleep(600);
            assertThat(opened).as("waiting for the compaction").isNotDone();
            assertThat(temp).exists();

            // The compaction ends: H2 moves its temp file over the store, then closes it.
            Files.delete(temp);
            compaction.getOutputStream().close();
            assertThat(compaction.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(opened.get(30, TimeUnit.SECONDS)).isPositive();
        } finally {
            compaction.destroyForcibly();
        }
    }

    @Test
    void a_compaction_that_died_a_moment_ago_is_not_waited_for(@TempDir Path data) throws Exception {
        String url = Database.embeddedJdbcUrl(data);
        Database.open(url, data).close();
        Path temp = data.resolve("gazette.mv.db.tempFile");
        Files.writeString(temp, "left by a process killed while it compacted");
        // Fresh for an hour by its age alone: only nobody holding its lock says the compaction is gone.
        Files.setLastModifiedTime(temp, FileTime.from(Instant.now().plus(Duration.ofHours(1))));

        CompletableFuture<Long> opened = openInTheBackground(url, data);
        assertThat(opened.get(30, TimeUnit.SECONDS)).isPositive();
        assertThat(temp).doesNotExist();
    }

    @Test
    void a_temp_file_left_by_a_compaction_that_died_is_cleared(@TempDir Path data) throws Exception {
        String url = Database.embeddedJdbcUrl(data);
        Database.open(url, data).close();
        Path temp = data.resolve("gazette.mv.db.tempFile");
        Files.writeString(temp, "left by a process killed while it compacted");
        Files.setLastModifiedTime(
                temp,
                FileTime.from(Instant.now().minus(StoreCompaction.ABANDONED).minusSeconds(5)));

        try (Database db = Database.open(url, data)) {
            assertThat(new Jdbc(db.dataSource()).count("select count(*) from story"))
                    .isPositive();
        }
        assertThat(temp).doesNotExist();
    }

    /** Opens the store on another thread and counts its stories, as a server starting beside the compaction would. */
    private static CompletableFuture<Long> openInTheBackground(String url, Path data) {
        return CompletableFuture.supplyAsync(() -> {
            try (Database db = Database.open(url, data)) {
                return new Jdbc(db.dataSource()).count("select count(*) from story");
            }
        });
    }
}
