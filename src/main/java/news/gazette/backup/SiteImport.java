package news.gazette.backup;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import news.gazette.db.Jdbc;
import news.gazette.media.MediaStore;
import news.gazette.text.PlainText;
import news.gazette.web.Words;

/**
 * Loads a {@link SiteExport} file into an empty instance. Everything goes in one transaction: a file that does not
 * fit leaves the instance as it was. Accounts arrive locked (the export has no password hashes), so each needs
 * {@code gazette user reset-password NAME} before it can sign in.
 */
public final class SiteImport {

    // Derived from other columns when a story is saved, so made again after the import rather than trusted: a file
    // could carry any HTML at all.
    private static final java.util.Set<String> DERIVED =
            java.util.Set.of("story.body_html", "story.body_words", "live_entry.body_html");

    /** Why a file was not imported; the message is one line meant for the operator. */
    public static final class ImportRefusedException extends Exception {
        public ImportRefusedException(String message) {
            super(message);
        }
    }

    private final Jdbc jdbc;
    private final MediaStore media;
    private final Supplier<String> lockedPasswordHash;

    /** {@code lockedPasswordHash} gives each imported account a hash that no password matches. */
    public SiteImport(Jdbc jdbc, MediaStore media, Supplier<String> lockedPasswordHash) {
        this.jdbc = jdbc;
        this.media = media;
        this.lockedPasswordHash = lockedPasswordHash;
    }

