package news.gazette;

import java.util.Locale;
import java.util.UUID;
import news.gazette.db.PostgresServer;

/**
 * Which store the tests run against: H2 in memory by default, or a real PostgreSQL server when the build runs the
 * tests a second time with {@code -Dgazette.test.database=postgresql} (the test command does, for the tests tagged
 * {@value #BOTH}).
 */
public final class TestDatabases {

    /** The tag of test classes that run against both stores. */
    public static final String BOTH = "both-stores";

    private TestDatabases() {}

    public static boolean isPostgres() {
        return System.getProperty("gazette.test.database", "h2")
                .toLowerCase(Locale.ROOT)
                .startsWith("postgres");
    }

    /** The JDBC URL of a fresh, empty database of the store under test. */
    public static String fresh(String name) {
        return isPostgres()
                ? PostgresServer.get().newDatabase()
                : "jdbc:h2:mem:" + name + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }
}
