package news.gazette.db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The newsroom's workflow: a contributor role, accounts with a display name that can be disabled, and stories that
 * know who started them and where they stand in review. In code because the old role check has no name of its own
 * (each database made one up), so it is found in the information schema, which both databases keep.
 */
public class V60__Add_contributors_and_review extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        List<String> roleChecks = new ArrayList<>();
        try (Statement s = c.createStatement();
                var rows = s.executeQuery("""
                        select tc.constraint_name
                        from information_schema.table_constraints tc
                        join information_schema.check_constraints cc
                          on cc.constraint_name = tc.constraint_name and cc.constraint_schema = tc.constraint_schema
                        where lower(tc.table_name) = 'account' and tc.constraint_type = 'CHECK'
                          and lower(cc.check_clause) like '%administrator%'""")) {
            while (rows.next()) {
                roleChecks.add(rows.getString(1));
            }
        }
        try (Statement s = c.createStatement()) {
            for (String name : roleChecks) {
                s.execute("alter table account drop constraint \"" + name.replace("\"", "") + "\"");
            }
            s.execute("alter table account add constraint account_role_check"
                    + " check (role in ('administrator', 'editor', 'contributor'))");
            // The default byline of the account's stories; the username until one is given.
            s.execute("alter table account add column display_name varchar(200)");
            // A disabled account cannot sign in; its stories and revisions keep its name.
            s.execute("alter table account add column disabled_at timestamp with time zone");
            // Who started the story: a contributor may work on their own stories only. Null for older stories.
            s.execute("alter table story add column owner_id bigint references account (id) on delete set null");
            // Null, 'submitted' (waiting for an editor) or 'returned' (back with the writer, with a note).
            s.execute("alter table story add column review_state varchar(16)"
                    + " check (review_state is null or review_state in ('submitted', 'returned'))");
            s.execute("alter table story add column review_note varchar(2000)");
            s.execute("alter table story add column review_at timestamp with time zone");
            s.execute("alter table story add column review_by varchar(60)");
            s.execute("create index story_review_idx on story (review_state, review_at)");
            s.execute("create index story_owner_idx on story (owner_id, modified_at)");
        }
    }
}