    /** Imports {@code file} and returns the number of rows per table. */
    public Map<String, Long> load(Path file) throws IOException, ImportRefusedException {
        try (ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
            ZipEntry manifestEntry = zip.getEntry(SiteExport.MANIFEST);
            if (manifestEntry == null) {
                throw new ImportRefusedException(file + " is not a Gazette export (no " + SiteExport.MANIFEST + ").");
            }
            JsonNode manifest = SiteExport.JSON.readTree(zip.getInputStream(manifestEntry));
            if (!SiteExport.FORMAT.equals(manifest.path("format").asText())
                    || manifest.path("version").asInt() != SiteExport.VERSION) {
                throw new ImportRefusedException(
                        file + " is not a Gazette export of format version " + SiteExport.VERSION + ".");
            }
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                String name = entries.nextElement().getName();
                if (name.startsWith(SiteExport.MEDIA_FOLDER)
                        && !MediaStore.isStoredName(name.substring(SiteExport.MEDIA_FOLDER.length()))) {
                    throw new ImportRefusedException("The export holds a file that is not an uploaded image: " + name);
                }
            }
            Map<String, Long> counts = new LinkedHashMap<>();
            try {
                jdbc.inTransaction(c -> {
                    refuseUnlessEmpty(c);
                    boolean hasSettings =
                            manifest.path("tables").path("site_setting").asLong(0) > 0;
                    clearFirstStart(c, hasSettings);
                    for (String table : SiteExport.TABLES) {
                        ZipEntry entry = zip.getEntry(SiteExport.TABLE_FOLDER + table + ".jsonl");
                        long rows = entry == null ? 0 : insertRows(c, table, zip, entry);
                        // A table the exporting version did not have is in neither the manifest nor the file.
                        long expected = manifest.path("tables").path(table).asLong(entry == null ? 0 : -1);
                        if (expected != rows) {
                            throw new Refused("The export's " + table + " holds " + rows + " rows; its manifest says "
                                    + expected + ". The file is damaged.");
                        }
                        counts.put(table, rows);
                        restartIdentity(c, table);
                    }
                    return null;
                });
            } catch (Refused e) {
                throw new ImportRefusedException(e.getMessage());
            } catch (Jdbc.DataAccessException e) {
                throw new ImportRefusedException("The export does not fit this database: " + e.getMessage());
            }
            long files = 0;
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                if (entry.getName().startsWith(SiteExport.MEDIA_FOLDER) && !entry.isDirectory()) {
                    media.restore(
                            entry.getName().substring(SiteExport.MEDIA_FOLDER.length()), zip.getInputStream(entry));
                    files++;
                }
            }
            counts.put("media", files);
            return counts;
        }
    }

    /**
     * An instance is empty when no one has written anything yet: no revisions, no story but the launch story that the
     * first start publishes, and no account but the first administrator.
     */
    private static void refuseUnlessEmpty(Connection c) throws SQLException {
        long revisions = count(c, "select count(*) from story_revision");
        long stories = count(c, "select count(*) from story");
        long accounts = count(c, "select count(*) from account");
        if (revisions > 0 || stories > 1 || accounts > 1) {
            throw new Refused("This instance is not empty (" + Words.count(stories, "story", "stories") + ", "
                    + Words.count(revisions, "revision", "revisions") + ", "
                    + Words.count(accounts, "account", "accounts") + "). Import into a new data folder or database.");
        }
    }

    /**
     * Removes what a first start creates (the launch story, the first administrator, and the site settings when the
     * export has its own: its feed ids must stay the exporting site's), so the export replaces it.
     */
    private static void clearFirstStart(Connection c, boolean replaceSettings) throws SQLException {
        for (String table : List.of("story", "author", "tag", "admin_session", "sign_in_failure", "account")) {
            Jdbc.update(c, "delete from " + table);
        }
        if (replaceSettings) {
            Jdbc.update(c, "delete from site_setting");
        }
    }

    private long insertRows(Connection c, String table, ZipFile zip, ZipEntry entry) throws SQLException {
        Map<String, Integer> types = columnTypes(c, table);
        long count = 0;
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(zip.getInputStream(entry), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode row = SiteExport.JSON.readTree(line);
                List<String> columns = new ArrayList<>();
                List<Object> values = new ArrayList<>();
                // Only columns this database has: names come from its own metadata, never from the file.
                for (Map.Entry<String, Integer> column : types.entrySet()) {
                    if (row.has(column.getKey()) && !DERIVED.contains(table + "." + column.getKey())) {
                        columns.add(column.getKey());
                        values.add(value(row.get(column.getKey()), column.getValue()));
                    }
                }
                if (table.equals("account")) {
                    columns.add("password_hash");
                    values.add(lockedPasswordHash.get());
                }
                String sql = "insert into " + table + " (" + String.join(", ", columns) + ") values ("
                        + "?, ".repeat(columns.size() - 1) + "?)";
                Jdbc.update(c, sql, values.toArray());
                count++;
            }
        } catch (IOException e) {
            throw new Refused("The export's " + table + " cannot be read: " + e.getMessage());
        }
        return count;
    }

    private static Object value(JsonNode node, int type) {
        if (node == null || node.isNull()) {
            return null;
        }
        return switch (type) {
            case Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP ->
                Instant.parse(node.asText()).atOffset(ZoneOffset.UTC);
            case Types.BIGINT -> node.asLong();
            case Types.INTEGER, Types.SMALLINT -> node.asInt();
            case Types.BOOLEAN, Types.BIT -> node.asBoolean();
            // The one rule for text that enters: an export from anywhere cannot carry what no output format can.
            default -> PlainText.multiline(node.asText());
        };
    }

    private static Map<String, Integer> columnTypes(Connection c, String table) throws SQLException {
        Map<String, Integer> types = new LinkedHashMap<>();
        try (PreparedStatement select = c.prepareStatement("select * from " + table + " where 1 = 0");
                ResultSet rows = select.executeQuery()) {
            ResultSetMetaData meta = rows.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                types.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), meta.getColumnType(i));
            }
        }
        return types;
    }

    /** Imported rows keep their ids; new rows must be numbered after them. */
    private static void restartIdentity(Connection c, String table) throws SQLException {
        if (!columnTypes(c, table).containsKey("id")) {
            return;
        }
        long next = count(c, "select coalesce(max(id), 0) + 1 from " + table);
        try (PreparedStatement alter =
                c.prepareStatement("alter table " + table + " alter column id restart with " + next)) {
            alter.executeUpdate();
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        return Jdbc.list(c, sql, row -> row.getLong(1)).get(0);
    }

    /** Carries a refusal out of the transaction, which rolls back on any runtime exception. */
    private static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }
}
