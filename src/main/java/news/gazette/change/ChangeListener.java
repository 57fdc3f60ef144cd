package news.gazette.change;

import io.javalin.config.Key;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On PostgreSQL, hears each committed change the moment it commits: {@code LISTEN} on a connection of its own (outside
 * the pool, since it is held for good), and a read of the change log at once on every notification, on any instance.
 * The timed poll stays as the fallback; while this connection is down, and right after it is back, the log itself
 * says what was missed, so nothing depends on a notification arriving.
 */
public final class ChangeListener implements AutoCloseable {

    /** Where {@code App.create} leaves the listener on PostgreSQL, for tests and operators. */
    public static final Key<ChangeListener> KEY = new Key<>("gazette.change-listener");

    /** How its connection names itself in {@code pg_stat_activity}. */
    public static final String APPLICATION_NAME = "gazette-listen";

    private static final Logger log = LoggerFactory.getLogger(ChangeListener.class);
    // How long one wait for notifications lasts: also how soon a stop is noticed.
    private static final int WAIT_MS = 500;
    // A quiet connection is checked this often, so a server that vanished without closing it is noticed.
    private static final long CHECK_QUIET_MS = 10_000;
    private static final long RETRY_FIRST_MS = 200;
    private static final long RETRY_MAX_MS = 5_000;

    private final String jdbcUrl;
    private final Runnable readChanges;
    private final AtomicLong notifications = new AtomicLong();
    private final AtomicLong connects = new AtomicLong();
    private volatile boolean running;
    private Thread thread;

    /**
     * @param readChanges reads the change log and applies what is new (the poller's {@code pollNow}); called on this
     *     listener's thread for each batch of notifications and after each (re)connect
     */
    public ChangeListener(String jdbcUrl, Runnable readChanges) {
        this.jdbcUrl = jdbcUrl;
        this.readChanges = readChanges;
    }

    public synchronized void start() {
        if (thread == null) {
            running = true;
            thread = new Thread(this::run, "gazette-change-listener");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** Notifications heard so far: a count for tests and the logs. */
    public long notifications() {
        return notifications.get();
    }

    /** Connections made so far, the first included: more than one means it reconnected. */
    public long connects() {
        return connects.get();
    }

    @Override
    public void close() {
        Thread stopping;
        synchronized (this) {
            stopping = thread;
            thread = null;
            running = false;
        }
        if (stopping != null) {
            // Wakes it from a wait between reconnects; a wait for notifications ends within WAIT_MS by itself.
            stopping.interrupt();
            try {
                stopping.join(WAIT_MS * 4L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        long retryMs = RETRY_FIRST_MS;
        boolean failing = false;
        while (running) {
            try (Connection c = connect()) {
                connects.incrementAndGet();
                if (failing) {
                    log.info("Listening for site changes again");
                    failing = false;
                }
                retryMs = RETRY_FIRST_MS;
                // Whatever committed while nobody listened is in the log.
                readQuietly();
                listen(c);
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                if (!failing) {
                    // Once per outage; the timed poll keeps the pages current meanwhile.
                    log.warn(
                            "Not listening for site changes ({}); polling the change log until it is back",
                            e.getMessage());
                    failing = true;
                }
                sleep(retryMs);
                retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
            }
        }
    }

    private void listen(Connection c) throws SQLException {
        PGConnection pg = c.unwrap(PGConnection.class);
        long quietSince = System.nanoTime();
        while (running) {
            PGNotification[] heard = pg.getNotifications(WAIT_MS);
            if (heard != null && heard.length > 0) {
                notifications.addAndGet(heard.length);
                readQuietly();
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince > CHECK_QUIET_MS * 1_000_000) {
                try (Statement check = c.createStatement()) {
                    check.execute("select 1");
                }
                quietSince = System.nanoTime();
            }
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("connectTimeout", "5");
        Connection c = DriverManager.getConnection(jdbcUrl, properties);
        try (Statement listen = c.createStatement()) {
            listen.execute("listen " + ChangeLog.CHANNEL);
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    private void readQuietly() {
        try {
            readChanges.run();
        } catch (RuntimeException e) {
            // The timed poll reports an outage of the pool; hearing of a change again is what matters here.
            log.debug("Reading site changes after a notification failed", e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            // Only close() interrupts, and it has already cleared running.
        }
    }
}
