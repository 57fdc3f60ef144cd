package news.gazette.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import news.gazette.App;
import news.gazette.Config;
import news.gazette.TestSite;
import news.gazette.backup.SiteFileCommand;
import news.gazette.db.Database;
import news.gazette.db.PostgresServer;
import news.gazette.story.Markdown;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Moving up, as the README says: {@code gazette export} from a site on its H2 file, {@code gazette import} into an
 * empty PostgreSQL database, and the same site comes out: every row of every exported table, and the same pages,
 * redirects, feeds and images served.
 */
@Tag("postgres")
class MoveToPostgresTest {

    private static final List<String> TABLES = List.of(
            "author",
            "tag",
            "account",
            "story",
            "story_tag",
            "story_update",
            "story_slug_history",
            "story_revision",
            "story_correction",
            "site_setting");

    @Test
    void an_h2_site_exported_and_imported_into_postgresql_is_the_same_site(@TempDir Path tmp) throws Exception {
        Config h2 = onItsH2File(Config.forTest().withAdminPassword(TestSite.ADMIN_PASSWORD));
        List<String> images = new ArrayList<>();
        Javalin first = App.create(h2).start(0);
        try {
            NewsroomClient c = StoryEditorTest.signedIn(first.port());
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
                    c, "headline", "Old Name", "author", "Desk", "tags", "City", "body", "First.", "publish", "now");
            var save = c.post(
                    "/admin/stories/" + renamed,
                    c.form(
                            "version", "1",
                            "headline", "New Name",
                            "slug", "new-name",
                            "author", "Desk",
                            "tags", "City",
                            "body", "Second.",
                            "publish", "now",
                            "update_note", "Added the council's reply.",
                            "correction_wrong", "It said Tuesday.",
                            "correction_right", "It was Monday."));
            assertThat(save.status()).as(save.body()).isEqualTo(303);
            StoryEditorTest.create(c, "headline", "Still a draft", "author", "Desk", "body", "Not yet.");
            assertThat(c.post(
                                    "/admin/accounts",
                                    c.form("username", "maya", "role", "editor", "password", "maya's long password"))
                            .status())
                    .isEqualTo(303);
            c.get("/articles/flood-defences-hold")
                    .doc()
                    .select("img[src^=/media/]")
                    .forEach(img -> images.add(img.attr("src")));
            assertThat(images).isNotEmpty();
        } finally {
            first.stop();
        }

        Path exportFile = tmp.resolve("site.zip");
        StringWriter out = new StringWriter();
        assertThat(gazette(
                        out,
                        "export",
                        exportFile.toString(),
                        "--data",
                        h2.dataDir().toString()))
                .as(out.toString())
                .isZero();
        Config pg = Config.forTest().withJdbcUrl(PostgresServer.get().newDatabase());
        assertThat(gazette(
                        out,
                        "import",
                        exportFile.toString(),
                        "--db-url",
                        pg.jdbcUrl(),
                        "--media-dir",
                        pg.mediaDir().toString()))
                .as(out.toString())
                .isZero();
        assertThat(out.toString()).contains("Imported 4 stories");

        try (Database from = Database.open(h2.jdbcUrl(), h2.dataDir());
                Database to = Database.open(pg.jdbcUrl(), pg.dataDir())) {
            for (String table : TABLES) {
                assertThat(rows(to, table))
                        .as(table)
                        .isEqualTo(rows(from, table))
                        .isNotEmpty();
            }
        }

        Javalin before = App.create(h2).start(0);
        Javalin after = App.create(pg).start(0);
        try {
            NewsroomClient old = new NewsroomClient(before.port());
            NewsroomClient moved = new NewsroomClient(after.port());
            List<String> paths = new ArrayList<>(List.of(
                    "/",
                    "/articles/flood-defences-hold",
                    "/articles/new-name",
                    "/tags/city",
                    "/tags/weather",
                    "/authors/river-desk",
                    "/corrections",
                    "/feed.xml",
                    "/atom.xml",
                    "/feed.json",
                    "/sitemap.xml",
                    "/search?q=flood",
                    "/articles/still-a-draft"));
            paths.addAll(images);
            for (String path : paths) {
                var was = old.get(path);
                var is = moved.get(path);
                assertThat(is.status()).as(path).isEqualTo(was.status());
                assertThat(is.body()).as(path).isEqualTo(was.body());
            }
            var redirect = moved.get("/articles/old-name");
            assertThat(redirect.status()).isEqualTo(301);
            assertThat(redirect.header("Location"))
                    .isEqualTo(old.get("/articles/old-name").header("Location"));
        } finally {
            before.stop();
            after.stop();
        }
    }

    /** The default store: the H2 file under the data folder, as an operator's first site has. */
    private static Config onItsH2File(Config config) {
        return config.withJdbcUrl(Database.embeddedJdbcUrl(config.dataDir()));
    }

    private static int gazette(StringWriter out, String... args) {
        CommandLine cli =
                new CommandLine(new SiteFileCommand(Map.of(), jdbc -> StoryBackfill.run(jdbc, new Markdown(), true)));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        return cli.execute(args);
    }

    /** Every row of {@code table} in key order, each value as text both databases write alike (times as instants). */
    private static List<Map<String, String>> rows(Database db, String table) throws Exception {
        List<Map<String, String>> rows = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select * from " + table + " order by 1, 2")) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    String column = meta.getColumnLabel(i).toLowerCase(Locale.ROOT);
                    if (!column.equals("password_hash")) {
                        row.put(column, value(rs, i, meta.getColumnType(i)));
                    }
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static String value(ResultSet rs, int i, int type) throws Exception {
        if (type == Types.TIMESTAMP_WITH_TIMEZONE || type == Types.TIMESTAMP) {
            OffsetDateTime time = rs.getObject(i, OffsetDateTime.class);
            return time == null ? null : time.toInstant().toString();
        }
        Object value = rs.getObject(i);
        return value == null ? null : value.toString();
    }
}
