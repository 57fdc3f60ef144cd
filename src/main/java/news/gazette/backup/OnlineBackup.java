package news.gazette.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import news.gazette.db.Jdbc;
import news.gazette.media.MediaStore;

/**
 * A consistent copy of the embedded H2 store, taken while the server keeps serving (H2's {@code BACKUP TO}), plus the
 * uploaded images, in one zip laid out like the data folder: unzipping it into an empty data folder restores the site.
 */
public final class OnlineBackup {

    private final Jdbc jdbc;
    private final MediaStore media;
    private final boolean embedded;

    public OnlineBackup(Jdbc jdbc, MediaStore media, String jdbcUrl) {
        this.jdbc = jdbc;
        this.media = media;
        this.embedded = StoreBackup.of(jdbcUrl) == StoreBackup.ONLINE;
    }

    /** False for an in-memory or external database, which is backed up with that database's own tools. */
    public boolean isAvailable() {
        return embedded;
    }

    public void write(OutputStream out) throws IOException {
        if (!embedded) {
            throw new IllegalStateException("online backup needs the embedded H2 file store");
        }
        Path folder = Files.createTempDirectory("gazette-backup-");
        Path copy = folder.resolve("store.zip");
        try {
            // BACKUP TO takes no parameter; the path is ours, made by createTempDirectory, never from a request.
            String target = copy.toAbsolutePath().toString().replace("'", "''");
            jdbc.withConnection(c -> {
                try (Statement backup = c.createStatement()) {
                    return backup.executeUpdate("backup to '" + target + "'");
                }
            });
            ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
            try (ZipFile store = new ZipFile(copy.toFile())) {
                for (Enumeration<? extends ZipEntry> entries = store.entries(); entries.hasMoreElements(); ) {
                    ZipEntry entry = entries.nextElement();
                    zip.putNextEntry(new ZipEntry(entry.getName()));
                    try (InputStream in = store.getInputStream(entry)) {
                        in.transferTo(zip);
                    }
                    zip.closeEntry();
                }
            }
            for (Path file : media.files()) {
                zip.putNextEntry(new ZipEntry("media/" + file.getFileName()));
                Files.copy(file, zip);
                zip.closeEntry();
            }
            zip.finish();
        } finally {
            Files.deleteIfExists(copy);
            Files.deleteIfExists(folder);
        }
    }
}
