package news.gazette.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import com.zaxxer.hikari.pool.HikariPool;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The connection pool and the schema. Created once by {@code App.create}; repositories take its {@link DataSource}.
 */
public final class Database implements AutoCloseable {

    /** Connections in the pool. Two cores serve the whole site; a small pool keeps H2's lock contention low. */
    public static final int POOL_SIZE = 8;

    /** How the pool's connections name themselves to PostgreSQL ({@code pg_stat_activity.application_name}). */
    public static final String APPLICATION_NAME = "gazette";

    /** H2's error for a file store another process holds open (its {@code DATABASE_ALREADY_OPEN_1}). */
    private static final int H2_ALREADY_OPEN = 90020;

    private static final long CONNECTION_TIMEOUT_MS = 5_000;
    private static final long VALIDATION_TIMEOUT_MS = 2_000;
    private static final long KEEPALIVE_MS = 60_000;
    private static final long MAX_LIFETIME_MS = 15 * 60_000;

    private final HikariDataSource dataSource;
    private final Dialect dialect;
    private final boolean migrated;
    private final String jdbcUrl;
    // The embedded file's connections, or null for other stores and bulk loads.
    private final AppendOnlyStore appendOnly;
    private final MeterRegistry registry;
    private GrowthWatch growthWatch;

    private Database(
            HikariDataSource dataSource,
            Dialect dialect,
            boolean migrated,
            String jdbcUrl,
            AppendOnlyStore appendOnly,
            MeterRegistry registry) {
        this.dataSource = dataSource;
        this.jdbcUrl = jdbcUrl;
        this.dialect = dialect;
        this.migrated = migrated;
        this.appendOnly = appendOnly;
        this.registry = registry != null ? registry : new SimpleMeterRegistry();
    }

    /** The embedded H2 file under {@code dataDir}, the default store. */
    public static String embeddedJdbcUrl(Path dataDir) {
        // File mode, one process at a time; the file lock guards against a second server on the same data.
        // WRITE_DELAY=0 writes every commit through before it returns, so a confirmed save survives kill -9;
        // DB_CLOSE_ON_EXIT=FALSE lets the server drain requests before it closes the store itself.
        // PAGE_SIZE=4096 (H2's default is 16 kB): a save rewrites every page it touches, and the store only appends
        // while it runs (AppendOnlyStore): 300 saves on a 3,000-story store grew it by 62 kB each instead of 85 kB;
        // compacted it is 7 % larger, and a crawl of uncached articles read as fast (PERFORMANCE.md).
        return "jdbc:h2:file:"
                + dataDir.toAbsolutePath().resolve("gazette").toString().replace('\\', '/')
                + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;PAGE_SIZE=4096;CACHE_SIZE="
                + pageCacheKilobytes(Runtime.getRuntime().maxMemory());
    }

    /**
     * H2's cache of decoded pages, in kB: a thirty-second of the heap, between 2 and 64 MB. A crawl of an archive
     * larger than the cache turns it over tens of megabytes a second, and pages kept longer than a young collection
     * are promoted only to die in the old generation: with the README's 128 MB heap and H2's default 16 MB, a crawl of
     * 100,000 stories ran a full collection every three seconds (p99 130 ms); at 4 MB, one in ten to twenty seconds
     * (p99 56-72 ms), at the same throughput. The file's pages stay in the kernel's cache either way.
     */
    static int pageCacheKilobytes(long maxHeapBytes) {
        return (int) Math.max(2 << 10, Math.min(64 << 10, maxHeapBytes / 32 / 1024));
    }

    /** Opens the pool and brings the schema up to date with the migrations on the classpath. */
    public static Database open(String jdbcUrl, Path dataDir) {
        return open(jdbcUrl, dataDir, null);
    }

    /** As {@link #open(String, Path)}, reporting pool metrics to {@code registry} when it is not null. */
    public static Database open(String jdbcUrl, Path dataDir, MeterRegistry registry) {
        return open(jdbcUrl, dataDir, registry, true);
    }

    /**
     * As {@link #open(String, Path)} for a bulk load that is simply run again if it fails (the benchmark's archive):
     * H2 may reuse the space of replaced data, which keeps the file near its size during the load, and which a store
     * that confirms saves must not allow ({@link AppendOnlyStore}).
     */
    public static Database openForBulkLoad(String jdbcUrl, Path dataDir) {
        return open(jdbcUrl, dataDir, null, false);
    }

