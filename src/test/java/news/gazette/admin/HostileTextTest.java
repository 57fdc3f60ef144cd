package news.gazette.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import io.javalin.testtools.JavalinTest;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import news.gazette.TestDatabases;
import news.gazette.TestSite;
import news.gazette.db.migration.V45__Remove_control_characters;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Text an editor (or anyone with a session) can type that used to break an output format: control characters that
 * took every feed down with a 500, and a summary that RSS readers ran as HTML.
 */
@Tag(TestDatabases.BOTH)
class HostileTextTest {

    // A lone surrogate cannot even be URL-encoded; PlainTextTest covers it.
    private static final String CONTROLS = "\u0000\u0001\u0008\u000B\u001F\u007F\u0085\uFFFE";
    private static final List<String> XML_ADDRESSES = List.of(
            "/feed.xml",
            "/atom.xml",
            "/authors/desk-of-night/feed.xml",
            "/authors/desk-of-night/atom.xml",
            "/tags/sirens/feed.xml",
            "/news-sitemap.xml",
            "/sitemap.xml");

    @Test
    void control_characters_in_every_field_are_removed_where_they_enter_and_every_output_stays_valid()
            throws Exception {
        TestSite site = TestSite.create();
        JavalinTest.test(site.app, (server, client) -> {
            NewsroomClient c = StoryEditorTest.signedIn(server.port());
            long id = StoryEditorTest.create(
                    c,
                    "headline",
                    "Flood" + CONTROLS + " warning",
                    "summary",
                    "River" + CONTROLS + " rising",
                    "body",
                    "Sandbags\u0001 at the\r\nbridge\u0000.",
                    "tags",
                    "Sir" + CONTROLS + "ens",
                    "author",
                    "Desk of" + CONTROLS + " Night",
                    "notes",
                    "Call\u0007 back",
                    "publish",
                    "now");

            assertThat(site.jdbc.list(
                            "select headline || '|' || summary || '|' || body_markdown || '|' || notes from story where id = ?",
                            row -> row.getString(1),
                            id))
                    .containsExactly("Flood warning|River rising|Sandbags at the\nbridge.|Call back");
            assertThat(site.jdbc.list("select name from tag where slug = 'sirens'", row -> row.getString(1)))
                    .containsExactly("Sirens");
            assertThat(site.jdbc.list("select name from author where slug = 'desk-of-night'", row -> row.getString(1)))
                    .containsExactly("Desk of Night");

            for (String path : XML_ADDRESSES) {
                var reply = c.get(path);
                assertThat(reply.status()).as(path).isEqualTo(200);
                assertWellFormedXml(path, reply.body());
            }
            assertThat(new ObjectMapper().readTree(c.get("/feed.json").body()).path("items"))
                    .isNotEmpty();
            String article = c.get("/articles/flood-warning").body();
            assertThat(article)
                    .contains("Flood warning")
                    .doesNotContain("\u0001")
                    .doesNotContain("\u0000");
        });
    }

    @Test
    void text_stored_before_the_rule_is_cleaned_by_the_migration_and_never_breaks_a_feed() throws Exception {
        TestSite site = TestSite.create();
        site.publish("Stored long ago", java.time.Instant.now().minusSeconds(60), "Archive");
        // As a row written before the rule would be: straight into the table, past the newsroom. (U+0000 only on H2:
        // PostgreSQL cannot store it at all.)
        site.jdbc.update(
                "update story set headline = ?, summary = ? where slug = 'stored-long-ago'",
                "Old\u0001 one",
                TestDatabases.isPostgres() ? "S\u001F" : "S\u0000");
        site.jdbc.update(
                "insert into site_change (change_keys, changed_at) values ('any list', ?)", java.time.Instant.now());
        site.applyChanges();
        JavalinTest.test(site.app, (server, client) -> {
            for (String path : List.of("/feed.xml", "/atom.xml", "/news-sitemap.xml")) {
                var reply = client.get(path);
                assertThat(reply.code()).as(path).isEqualTo(200);
                assertWellFormedXml(path, reply.body().string());
            }
        });

        site.jdbc.withConnection(connection -> {
            new V45__Remove_control_characters().migrate(flywayContext(connection));
            return null;
        });
        assertThat(site.jdbc.list(
                        "select headline || '|' || summary from story where slug = 'stored-long-ago'",
                        row -> row.getString(1)))
                .containsExactly("Old one|S");
    }

    @Test
    void an_rss_description_is_text_that_readers_treating_it_as_html_show_and_never_run() throws Exception {
        TestSite site = TestSite.create();
        JavalinTest.test(site.app, (server, client) -> {
            NewsroomClient c = StoryEditorTest.signedIn(server.port());
            String summary = "<img src=x onerror=alert(2)> & <script>alert(3)</script> AT&T";
            StoryEditorTest.create(
                    c, "headline", "Summary with markup", "summary", summary, "author", "Desk", "publish", "now");

            SyndFeed rss = new SyndFeedInput()
                    .build(new StringReader(c.get("/feed.xml").body()));
            SyndEntry entry = rss.getEntries().stream()
                    .filter(e -> e.getTitle().equals("Summary with markup"))
                    .findFirst()
                    .orElseThrow();
            String description = entry.getDescription().getValue();
            // What an RSS reader does: take the description as HTML.
            var asHtml = Jsoup.parseBodyFragment(description);
            assertThat(asHtml.select("img, script, [onerror]")).isEmpty();
            assertThat(asHtml.text()).isEqualTo(summary);
            // Atom and JSON Feed say what their summary is, and keep it as text.
            SyndEntry atom = new SyndFeedInput()
                    .build(new StringReader(c.get("/atom.xml").body())).getEntries().stream()
                            .filter(e -> e.getTitle().equals("Summary with markup"))
                            .findFirst()
                            .orElseThrow();
            assertThat(atom.getDescription().getValue()).isEqualTo(summary);
            JsonNode item = new ObjectMapper()
                    .readTree(c.get("/feed.json").body())
                    .path("items")
                    .get(0);
            assertThat(item.path("summary").asText()).isEqualTo(summary);
        });
    }

    private static Context flywayContext(Connection connection) {
        return new Context() {
            @Override
            public Configuration getConfiguration() {
                return null;
            }

            @Override
            public Connection getConnection() {
                return connection;
            }
        };
    }

    private static void assertWellFormedXml(String path, String xml) {
        try {
            DocumentBuilderFactory.newInstance()
                    .newDocumentBuilder()
                    .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError(path + " is not well-formed XML: " + e.getMessage(), e);
        }
    }
}
