package news.gazette.db.migration;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Removes, once, the characters that no output format can carry from every text value stored before Gazette refused
 * them where text enters: control characters other than tab and newline, C1 controls, unpaired surrogates and
 * U+FFFE/U+FFFF; carriage returns become newlines. One stored U+0001 in a headline used to take every feed down.
 *
 * <p>Generic over tables and columns (read from the database's own catalogue), so it cleans every text column there
 * is; frozen like every shipped migration, so it carries its own copy of the rule instead of calling application code.
 */
public class V45__Remove_control_characters extends BaseJavaMigration {

    private static final Pattern FORBIDDEN =
            Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F\\uFFFE\\uFFFF]"
                    + "|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]");
    private static final Set<Integer> TEXT_TYPES =
            Set.of(Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR, Types.CLOB, Types.NVARCHAR, Types.NCHAR);

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        for (String table : tablesWithKeys(c)) {
            List<String> columns = textColumns(c, table);
            if (!columns.isEmpty()) {
                clean(c, table, columns);
            }
        }
    }

    static String cleaned(String value) {
        if (value == null) {
            return null;
        }
        return FORBIDDEN
                .matcher(value.replace("\r\n", "\n").replace('\r', '\n'))
                .replaceAll("");
    }

    /** Walks the table once with an updatable cursor, rewriting only the rows that change. */
    private static void clean(Connection c, String table, List<String> columns) throws SQLException {
        try (Statement select = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_UPDATABLE)) {
            select.setFetchSize(200);
            try (ResultSet rows = select.executeQuery("select * from " + table)) {
                while (rows.next()) {
                    boolean changed = false;
                    for (String column : columns) {
                        String value = rows.getString(column);
                        String clean = cleaned(value);
                        if (value != null && !value.equals(clean)) {
                            rows.updateString(column, clean);
                            changed = true;
                        }
                    }
                    if (changed) {
                        rows.updateRow();
                    }
                }
            }
        }
    }

    /** The schema's own tables that have a primary key (an updatable cursor needs one); Flyway's is left alone. */
    private static List<String> tablesWithKeys(Connection c) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        String schema = c.getSchema();
        List<String> tables = new ArrayList<>();
        try (ResultSet rows = meta.getTables(c.getCatalog(), schema, "%", new String[] {"TABLE"})) {
            while (rows.next()) {
                String name = rows.getString("TABLE_NAME");
                if (!name.toLowerCase(Locale.ROOT).startsWith("flyway_")) {
                    tables.add(name);
                }
            }
        }
        List<String> keyed = new ArrayList<>();
        for (String table : tables) {
            try (ResultSet keys = meta.getPrimaryKeys(c.getCatalog(), schema, table)) {
                if (keys.next()) {
                    keyed.add(table);
                }
            }
        }
        return keyed;
    }

    private static List<String> textColumns(Connection c, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (ResultSet rows = c.getMetaData().getColumns(c.getCatalog(), c.getSchema(), table, "%")) {
            while (rows.next()) {
                if (TEXT_TYPES.contains(rows.getInt("DATA_TYPE"))) {
                    columns.add(rows.getString("COLUMN_NAME"));
                }
            }
        }
        return columns;
    }
}
