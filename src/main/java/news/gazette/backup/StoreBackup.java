package news.gazette.backup;

import news.gazette.db.Database;

/** How the store itself is backed up, besides the portable export: the newsroom's backup panel says which. */
public enum StoreBackup {
    /** The embedded H2 file: {@link OnlineBackup} copies it while the site serves. */
    ONLINE,
    /** PostgreSQL: the database's own {@code pg_dump}, run by the operator; the media folder is copied beside it. */
    PG_DUMP,
    /** An in-memory store (tests): nothing outlives the process. */
    NONE;

    public static StoreBackup of(String jdbcUrl) {
        if (Database.Dialect.of(jdbcUrl) == Database.Dialect.POSTGRESQL) {
            return PG_DUMP;
        }
        return jdbcUrl.startsWith("jdbc:h2:file:") ? ONLINE : NONE;
    }
}