    private static Database open(String jdbcUrl, Path dataDir, MeterRegistry registry, boolean appendOnly) {
        Dialect dialect = Dialect.of(jdbcUrl);
        if (jdbcUrl.startsWith("jdbc:h2:file:")) {
            StoreCompaction.awaitCompactionElsewhere(jdbcUrl);
            try {
                Files.createDirectories(dataDir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create data folder " + dataDir, e);
            }
        }
        boolean appendOnlyFile = appendOnly && jdbcUrl.startsWith("jdbc:h2:file:");
        AppendOnlyStore store = appendOnlyFile ? AppendOnlyStore.of(jdbcUrl) : null;
        HikariConfig hikari = new HikariConfig();
        if (store != null) {
            hikari.setDataSource(store);
            // RunningCompaction holds borrowers while it compacts the file.
            hikari.setAllowPoolSuspension(true);
            // H2 closes the store with its last connection, and opening it again costs what a start does.
            hikari.setMaxLifetime(0);
        } else {
            hikari.setJdbcUrl(jdbcUrl);
        }
        hikari.setPoolName("gazette");
        hikari.setMaximumPoolSize(POOL_SIZE);
        hikari.setMinimumIdle(1);
        hikari.setInitializationFailTimeout(10_000);
        if (dialect == Dialect.POSTGRESQL) {
            networked(hikari);
        }
        if (registry != null) {
            hikari.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
        }
        HikariDataSource dataSource = openPool(hikari, dialect);
        try {
            int executed = Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration", "classpath:news/gazette/db/migration")
                    .load()
                    .migrate()
                    .migrationsExecuted;
            if (dialect == Dialect.H2) {
                IdentityRepair.run(dataSource, executed > 0);
            }
            return new Database(dataSource, dialect, executed > 0, jdbcUrl, store, registry);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    private static HikariDataSource openPool(HikariConfig hikari, Dialect dialect) {
        try {
            return new HikariDataSource(hikari);
        } catch (HikariPool.PoolInitializationException e) {
            // The driver's own message says where it tried and why it failed ("Connection to 127.0.0.1:5432 refused",
            // "password authentication failed for user ..."); Hikari's wrapper and the socket's cause add nothing.
            Throwable cause = e;
            while (cause != null && !(cause instanceof SQLException)) {
                cause = cause.getCause();
            }
            if (cause instanceof SQLException sql && sql.getErrorCode() == H2_ALREADY_OPEN) {
                // H2's own advice ("use the server mode") is not Gazette's: the other user is a running Gazette.
                throw new UnavailableException(
                        "the embedded store is in use by another process (a running Gazette?): stop it first", e);
            }
            String why = cause == null ? String.valueOf(e.getMessage()) : cause.getMessage();
            throw new UnavailableException("cannot connect to the " + dialect.displayName + " database: " + why, e);
        }
    }

    /**
     * A database across the network can go away under the pool: a request waits at most a few seconds for a connection
     * (and the readiness check says not ready) instead of Hikari's 30; idle connections are probed, so a server restart
     * or a firewall that drops quiet connections costs no failed request; and connections are recycled before any
     * server-side idle limit.
     */
    private static void networked(HikariConfig hikari) {
        hikari.setConnectionTimeout(CONNECTION_TIMEOUT_MS);
        hikari.setValidationTimeout(VALIDATION_TIMEOUT_MS);
        hikari.setKeepaliveTime(KEEPALIVE_MS);
        hikari.setMaxLifetime(MAX_LIFETIME_MS);
        hikari.addDataSourceProperty("ApplicationName", APPLICATION_NAME);
        hikari.addDataSourceProperty("tcpKeepAlive", "true");
        // A connection attempt to a host that does not answer fails within the pool's wait, not pgjdbc's 10 s.
        hikari.addDataSourceProperty("connectTimeout", String.valueOf(CONNECTION_TIMEOUT_MS / 1000));
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** Whether this open ran migrations: rows they wrote (a new column, the launch story) may need deriving. */
    public boolean migrated() {
        return migrated;
    }

    /** True when the database answers; used by the readiness check. */
    public boolean isReachable() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * Has the embedded file compacted while the server runs, whenever it has grown well past its data
     * ({@link RunningCompaction}); nothing for other stores. Stopped by {@link #close}.
     */
    public synchronized void compactWhenGrown() {
        if (appendOnly != null && growthWatch == null) {
            growthWatch = new GrowthWatch(
                    dataSource, appendOnly, StoreCompaction.fileOf(jdbcUrl).orElseThrow(), registry);
            growthWatch.start();
        }
    }

    /** Compacts the embedded file now, with the pool open; for tests. */
    RunningCompaction.Result compactWhileRunning() {
        return RunningCompaction.run(
                dataSource, appendOnly, StoreCompaction.fileOf(jdbcUrl).orElseThrow());
    }

    @Override
    public void close() {
        stopGrowthWatch();
        dataSource.close();
    }

    /** Closes the store after compacting it ({@link StoreCompaction}; nothing more than {@link #close} elsewhere). */
    public void compactAndClose() {
        close();
        if (appendOnly == null) {
            StoreCompaction.compact(jdbcUrl);
            return;
        }
        try {
            appendOnly.exclusively(() -> {
                StoreCompaction.compact(jdbcUrl);
                return null;
            });
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private synchronized void stopGrowthWatch() {
        if (growthWatch != null) {
            growthWatch.close();
            growthWatch = null;
        }
    }

    /** The databases Gazette knows; where their SQL differs, repositories ask which one they talk to. */
    public enum Dialect {
        H2("jdbc:h2:", "H2"),
        POSTGRESQL("jdbc:postgresql:", "PostgreSQL");

        private final String prefix;
        private final String displayName;

        Dialect(String prefix, String displayName) {
            this.prefix = prefix;
            this.displayName = displayName;
        }

        /** The dialect of {@code jdbcUrl}, or {@link UnsupportedDatabaseException} for any other database. */
        public static Dialect of(String jdbcUrl) {
            for (Dialect dialect : values()) {
                if (jdbcUrl.startsWith(dialect.prefix)) {
                    return dialect;
                }
            }
            throw new UnsupportedDatabaseException(jdbcUrl);
        }
    }

    /** The database did not answer at start-up; the message is one line for the operator. */
    public static final class UnavailableException extends RuntimeException {
        UnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A database URL of a kind Gazette does not run on; the message is one line for the operator. */
    public static final class UnsupportedDatabaseException extends IllegalArgumentException {
        UnsupportedDatabaseException(String jdbcUrl) {
            super("unsupported database " + scheme(jdbcUrl)
                    + ": Gazette runs on H2 (jdbc:h2:file:...) and PostgreSQL 15 or later (jdbc:postgresql://HOST/DB)");
        }

        // Only the kind of database: the rest of a URL may carry a password.
        private static String scheme(String jdbcUrl) {
            int second = jdbcUrl.indexOf(':', "jdbc:".length());
            return second < 0 ? jdbcUrl : jdbcUrl.substring(0, second + 1);
        }
    }
}
