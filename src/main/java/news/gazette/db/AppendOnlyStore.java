package news.gazette.db;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;

/**
 * Has the embedded H2 store write new chunks only at the end of its file while it is open, never into the space of
 * chunks it no longer needs. H2 reuses such space once a chunk is older than its retention time (45 s), and then a
 * {@code kill -9} lost saves it had confirmed: a server that took saves for longer than that came back at an older
 * version, rows and ids gone (three runs out of three of {@code KillAfterRetentionTest}; none in runs shorter than
 * 45 s, none with the space reuse off). The price is a file that grows by what each save writes (some 60 kB) until the
 * next clean stop, whose {@link StoreCompaction} rewrites it to its live data.
 */
final class AppendOnlyStore {

    private AppendOnlyStore() {}

    /** Turns space reuse off for the store {@code dataSource} opens; the store must stay open from now on. */
    static void apply(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            ((SessionLocal) c.unwrap(JdbcConnection.class).getSession())
                    .getDatabase()
                    .getStore()
                    .getMvStore()
                    .setReuseSpace(false);
        } catch (SQLException e) {
            throw new Jdbc.DataAccessException(e);
        }
    }
}
