package news.gazette.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import news.gazette.App;
import news.gazette.Config;
import news.gazette.TestSite;
import news.gazette.account.Role;
import news.gazette.backup.SiteFileCommand;
import news.gazette.db.Database;
import news.gazette.db.Jdbc;
import news.gazette.db.StoreCompaction;
import news.gazette.story.Markdown;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The export button and {@code gazette import}, round trip; the online backup taken while the site serves. */
class BackupsTest {

    @Test
    void an_export_imported_into_an_empty_instance_gives_back_the_same_site(@TempDir Path tmp) throws Exception {
        TestSite site = TestSite.create();
        site.addAccount("maya", "maya's long password", Role.EDITOR);
        Path exportFile = tmp.resolve("site.zip");
        JavalinTest.test(site.app, (server, client) -> {
            NewsroomClient c = StoryEditorTest.signedIn(server.port());
            var withImage = c.postMultipart(
                    "/admin/stories/new",
                    c.form(
                            "headline", "Flood defences hold",
                            "author", "River desk",
                            "tags", "Weather, City",
                            "body", "The water stopped **a metre** short.",
                            "notes", "Photographer: call back",
                            "image_alt", "Sandbags on the quay",
                            "publish", "now"),
                    ImageUploadTest.upload("quay.png", "image/png", ImageUploadTest.png(1200, 600)));
            assertThat(withImage.status()).as(withImage.body()).isEqualTo(303);
            long renamed = StoryEditorTest.create(
                    c, "headline", "Old Name", "author", "Desk", "body", "First.", "publish", "now");
            var save = c.post(
                    "/admin/stories/" + renamed,
                    c.form(
                            "version", "1",
                            "headline", "New Name",
                            "slug", "new-name",
                            "author", "Desk",
                            "body", "Second.",
                            "publish", "now",
                            "update_note", "Added the council's reply.",
                            "correction_wrong", "It said Tuesday.",
                            "correction_right", "It was Monday."));
            assertThat(save.status()).as(save.body()).isEqualTo(303);
            assertThat(c.post("/admin/stories/" + renamed + "/live/start", c.form())
                            .status())
                    .isEqualTo(303);
            assertThat(c.post(
                                    "/admin/stories/" + renamed + "/live/entries",
                                    c.form("body", "Council *replies* at noon.", "author", "Desk", "pinned", "1"))
                            .status())
                    .isEqualTo(303);
            long trashed =
                    StoryEditorTest.create(c, "headline", "Draft to bin", "author", "Desk", "body", "Never mind.");
            assertThat(c.post("/admin/stories/" + trashed + "/trash", c.form()).status())
                    .isEqualTo(303);

            NewsroomClient editor = new NewsroomClient(server.port());
            editor.signIn("maya", "maya's long password");
            assertThat(editor.post("/admin/export", editor.form()).status()).isEqualTo(403);
            Files.write(exportFile, c.download("/admin/export", c.form()));
        });
        Map<String, String> exported = entries(Files.readAllBytes(exportFile));
        assertThat(exported).containsKeys("gazette-export.json", "tables/story.jsonl", "tables/account.jsonl");
        assertThat(exported.keySet().stream().filter(n -> n.startsWith("media/")))
                .hasSizeGreaterThan(1);
        assertThat(exported.get("tables/account.jsonl")).contains("maya").doesNotContain("$2a$");
        assertThat(String.join("", exported.values())).doesNotContain("password_hash");

        // Import into an empty instance with the command, then export that and compare.
        String url = "jdbc:h2:mem:import-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        Path media = tmp.resolve("media");
        StringWriter out = new StringWriter();
        assertThat(run(out, "import", exportFile.toString(), "--db-url", url, "--media-dir", media.toString()))
                .as(out.toString())
                .isZero();
        assertThat(out.toString()).contains("Imported 4 stories").contains("reset-password");
        Path again = tmp.resolve("again.zip");
        assertThat(run(out, "export", again.toString(), "--db-url", url, "--media-dir", media.toString()))
                .as(out.toString())
                .isZero();
        Map<String, String> reexported = entries(Files.readAllBytes(again));
        exported.remove("gazette-export.json");
        reexported.remove("gazette-export.json");
        assertThat(reexported).isEqualTo(exported);

        try (Database db = Database.open(url, tmp)) {
            Jdbc jdbc = new Jdbc(db.dataSource());
            assertThat(jdbc.count("select count(*) from story_slug_history where old_slug = 'old-name'"))
                    .isEqualTo(1);
            // New rows are numbered after the imported ones.
            assertThat(jdbc.count("select count(*) from story_revision")).isEqualTo(4);
        }
        Config imported = Config.forTest().withJdbcUrl(url);
        JavalinTest.test(App.create(imported), (server, client) -> {
            NewsroomClient c = new NewsroomClient(server.port());
            assertThat(c.get("/articles/new-name").body())
                    .contains("It was Monday.")
                    .contains("Council <em>replies</em> at noon.")
                    .contains("live-entry-pinned");
            assertThat(c.get("/articles/old-name").status()).isEqualTo(301);
            assertThat(c.signIn("admin", TestSite.ADMIN_PASSWORD).status())
                    .as("imported accounts need a new password")
                    .isNotEqualTo(303);
        });

        // A second import into the now full instance is refused and changes nothing.
        StringWriter refused = new StringWriter();
        assertThat(run(refused, "import", exportFile.toString(), "--db-url", url, "--media-dir", media.toString()))
                .isEqualTo(1);
        assertThat(refused.toString()).contains("not empty");
    }

