package news.gazette.db;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

/**
 * The embedded H2 file's connections, for the pool, with two guarantees.
 *
 * <p>The store writes new chunks only at the end of its file, never into the space of chunks it no longer needs. H2
 * reuses such space once a chunk is older than its retention time (45 s), and then a {@code kill -9} lost saves it had
 * confirmed: a server that took saves for longer than that came back at an older version, rows and ids gone (three
 * runs out of three of {@code KillAfterRetentionTest}; none in runs shorter than 45 s, none with the space reuse off).
 * H2 has no URL setting for it, and opens a store again with its defaults whenever its last connection closed, so
 * every connection made here turns the reuse off on a store it has not seen yet, before anyone uses it.
 *
 * <p>While the file is compacted ({@link #exclusively}) no connection is made: one opened then would open the file
 * H2 is about to replace, and write into a file nobody reads again. One instance per file in this process, so two
 * pools on one store (tests, a chore beside a server) keep to the same rule.
 */
final class AppendOnlyStore implements DataSource {

    private static final Map<String, AppendOnlyStore> BY_FILE = new ConcurrentHashMap<>();

    private final String jdbcUrl;
    private final ReentrantReadWriteLock compacting = new ReentrantReadWriteLock();
    // The store last made append-only: H2 makes a new one each time it opens the file.
    private MVStore appendOnly;
    private volatile int loginTimeoutSeconds;

    private AppendOnlyStore(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    /** The connections of the embedded file at {@code jdbcUrl}, shared by every pool in this process. */
    static AppendOnlyStore of(String jdbcUrl) {
        String file =
                StoreCompaction.fileOf(jdbcUrl).orElseThrow().toAbsolutePath().toString();
        return BY_FILE.computeIfAbsent(file, f -> new AppendOnlyStore(jdbcUrl));
    }

    /** Whether this process is compacting the embedded file at {@code jdbcUrl} now ({@link #exclusively}). */
    static boolean isCompactingHere(String jdbcUrl) {
        AppendOnlyStore store = BY_FILE.get(keyOf(jdbcUrl));
        return store != null && store.compacting.isWriteLocked();
    }

    private static String keyOf(String jdbcUrl) {
        return StoreCompaction.fileOf(jdbcUrl).orElseThrow().toAbsolutePath().toString();
    }

    /** H2's store behind {@code connection}, a connection to an embedded database. */
    static MVStore storeOf(Connection connection) throws SQLException {
        return ((SessionLocal) connection.unwrap(JdbcConnection.class).getSession())
                .getDatabase()
                .getStore()
                .getMvStore();
    }

    @Override
    public Connection getConnection() throws SQLException {
        compacting.readLock().lock();
        try {
            return openUnguarded();
        } finally {
            compacting.readLock().unlock();
        }
    }

    /** A connection made even while {@link #exclusively} runs: for the work inside it. */
    Connection openUnguarded() throws SQLException {
        Connection connection = DriverManager.getConnection(jdbcUrl);
        try {
            MVStore store = storeOf(connection);
            synchronized (this) {
                if (store != appendOnly) {
                    store.setReuseSpace(false);
                    appendOnly = store;
                }
            }
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** Runs {@code work} once every connection under way is made, and makes no other until it ends. */
    <T> T exclusively(Callable<T> work) throws Exception {
        compacting.writeLock().lock();
        try {
            return work.call();
        } finally {
            compacting.writeLock().unlock();
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the embedded store takes no credentials");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    // Hikari sets it, and reads it back for how long to wait for connections being made when it closes.
    @Override
    public void setLoginTimeout(int seconds) {
        loginTimeoutSeconds = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeoutSeconds;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper of " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
