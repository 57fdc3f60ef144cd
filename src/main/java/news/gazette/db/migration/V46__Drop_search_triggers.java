package news.gazette.db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Drops the H2 triggers that kept search current behind every write: the newsroom's save now writes a story's search
 * terms in its own transaction, in code a reader can follow. The triggers were installed by code, on H2 only, so this
 * migration does nothing elsewhere.
 */
public class V46__Drop_search_triggers extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        if (!c.getMetaData()
                .getDatabaseProductName()
                .toLowerCase(java.util.Locale.ROOT)
                .contains("h2")) {
            return;
        }
        try (Statement statement = c.createStatement()) {
            statement.execute("drop trigger if exists story_search_index");
            statement.execute("drop trigger if exists story_tag_search_index");
        }
    }
}