    @Test
    void an_export_naming_a_file_outside_the_media_folder_is_refused_before_anything_is_written(@TempDir Path tmp)
            throws Exception {
        Path crafted = tmp.resolve("crafted.zip");
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(crafted))) {
            zip.putNextEntry(new ZipEntry("gazette-export.json"));
            zip.write("{\"format\":\"gazette-export\",\"version\":1,\"tables\":{}}".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("media/../../evil.jpg"));
            zip.write(1);
        }
        String url = "jdbc:h2:mem:crafted-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        StringWriter out = new StringWriter();
        assertThat(run(
                        out,
                        "import",
                        crafted.toString(),
                        "--db-url",
                        url,
                        "--media-dir",
                        tmp.resolve("m").toString()))
                .isEqualTo(1);
        assertThat(out.toString()).contains("not an uploaded image");
        assertThat(tmp.getParent().resolve("evil.jpg")).doesNotExist();
        assertThat(tmp.resolve("evil.jpg")).doesNotExist();
        try (Database db = Database.open(url, tmp)) {
            assertThat(new Jdbc(db.dataSource()).count("select count(*) from story"))
                    .isEqualTo(1);
        }
    }

    @Test
    void a_backup_taken_while_editors_save_restores_to_a_working_site(@TempDir Path tmp) throws Exception {
        Path live = tmp.resolve("live");
        Javalin app = App.create(fileConfig(live));
        Path backupFile = tmp.resolve("backup.zip");
        Path exportFile = tmp.resolve("export.zip");
        AtomicBoolean stop = new AtomicBoolean();
        JavalinTest.test(app, (server, client) -> {
            NewsroomClient c = StoryEditorTest.signedIn(server.port());
            StoryEditorTest.create(
                    c, "headline", "Before the backup", "author", "Desk", "body", "Kept.", "publish", "now");
            NewsroomClient busy = StoryEditorTest.signedIn(server.port());
            ExecutorService pool = Executors.newSingleThreadExecutor();
            Future<Integer> saves = pool.submit(() -> {
                int n = 0;
                while (!stop.get() && n < 200) {
                    StoryEditorTest.create(busy, "headline", "Busy " + n, "author", "Desk", "body", "b" + n);
                    n++;
                }
                return n;
            });
            try {
                Thread.sleep(200);
                Files.write(backupFile, c.download("/admin/backup", c.form()));
                Files.write(exportFile, c.download("/admin/export", c.form()));
            } finally {
                stop.set(true);
                assertThat(saves.get(60, TimeUnit.SECONDS)).isPositive();
                pool.shutdown();
            }
        });

        // An export taken while saves go on is one snapshot: every revision and tag has its story.
        StringWriter out = new StringWriter();
        String url = "jdbc:h2:mem:busy-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        assertThat(run(
                        out,
                        "import",
                        exportFile.toString(),
                        "--db-url",
                        url,
                        "--media-dir",
                        tmp.resolve("m").toString()))
                .as(out.toString())
                .isZero();

        // Into the embedded store, which the load grows several times over: the command compacts it at the end.
        Path imported = tmp.resolve("imported");
        assertThat(run(out, "import", exportFile.toString(), "--data", imported.toString()))
                .as(out.toString())
                .isZero();
        Path importedFile = imported.resolve("gazette.mv.db");
        Path copy = tmp.resolve("imported-copy");
        Files.createDirectories(copy);
        Files.copy(importedFile, copy.resolve("gazette.mv.db"));
        StoreCompaction.compact(Database.embeddedJdbcUrl(copy));
        assertThat(Files.size(importedFile)).isLessThanOrEqualTo(Files.size(copy.resolve("gazette.mv.db")) * 3 / 2);

        Path restored = tmp.resolve("restored");
        Files.createDirectories(restored);
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(backupFile))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                Path target = restored.resolve(e.getName()).normalize();
                assertThat(target.startsWith(restored)).as(e.getName()).isTrue();
                Files.createDirectories(target.getParent());
                Files.copy(zip, target);
            }
        }
        assertThat(restored.resolve("gazette.mv.db")).exists();
        JavalinTest.test(App.create(fileConfig(restored)), (server, client) -> {
            NewsroomClient c = new NewsroomClient(server.port());
            assertThat(c.get("/readyz").status()).isEqualTo(200);
            assertThat(c.get("/articles/before-the-backup").status()).isEqualTo(200);
            assertThat(c.signIn("admin", TestSite.ADMIN_PASSWORD).status()).isEqualTo(303);
            assertThat(c.get("/admin/stories?q=before").body()).contains("Before the backup");
        });
    }

    private static Config fileConfig(Path data) {
        return new Config(
                "127.0.0.1",
                0,
                data,
                "http://127.0.0.1",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                TestSite.ADMIN_PASSWORD,
                null);
    }

    private static int run(StringWriter out, String... args) {
        CommandLine cli =
                new CommandLine(new SiteFileCommand(Map.of(), jdbc -> StoryBackfill.run(jdbc, new Markdown(), true)));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        return cli.execute(args);
    }

    /** Every entry of a zip: text entries as text, others as a fingerprint of their bytes. */
    private static Map<String, String> entries(byte[] zipBytes) throws IOException {
        Map<String, String> entries = new TreeMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(zipBytes))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                byte[] bytes = zip.readAllBytes();
                entries.put(
                        e.getName(),
                        e.getName().startsWith("media/")
                                ? java.util.HexFormat.of().formatHex(bytes, 0, Math.min(bytes.length, 64)) + "/"
                                        + java.util.Arrays.hashCode(bytes)
                                : new String(bytes, StandardCharsets.UTF_8));
            }
        }
        return entries;
    }
}
