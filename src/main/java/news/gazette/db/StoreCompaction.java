package news.gazette.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the embedded H2 file back the space its old versions took. H2 writes every commit as a new chunk and, with
 * {@code WRITE_DELAY=0} (a confirmed save is on disk), has no background thread to rewrite half-empty chunks, so the
 * file only grows between closes; {@code SHUTDOWN COMPACT} rewrites it to its live data. Run on a clean stop of the
 * server and by the archive generator; a no-op for PostgreSQL and in-memory stores.
 */
public final class StoreCompaction {

    private static final Logger log = LoggerFactory.getLogger(StoreCompaction.class);

    private StoreCompaction() {}

    /** The {@code .mv.db} file behind an embedded H2 URL, or empty for any other database. */
    public static Optional<Path> fileOf(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:h2:file:")) {
            return Optional.empty();
        }
        String name = jdbcUrl.substring("jdbc:h2:file:".length());
        int options = name.indexOf(';');
        return Optional.of(Path.of((options < 0 ? name : name.substring(0, options)) + ".mv.db"));
    }

    /**
     * Compacts the H2 file at {@code jdbcUrl}, which no pool may hold open: the store is opened on a connection of
     * its own and shut down with {@code SHUTDOWN COMPACT}, which rewrites it to its live data.
     */
    public static void compact(String jdbcUrl) {
        Optional<Path> file = fileOf(jdbcUrl);
        if (file.isEmpty() || !Files.exists(file.get())) {
            return;
        }
        long before = sizeOf(file.get());
        long started = System.nanoTime();
        try (Connection c = DriverManager.getConnection(jdbcUrl);
                Statement s = c.createStatement()) {
            // SHUTDOWN closes the store for every connection in this JVM: one someone else still holds (a command or
            // test sharing the embedded store) would fail under them, so the compaction waits for a stop of its own.
            try (ResultSet others = s.executeQuery("select count(*) from information_schema.sessions")) {
                if (others.next() && others.getInt(1) > 1) {
                    log.info(
                            "Not compacting {}: another connection still uses it",
                            file.get().getFileName());
                    return;
                }
            }
            s.execute("shutdown compact");
        } catch (SQLException e) {
            // The store stays correct, only larger: say so and let the stop go on.
            log.warn("Could not compact {}: {}", file.get(), e.getMessage());
            return;
        }
        log.info(
                "Compacted {} from {} MB to {} MB in {} ms",
                file.get().getFileName(),
                before >> 20,
                sizeOf(file.get()) >> 20,
                (System.nanoTime() - started) / 1_000_000);
    }

    static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
