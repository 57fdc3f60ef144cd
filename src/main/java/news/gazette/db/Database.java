package news.gazette.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
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

    private final HikariDataSource dataSource;
    private final Dialect dialect;
    private final boolean migrated;
    private final String jdbcUrl;

    private Database(HikariDataSource dataSource, Dialect dialect, boolean migrated, String jdbcUrl) {
        this.dataSource = dataSource;
        this.jdbcUrl = jdbcUrl;
        this.dialect = dialect;
        this.migrated = migrated;
    }

    /** The embedded H2 file under {@code dataDir}, the default store. */
    public static String embeddedJdbcUrl(Path dataDir) {
        // File mode, one process at a time; the file lock guards against a second server on the same data.
        // WRITE_DELAY=0 writes every commit through before it returns, so a confirmed save survives kill -9;
        // DB_CLOSE_ON_EXIT=FALSE lets the server drain requests before it closes the store itself.
        return "jdbc:h2:file:"
                + dataDir.toAbsolutePath().resolve("gazette").toString().replace('\\', '/')
                + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
    }

    /** Opens the pool and brings the schema up to date with the migrations on the classpath. */
    public static Database open(String jdbcUrl, Path dataDir) {
        return open(jdbcUrl, dataDir, null);
    }

    /** As {@link #open(String, Path)}, reporting pool metrics to {@code registry} when it is not null. */
    public static Database open(String jdbcUrl, Path dataDir, MeterRegistry registry) {
        if (jdbcUrl.startsWith("jdbc:h2:file:")) {
            try {
                Files.createDirectories(dataDir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create data folder " + dataDir, e);
            }
        }
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(jdbcUrl);
        hikari.setPoolName("gazette");
        hikari.setMaximumPoolSize(POOL_SIZE);
        hikari.setMinimumIdle(1);
        hikari.setInitializationFailTimeout(10_000);
        if (registry != null) {
            hikari.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
        }
        HikariDataSource dataSource = new HikariDataSource(hikari);
        try {
            int executed = Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration", "classpath:news/gazette/db/migration")
                    .load()
                    .migrate()
                    .migrationsExecuted;
            Dialect dialect = Dialect.of(jdbcUrl);
            if (dialect == Dialect.H2) {
                IdentityRepair.run(dataSource, executed > 0);
            }
            return new Database(dataSource, dialect, executed > 0, jdbcUrl);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
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

    @Override
    public void close() {
        dataSource.close();
    }

    /** Closes the store after compacting it ({@link StoreCompaction}; nothing more than {@link #close} elsewhere). */
    public void compactAndClose() {
        dataSource.close();
        StoreCompaction.compact(jdbcUrl);
    }

    /** The databases Gazette knows; where their SQL differs, repositories ask which one they talk to. */
    public enum Dialect {
        H2,
        POSTGRESQL;

        static Dialect of(String jdbcUrl) {
            return jdbcUrl.startsWith("jdbc:postgresql:") ? POSTGRESQL : H2;
        }
    }
}
