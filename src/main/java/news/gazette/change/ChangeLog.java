package news.gazette.change;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import news.gazette.db.Jdbc;
import org.postgresql.PGConnection;

/**
 * The {@code site_change} table: one row per newsroom write, added inside the write's own transaction, read by every
 * instance's features that react to writes (the page cache and the search index). Readers take rows after an id;
 * identity values are handed out before commit, so a reader looks back a little for rows that committed late.
 */
public final class ChangeLog {

    /** One committed change: its id and the keys it touched. */
    public record Entry(long id, Set<ChangeKey> keys) {}

    /** The PostgreSQL channel on which each committed change is announced ({@link ChangeListener}). */
    static final String CHANNEL = "gazette_change";

    private final Jdbc jdbc;

    public ChangeLog(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds a change with {@code keys} in the caller's transaction. On PostgreSQL it also sends {@code NOTIFY}, which
     * the server delivers when (and only if) the transaction commits, so every instance's {@link ChangeListener} reads
     * the log at once. The connection says which database it is: the writer needs no dialect handed down to it.
     */
    public static void record(Connection c, Collection<ChangeKey> keys, Instant now) throws SQLException {
        String text = keys.stream().map(ChangeKey::toString).distinct().collect(Collectors.joining(" "));
        Jdbc.insert(c, "insert into site_change (change_keys, changed_at) values (?, ?)", text, now);
        if (c.isWrapperFor(PGConnection.class)) {
            try (Statement notify = c.createStatement()) {
                notify.execute("notify " + CHANNEL);
            }
        }
    }

    /** The highest id written so far, or 0. */
    public long lastId() {
        return jdbc.first("select max(id) from site_change", row -> row.getLong(1))
                .orElse(0L);
    }

    /** The lowest id still kept, or 0 when the log is empty: rows below it were pruned. */
    public long firstId() {
        return jdbc.first("select min(id) from site_change", row -> row.getLong(1))
                .orElse(0L);
    }

    /** Changes with an id above {@code afterId}, oldest first. */
    public List<Entry> after(long afterId) {
        return jdbc.list(
                "select id, change_keys from site_change where id > ? order by id",
                row -> new Entry(row.getLong(1), keys(row.getString(2))),
                afterId);
    }

    /** When the oldest change with an id above {@code afterId} was made, if there is one (for the lag gauge). */
    public java.util.Optional<Instant> oldestAfter(long afterId) {
        return jdbc.first(
                "select changed_at from site_change where id > ? order by id limit 1",
                row -> Jdbc.instant(row, "changed_at"),
                afterId);
    }

    /** Forgets changes below {@code id}: every instance has read them long ago. */
    public void pruneBelow(long id) {
        jdbc.update("delete from site_change where id < ?", id);
    }

    /** The table's highest id and its row count: equal pairs mean nothing was written in between. */
    public static List<Long> fingerprint(Connection c) throws SQLException {
        return Jdbc.list(c, "select max(id), count(*) from site_change", row -> List.of(row.getLong(1), row.getLong(2)))
                .get(0);
    }

    private static Set<ChangeKey> keys(String text) {
        Set<ChangeKey> keys = new LinkedHashSet<>();
        for (String word : text.split(" ")) {
            if (!word.isEmpty()) {
                ChangeKey.parse(word).ifPresent(keys::add);
            }
        }
        return keys;
    }
}
