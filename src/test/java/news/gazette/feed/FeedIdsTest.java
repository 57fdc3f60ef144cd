package news.gazette.feed;

import static news.gazette.feed.FeedsTest.parse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rometools.rome.feed.synd.SyndEntry;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import news.gazette.App;
import news.gazette.Config;
import news.gazette.TestDatabases;
import news.gazette.admin.StoryBackfill;
import news.gazette.backup.SiteFileCommand;
import news.gazette.story.Markdown;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A feed entry's id is its identity to every feed reader: it must not change when the site moves to another address,
 * nor when the site is exported and imported elsewhere. Its authority is fixed at the site's first start.
 */
@Tag(TestDatabases.BOTH)
class FeedIdsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void entry_ids_keep_the_host_of_the_first_start_when_the_base_url_changes() {
        Config staging = onTheStoreUnderTest(Config.forTest()).withBaseUrl("http://staging.example.org");
        Entries before = entries(App.create(staging));
        assertThat(before.ids()).hasSize(3).allMatch(id -> id.startsWith("tag:staging.example.org,"));

        Entries moved = entries(App.create(staging.withBaseUrl("https://news.example.com")));
        assertThat(moved.ids()).isEqualTo(before.ids());
        assertThat(moved.links())
                .as("links follow the new address")
                .allMatch(link -> link.startsWith("https://news.example.com/"));
    }

    @Test
    void an_export_imported_into_another_instance_keeps_the_exporting_sites_ids(@TempDir Path tmp) {
        Config old = onTheStoreUnderTest(Config.forTest()).withBaseUrl("http://old.example.org");
        List<String> before = entries(App.create(old)).ids();
        // The new instance has started once at its own address, so it has fixed an authority of its own.
        Config fresh = onTheStoreUnderTest(Config.forTest()).withBaseUrl("https://new.example.net");
        assertThat(entries(App.create(fresh)).ids()).allMatch(id -> id.startsWith("tag:new.example.net,"));

        String file = tmp.resolve("site.zip").toString();
        assertThat(command(
                        "export",
                        file,
                        "--db-url",
                        old.jdbcUrl(),
                        "--media-dir",
                        tmp.resolve("a").toString()))
                .isZero();
        assertThat(command(
                        "import",
                        file,
                        "--db-url",
                        fresh.jdbcUrl(),
                        "--media-dir",
                        tmp.resolve("b").toString()))
                .isZero();
        assertThat(entries(App.create(fresh)).ids()).isEqualTo(before);
    }

    @Test
    void an_export_made_before_site_settings_still_imports_and_the_instance_keeps_its_own_ids(@TempDir Path tmp)
            throws Exception {
        Config old = onTheStoreUnderTest(Config.forTest()).withBaseUrl("http://old.example.org");
        entries(App.create(old));
        Config fresh = onTheStoreUnderTest(Config.forTest()).withBaseUrl("https://new.example.net");
        List<String> own = entries(App.create(fresh)).ids();

        Path file = tmp.resolve("site.zip");
        assertThat(command("export", file.toString(), "--db-url", old.jdbcUrl(), "--media-dir", tmp.toString()))
                .isZero();
        Path older = withoutSiteSettings(file, tmp.resolve("older.zip"));
        assertThat(command("import", older.toString(), "--db-url", fresh.jdbcUrl(), "--media-dir", tmp.toString()))
                .isZero();
        assertThat(entries(App.create(fresh)).ids()).isEqualTo(own);
    }

    /** The export as a version without {@code site_setting} wrote it: no such file, and no count in the manifest. */
    private static Path withoutSiteSettings(Path export, Path target) throws Exception {
        try (ZipFile in = new ZipFile(export.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            for (ZipEntry entry : Collections.list(in.entries())) {
                byte[] bytes = in.getInputStream(entry).readAllBytes();
                if (entry.getName().equals("tables/site_setting.jsonl")) {
                    continue;
                }
                if (entry.getName().equals("gazette-export.json")) {
                    ObjectNode manifest = (ObjectNode) JSON.readTree(bytes);
                    ((ObjectNode) manifest.path("tables")).remove("site_setting");
                    bytes = JSON.writeValueAsBytes(manifest);
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
        return target;
    }

    private record Entries(List<String> ids, List<String> links) {}

    /** The ids and links of the site feed's entries in RSS, Atom and JSON Feed, in that order. */
    private static Entries entries(Javalin app) {
        Entries entries = new Entries(new ArrayList<>(), new ArrayList<>());
        JavalinTest.test(app, (server, client) -> {
            for (String path : List.of("/feed.xml", "/atom.xml")) {
                for (SyndEntry entry : parse(client.get(path).body().string()).getEntries()) {
                    entries.ids().add(entry.getUri());
                    entries.links().add(entry.getLink());
                }
            }
            JSON.readTree(client.get("/feed.json").body().string())
                    .path("items")
                    .forEach(item -> {
                        entries.ids().add(item.path("id").asText());
                        entries.links().add(item.path("url").asText());
                    });
        });
        return entries;
    }

    private static int command(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli =
                new CommandLine(new SiteFileCommand(Map.of(), jdbc -> StoryBackfill.run(jdbc, new Markdown(), true)));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        int code = cli.execute(args);
        if (code != 0) {
            throw new AssertionError(String.join(" ", args) + " failed: " + out);
        }
        return code;
    }

    private static Config onTheStoreUnderTest(Config config) {
        return config.withJdbcUrl(TestDatabases.fresh("feed-ids"));
    }
}
