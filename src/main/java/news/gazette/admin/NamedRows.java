package news.gazette.admin;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.List;
import news.gazette.db.Jdbc;

/** Finds an author or a tag by its slug, creating it inside the caller's transaction when it is new. */
enum NamedRows {
    AUTHOR("author"),
    TAG("tag");

    private final String table;

    NamedRows(String table) {
        this.table = table;
    }

    long findOrCreate(Connection c, String slug, String name) throws SQLException {
        String select = "select id from " + table + " where slug = ?";
        List<Long> existing = Jdbc.list(c, select, row -> row.getLong(1), slug);
        if (existing.isEmpty()) {
            // The same name under an address made by an older rule (before transliteration): keep that one.
            existing = Jdbc.list(
                    c, "select id from " + table + " where name = ? order by id", row -> row.getLong(1), name);
        }
        if (!existing.isEmpty()) {
            return existing.get(0);
        }
        // A concurrent save may create the same row; the savepoint keeps this transaction usable if it does.
        Savepoint savepoint = c.setSavepoint();
        try {
            // A new byline that reads like a desk ("Metro Desk", "Wire Staff") starts as one; its page can change it.
            long id = this == AUTHOR
                    ? Jdbc.insert(
                            c,
                            "insert into author (slug, name, kind) values (?, ?, ?)",
                            slug,
                            name,
                            news.gazette.story.Author.looksLikeDesk(name) ? "organization" : "person")
                    : Jdbc.insert(c, "insert into " + table + " (slug, name) values (?, ?)", slug, name);
            c.releaseSavepoint(savepoint);
            return id;
        } catch (SQLException e) {
            if (!Jdbc.isConstraintViolation(e)) {
                throw e;
            }
            c.rollback(savepoint);
            return Jdbc.list(c, select, row -> row.getLong(1), slug).get(0);
        }
    }
}
