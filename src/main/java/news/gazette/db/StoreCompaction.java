package news.gazette.db;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the embedded H2 file back the space its old versions took. H2 writes every commit as a new chunk and, with
 * {@code WRITE_DELAY=0} (a confirmed save is on disk) and its space reuse off ({@link AppendOnlyStore}), only appends;
 * {@code SHUTDOWN COMPACT} rewrites the file to its live data. Run on a clean stop of the server, at the end of
 * {@code gazette import} and by the archive generator ({@link RunningCompaction} does the same under a running server);
 * a no-op for PostgreSQL and in-memory stores.
 */
public final class StoreCompaction {

    private static final Logger log = LoggerFactory.getLogger(StoreCompaction.class);

    /** How long a compaction's temp file may go unwritten before it counts as left by a process that died. */
    static final Duration ABANDONED = Duration.ofSeconds(30);

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
        Object fileBefore = identityOf(file.get());
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
        // H2 compacts into a new file and moves it over the old one; an error there goes only to its trace file.
        if (fileBefore != null && fileBefore.equals(identityOf(file.get()))) {
            log.warn(
                    "Could not compact {}: H2 left the file as it was (see {}.trace.db)",
                    file.get().getFileName(),
                    file.get().getFileName().toString().replace(".mv.db", ""));
            return;
        }
        log.info(
                "Compacted {} from {} MB to {} MB in {} ms",
                file.get().getFileName(),
                before >> 20,
                sizeOf(file.get()) >> 20,
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Waits while another process compacts the store at {@code jdbcUrl}: H2, opening a store, deletes the
     * {@code .tempFile} a compaction writes before it looks at the file lock, and the compaction under way (a server's
     * clean stop: 45 s at a million stories) then fails and leaves the file as large as it was. A temp file nobody
     * holds locked, or that has not changed for {@link #ABANDONED}, is a compaction that died with its process; H2 may
     * clear it.
     */
    static void awaitCompactionElsewhere(String jdbcUrl) {
        Optional<Path> file = fileOf(jdbcUrl);
        if (file.isEmpty()) {
            return;
        }
        Path temp = Path.of(file.get() + ".tempFile");
        boolean said = false;
        while (isFresh(temp) && !isAbandoned(temp, jdbcUrl)) {
            if (!said) {
                log.info(
                        "Waiting for the compaction of {} under way in another process",
                        file.get().getFileName());
                said = true;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Whether nobody holds the lock H2 takes on a compaction's temp file while it writes it, so the compaction died with
     * its process (a {@code kill -9} during a running compaction) and the open need not wait. Not asked while this
     * process compacts the store itself: closing a channel to a file drops every lock the process holds on it, H2's too.
     */
    private static boolean isAbandoned(Path temp, String jdbcUrl) {
        if (AppendOnlyStore.isCompactingHere(jdbcUrl)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return false; // another process is writing it
            }
            lock.release();
            return true;
        } catch (OverlappingFileLockException e) {
            return false;
        } catch (IOException e) {
            return false; // gone, or not ours to open: the age decides
        }
    }

    private static boolean isFresh(Path temp) {
        try {
            long age =
                    System.currentTimeMillis() - Files.getLastModifiedTime(temp).toMillis();
            return age < ABANDONED.toMillis();
        } catch (IOException e) {
            return false; // gone: the compaction is over
        }
    }

    /** Which file is at {@code path} (device and inode where the system says), or null where it cannot say. */
    private static Object identityOf(Path path) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
