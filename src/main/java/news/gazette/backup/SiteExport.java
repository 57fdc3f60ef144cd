package news.gazette.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import news.gazette.db.Jdbc;
import news.gazette.media.MediaStore;

/**
 * Writes the whole site into one portable zip: a manifest, one JSON-lines file per table and the uploaded images.
 * Accounts go without their password hashes, and sessions and sign-in failures not at all. The format is described in
 * {@code docs/ARCHITECTURE.md}; {@link SiteImport} reads it back.
 */
public final class SiteExport {

    static final String FORMAT = "gazette-export";
    static final int VERSION = 1;
    static final String MANIFEST = "gazette-export.json";
    static final String TABLE_FOLDER = "tables/";
    static final String MEDIA_FOLDER = "media/";

    /** Every table that holds the site, parents before children, so that an import can insert in this order. */
    static final List<String> TABLES = List.of(
            "author",
            "tag",
            "account",
            "story",
            "story_tag",
            "story_byline",
            "story_update",
            "story_slug_history",
            "story_revision",
            "story_correction",
            "story_pending_change",
            "live_coverage",
            "live_entry",
            "site_setting");

    /** Columns that never leave the instance. */
    static final Map<String, Set<String>> SECRET_COLUMNS = Map.of("account", Set.of("password_hash"));

    static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.CLOSE_CLOSEABLE);

    private final Jdbc jdbc;
    private final MediaStore media;

    public SiteExport(Jdbc jdbc, MediaStore media) {
        this.jdbc = jdbc;
        this.media = media;
    }

    /**
     * Writes the export to {@code out}. The tables are read in one repeatable-read transaction, one snapshot, so a
     * story saved meanwhile is either wholly in the file (with its revision and tags) or not at all.
     */
    public void write(OutputStream out, Instant now) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        Map<String, Long> counts = new LinkedHashMap<>();
        try {
            jdbc.withConnection(c -> {
                // The pool puts isolation and auto-commit back when the connection returns.
                c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                c.setAutoCommit(false);
                try {
                    for (String table : TABLES) {
                        zip.putNextEntry(new ZipEntry(TABLE_FOLDER + table + ".jsonl"));
                        // The table name comes from the list above, never from input.
                        try (PreparedStatement select = c.prepareStatement("select * from " + table + orderBy(table));
                                ResultSet rows = select.executeQuery()) {
                            counts.put(table, writeRows(table, rows, zip));
                        }
                        zip.closeEntry();
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } finally {
                    c.rollback(); // read only
                }
                return null;
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        List<Path> files = media.files();
        for (Path file : files) {
            zip.putNextEntry(new ZipEntry(MEDIA_FOLDER + file.getFileName()));
            Files.copy(file, zip);
            zip.closeEntry();
        }
        ObjectNode manifest = JSON.createObjectNode();
        manifest.put("format", FORMAT);
        manifest.put("version", VERSION);
        manifest.put("exportedAt", now.toString());
        ObjectNode tables = manifest.putObject("tables");
        counts.forEach(tables::put);
        manifest.put("media", files.size());
        zip.putNextEntry(new ZipEntry(MANIFEST));
        zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
        zip.closeEntry();
        zip.finish();
    }

    private static long writeRows(String table, ResultSet rows, OutputStream out) throws SQLException {
        ResultSetMetaData meta = rows.getMetaData();
        Set<String> secret = SECRET_COLUMNS.getOrDefault(table, Set.of());
        long count = 0;
        try {
            while (rows.next()) {
                ObjectNode row = JSON.createObjectNode();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    String column = meta.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT);
                    if (secret.contains(column)) {
                        continue;
                    }
                    switch (meta.getColumnType(i)) {
                        case Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP -> {
                            OffsetDateTime value = rows.getObject(i, OffsetDateTime.class);
                            row.put(
                                    column,
                                    value == null ? null : value.toInstant().toString());
                        }
                        case Types.BIGINT, Types.INTEGER, Types.SMALLINT -> {
                            long value = rows.getLong(i);
                            if (rows.wasNull()) {
                                row.putNull(column);
                            } else {
                                row.put(column, value);
                            }
                        }
                        case Types.BOOLEAN, Types.BIT -> {
                            boolean value = rows.getBoolean(i);
                            if (rows.wasNull()) {
                                row.putNull(column);
                            } else {
                                row.put(column, value);
                            }
                        }
                        default -> row.put(column, rows.getString(i));
                    }
                }
                out.write(JSON.writeValueAsBytes(row));
                out.write('\n');
                count++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return count;
    }

    private static String orderBy(String table) {
        return switch (table) {
            case "story_tag", "story_byline" -> " order by story_id, position";
            case "story_slug_history" -> " order by old_slug";
            case "site_setting" -> " order by name";
            case "story_pending_change", "live_coverage" -> " order by story_id";
            default -> " order by id";
        };
    }
}
