package news.gazette.feed;

import static news.gazette.feed.FeedsTest.header;
import static news.gazette.feed.FeedsTest.parse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndEntry;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import news.gazette.TestDatabases;
import news.gazette.TestSite;
import news.gazette.TestSql;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What feed readers that poll rely on: validators that say "unchanged", and ids that survive edits. */
@Tag(TestDatabases.BOTH)
class FeedChangesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void unchanged_feeds_answer_conditional_requests_with_304() {
        TestSite site = TestSite.create();
        JavalinTest.test(site.app, (server, client) -> {
            for (String path : List.of("/feed.xml", "/atom.xml", "/feed.json", "/tags/ai/feed.xml")) {
                Response first = client.get(path);
                String etag = header(first, "ETag");
                String lastModified = header(first, "Last-Modified");
                assertThat(etag).as(path).matches("\"[0-9a-f]{32}\"");
                assertThat(lastModified).as(path).endsWith("GMT");
                assertThat(header(first, "Cache-Control")).as(path).startsWith("public, max-age=0, s-maxage=60");

                Response byTag = client.get(path, r -> r.header("If-None-Match", etag));
                assertThat(byTag.code()).as(path).isEqualTo(304);
                assertThat(byTag.body().string()).isEmpty();

                Response byDate = client.get(path, r -> r.header("If-Modified-Since", lastModified));
                assertThat(byDate.code()).as(path).isEqualTo(304);

                Response stale = client.get(path, r -> r.header("If-None-Match", "\"0123\""));
                assertThat(stale.code()).as(path).isEqualTo(200);
                Response old = client.get(path, r -> r.header("If-Modified-Since", "Mon, 01 Jan 2024 00:00:00 GMT"));
                assertThat(old.code()).as(path).isEqualTo(200);
                Response garbage = client.get(path, r -> r.header("If-Modified-Since", "yesterday"));
                assertThat(garbage.code()).as(path).isEqualTo(200);
            }
        });
    }

    @Test
    void an_edited_story_keeps_its_id_and_gets_a_new_updated_time() {
        TestSite site = TestSite.create();
        JavalinTest.test(site.app, (server, client) -> {
            SyndEntry before =
                    parse(client.get("/atom.xml").body().string()).getEntries().get(0);
            String etagBefore = header(client.get("/feed.json"), "ETag");

            Instant editedAt = before.getUpdatedDate().toInstant().plus(1, ChronoUnit.HOURS);
            TestSql.of(site)
                    .update(
                            "update story set headline = ?, slug = ?, modified_at = ? where slug = ?",
                            "Anthropic Cuts Off OpenAI (corrected headline)",
                            "anthropic-cuts-off-openai-corrected",
                            editedAt,
                            "anthropic-cuts-off-openai-from-claude-access");
            // Written behind the site's back, so the page cache is told by hand.
            site.pageCache().invalidateAll();

            SyndEntry after =
                    parse(client.get("/atom.xml").body().string()).getEntries().get(0);
            assertThat(after.getTitle()).isEqualTo("Anthropic Cuts Off OpenAI (corrected headline)");
            assertThat(after.getUri()).isEqualTo(before.getUri());
            assertThat(after.getUpdatedDate().toInstant()).isEqualTo(editedAt);
            assertThat(after.getPublishedDate()).isEqualTo(before.getPublishedDate());
            assertThat(after.getLink()).endsWith("/articles/anthropic-cuts-off-openai-corrected");

            SyndEntry rss =
                    parse(client.get("/feed.xml").body().string()).getEntries().get(0);
            assertThat(rss.getUri()).isEqualTo(before.getUri());
            JsonNode json = JSON.readTree(client.get("/feed.json").body().string())
                    .path("items")
                    .get(0);
            assertThat(json.path("id").asText()).isEqualTo(before.getUri());
            assertThat(Instant.parse(json.path("date_modified").asText())).isEqualTo(editedAt);
            // The old validator no longer matches, so pollers fetch the edit.
            assertThat(client.get("/feed.json", r -> r.header("If-None-Match", etagBefore))
                            .code())
                    .isEqualTo(200);
        });
    }

    @Test
    void a_correction_leads_the_story_in_every_feed_escaped() {
        TestSite site = TestSite.create();
        JavalinTest.test(site.app, (server, client) -> {
            var sql = TestSql.of(site);
            sql.update(
                    "insert into story_correction (story_id, posted_at, wrong, correct) "
                            + "select id, ?, ?, ? from story where slug = ?",
                    Instant.now(),
                    "We said the cutoff was <b>permanent</b>.",
                    "Neither company has said whether it is permanent.",
                    "anthropic-cuts-off-openai-from-claude-access");
            String rss = parse(client.get("/feed.xml").body().string())
                    .getEntries()
                    .get(0)
                    .getContents()
                    .get(0)
                    .getValue();
            assertThat(rss)
                    .startsWith("<aside><p><strong>Correction</strong></p>")
                    .contains("We said the cutoff was &lt;b&gt;permanent&lt;/b&gt;.")
                    .contains("<strong>Correct:</strong> Neither company has said whether it is permanent.");
            JsonNode item = JSON.readTree(client.get("/feed.json").body().string())
                    .get("items")
                    .get(0);
            assertThat(item.get("content_html").asText()).contains("Neither company has said whether it is permanent.");
        });
    }

    @Test
    void update_notes_reach_the_story_in_every_feed_newest_first_and_escaped() {
        TestSite site = TestSite.create();
        long id = site.count("select id from story where slug = 'anthropic-cuts-off-openai-from-claude-access'");
        site.postUpdate(id, Instant.now().minusSeconds(60), "OpenAI has <i>responded</i>.");
        site.postUpdate(id, Instant.now(), "Anthropic confirmed the cutoff.");
        site.applyChanges();
        JavalinTest.test(site.app, (server, client) -> {
            String rss = parse(client.get("/feed.xml").body().string())
                    .getEntries()
                    .get(0)
                    .getContents()
                    .get(0)
                    .getValue();
            assertThat(rss).startsWith("<aside><p><strong>Updates</strong></p><ul><li>");
            assertThat(rss.indexOf("Anthropic confirmed the cutoff.")).isLessThan(rss.indexOf("OpenAI has"));
            assertThat(rss).contains("OpenAI has &lt;i&gt;responded&lt;/i&gt;.");
            String atom = client.get("/atom.xml").body().string();
            assertThat(atom).contains("Anthropic confirmed the cutoff.");
            JsonNode item = JSON.readTree(client.get("/feed.json").body().string())
                    .get("items")
                    .get(0);
            assertThat(item.get("content_html").asText()).contains("Anthropic confirmed the cutoff.");
        });
    }

    @Test
    void the_corrections_feed_carries_every_correction_even_of_a_story_the_site_feed_no_longer_lists() {
        TestSite site = TestSite.create();
        Instant start = Instant.now().minus(40, ChronoUnit.DAYS);
        String old = site.publish("An Old Story", start);
        for (int i = 0; i < FeedHandlers.FEED_SIZE + 2; i++) {
            site.publish("Newer Story " + i, start.plus(i + 1, ChronoUnit.HOURS));
        }
        TestSql.of(site)
                .update(
                        "insert into story_correction (story_id, posted_at, wrong, correct) "
                                + "select id, ?, ?, ? from story where slug = ?",
                        Instant.now(),
                        "We said <b>Tuesday</b>.",
                        "It was Wednesday.",
                        old);
        site.applyChanges();
        JavalinTest.test(site.app, (server, client) -> {
            assertThat(client.get("/feed.xml").body().string()).doesNotContain("An Old Story");
            var rss = parse(client.get("/corrections/feed.xml").body().string());
            assertThat(rss.getTitle()).isEqualTo("The Gazette: corrections");
            assertThat(rss.getEntries()).hasSize(1);
            var entry = rss.getEntries().get(0);
            assertThat(entry.getTitle()).isEqualTo("Correction: An Old Story");
            assertThat(entry.getLink()).endsWith("/articles/" + old + "#corrections-heading");
            assertThat(entry.getContents().get(0).getValue())
                    .contains("We said &lt;b&gt;Tuesday&lt;/b&gt;.")
                    .contains("It was Wednesday.");
            assertThat(entry.getUri()).contains(":correction/");
            assertThat(parse(client.get("/corrections/atom.xml").body().string())
                            .getEntries())
                    .hasSize(1);
            JsonNode json =
                    JSON.readTree(client.get("/corrections/feed.json").body().string());
            assertThat(json.get("items").get(0).get("title").asText()).isEqualTo("Correction: An Old Story");
            assertThat(org.jsoup.Jsoup.parse(client.get("/corrections").body().string())
                            .select("link[rel=alternate]")
                            .eachAttr("href"))
                    .contains("/corrections/feed.xml", "/corrections/atom.xml", "/corrections/feed.json");
        });
    }
}
