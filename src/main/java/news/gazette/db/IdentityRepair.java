package news.gazette.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves every identity column of an H2 store past the highest id its table holds, at start-up, so that the first
 * inserts after an abrupt stop ({@code kill -9}, power loss) are not refused for reusing an id.
 *
 * <p>Why H2 loses count: an identity hands out ids from a block of 32 that it reserves in memory, and writes the end of
 * the block to the store only when it starts a new block. H2 also writes an identity back when its table is rebuilt, as
 * {@code ALTER TABLE ... ADD COLUMN} does, and then writes the id it is at, not the end of the block, while in memory
 * the block stays reserved. Rows inserted after that are committed (WRITE_DELAY=0), but their ids are counted nowhere
 * on disk until the block runs out, so after a kill the identity restarts at the old value. Gazette's migrations do
 * exactly that on a new store: V2 inserts the launch story, then V3 adds a column to {@code story}.
 *
 * <p>We found no H2 issue or documented fix for this. H2 issue #3171 (ids jumping by 32 after a restart, closed as a
 * non-issue) describes the blocks, not the lost count. Reproduced with H2 2.5.252 on one table (insert, add a column,
 * insert, kill, reopen); the cause is read from H2's sources ({@code AlterTableAlterColumn.copyData},
 * {@code Sequence.getCreateSQL}). PostgreSQL sequences are crash-safe, so {@link Database} runs this on H2 only.
 *
 * <p>Columns are read from {@code INFORMATION_SCHEMA}, so tables added by later migrations are covered without a list.
 */
final class IdentityRepair {

    private static final Logger log = LoggerFactory.getLogger(IdentityRepair.class);
    private static final String SCHEMA = "PUBLIC";

    private IdentityRepair() {}

    /** An identity column and the id it will hand out next. */
    record Identity(String table, String column, long next, long increment) {}

    /** An identity that was behind its table, the highest id found, and where it now restarts. */
    record Moved(Identity identity, long highest, long restart) {
        @Override
        public String toString() {
            return identity.table().toLowerCase(Locale.ROOT) + "."
                    + identity.column().toLowerCase(Locale.ROOT) + " from " + identity.next() + " to " + restart
                    + " (highest id " + highest + ")";
        }
    }

    /** As {@link #run(DataSource, boolean)} for a start that ran no migration. */
    static List<Moved> run(DataSource dataSource) {
        return run(dataSource, false);
    }

    /**
     * Restarts every identity in the PUBLIC schema that would hand out an id already taken; returns what moved. After
     * migrations ({@code afterMigrations}), which may have rebuilt tables, every identity is also restarted where it
     * stands, which writes its count to the store again, so that the ids handed out until the next start are counted on
     * disk and an id of a row deleted before a crash is never handed out twice.
     */
    static List<Moved> run(DataSource dataSource, boolean afterMigrations) {
        try (Connection c = dataSource.getConnection()) {
            List<Moved> moved = new ArrayList<>();
            for (Identity identity : identities(c)) {
                long highest = highest(c, identity);
                // Gazette's identities all count up; a descending one would have to be compared with the minimum.
                boolean behind = identity.increment() > 0 && highest >= identity.next();
                if (behind || afterMigrations) {
                    long restart = behind ? highest + identity.increment() : identity.next();
                    try (Statement alter = c.createStatement()) {
                        alter.executeUpdate("alter table " + table(identity) + " alter column "
                                + quote(identity.column()) + " restart with " + restart);
                    }
                    if (behind) {
                        moved.add(new Moved(identity, highest, restart));
                    }
                }
            }
            if (!moved.isEmpty()) {
                log.info(
                        "Identities behind their tables (H2 loses count when stopped abruptly) now restart past them: {}",
                        String.join(", ", moved.stream().map(Moved::toString).toList()));
            }
            return moved;
        } catch (SQLException e) {
            throw new Jdbc.DataAccessException(e);
        }
    }

    private static List<Identity> identities(Connection c) throws SQLException {
        return Jdbc.list(
                c,
                """
                select table_name, column_name, identity_base, identity_increment
                from information_schema.columns
                where table_schema = ? and is_identity = 'YES'
                order by table_name, column_name
                """,
                row -> new Identity(row.getString(1), row.getString(2), row.getLong(3), row.getLong(4)),
                SCHEMA);
    }

    private static long highest(Connection c, Identity identity) throws SQLException {
        String sql = "select coalesce(max(" + quote(identity.column()) + "), 0) from " + table(identity);
        return Jdbc.list(c, sql, row -> row.getLong(1)).get(0);
    }

    private static String table(Identity identity) {
        return quote(SCHEMA) + "." + quote(identity.table());
    }

    /** Names come from the catalog, never from input; quoting matches them exactly as H2 stored them. */
    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
