package news.gazette.search;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.h2.api.Trigger;

/**
 * H2 calls this after each row written to {@code story} or {@code story_tag}, in the writer's transaction, so the
 * search index can never drift from the stories. A story write that changes none of the columns search reads (an
 * update time, newsroom notes) does not reindex.
 */
public final class H2SearchIndexTrigger implements Trigger {

    /** The columns search reads; DELETED_AT, where the newsroom has it, takes a story out of search. */
    private static final List<String> TEXT_COLUMNS =
            List.of("HEADLINE", "SUMMARY", "BODY_MARKDOWN", "STATUS", "PUBLISHED_AT", "DELETED_AT");

    private boolean storyTable;
    private final List<Integer> textColumns = new ArrayList<>();

    @Override
    public void init(Connection c, String schema, String trigger, String table, boolean before, int type)
            throws SQLException {
        storyTable = table.equalsIgnoreCase("story");
        if (storyTable) {
            try (ResultSet columns = c.getMetaData().getColumns(null, schema, table, null)) {
                while (columns.next()) {
                    String name = columns.getString("COLUMN_NAME").toUpperCase(Locale.ROOT);
                    if (TEXT_COLUMNS.contains(name)) {
                        textColumns.add(columns.getInt("ORDINAL_POSITION") - 1);
                    }
                }
            }
        }
    }

    @Override
    public void fire(Connection c, Object[] oldRow, Object[] newRow) throws SQLException {
        // Column 0 is story.id in story and story_id in story_tag.
        Object[] row = newRow != null ? newRow : oldRow;
        if (row == null) {
            return;
        }
        if (storyTable && oldRow != null && newRow != null && sameText(oldRow, newRow)) {
            return;
        }
        if (storyTable && newRow == null) {
            return; // deleting a story cascades to its terms
        }
        SearchIndex.reindex(c, ((Number) row[0]).longValue());
    }

    private boolean sameText(Object[] oldRow, Object[] newRow) {
        for (int column : textColumns) {
            if (!Objects.equals(oldRow[column], newRow[column])) {
                return false;
            }
        }
        return !textColumns.isEmpty();
    }
}
