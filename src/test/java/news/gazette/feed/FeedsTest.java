package news.gazette.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.io.StringReader;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import news.gazette.TestDatabases;
import news.gazette.TestSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag(TestDatabases.BOTH)
class FeedsTest {

    static final String LAUNCH_PATH = "/articles/anthropic-cuts-off-openai-from-claude-access";
    static final String LAUNCH_HEADLINE = "Anthropic Cuts Off OpenAI from Claude Access in Surprise Move";

    private static final ObjectMapper JSON = new ObjectMapper();

    static String header(Response response, String name) {
        List<String> values = response.headers().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    static SyndFeed parse(String xml) throws Exception {
        return new SyndFeedInput().build(new StringReader(xml));
    }

    @Test
    void rss_feed_parses_and_carries_whole_stories_with_absolute_links() {
        TestSite site = TestSite.create();
        JavalinTest.test(site.app, (server, client) -> {
            Response response = client.get("/feed.xml");
            assertThat(response.code()).isEqualTo(200);
            assertThat(header(response, "Content-Type")).isEqualTo("application/rss+xml; charset=utf-8");
            String xml = response.body().string();
            SyndFeed feed = parse(xml);
            assertThat(feed.getFeedType()).isEqualTo("rss_2.0");
            assertThat(feed.getTitle()).isEqualTo("The Gazette");
            assertThat(feed.getLink()).isEqualTo("http://127.0.0.1/");
            assertThat(feed.getLanguage()).isEqualTo("en");
            assertThat(feed.getEntries()).hasSize(1);
            SyndEntry entry = feed.getEntries().get(0);
            assertLaunchEntry(entry);
            assertThat(entry.getUri()).startsWith("tag:127.0.0.1,").endsWith(":story/1");
            assertThat(entry.getDescription().getValue()).startsWith("In a significant escalation");
            assertThat(entry.getEnclosures()).hasSize(1);
            assertThat(entry.getEnclosures().get(0).getUrl())
                    .isEqualTo("http://127.0.0.1/assets/img/launch-broken-connection.svg");
            assertThat(entry.getEnclosures().get(0).getType()).isEqualTo("image/svg+xml");
            assertThat(entry.getEnclosures().get(0).getLength()).isGreaterThan(1000);
            assertThat(xml).contains("isPermaLink=\"false\"");
        });
    }

    @Test
    void atom_feed_parses_with_ids_dates_content_and_enclosure() {
        TestSite site = TestSite.create();
        JavalinTest.test(site.app, (server, client) -> {
            Response response = client.get("/atom.xml");
            assertThat(header(response, "Content-Type")).isEqualTo("application/atom+xml; charset=utf-8");
            SyndFeed feed = parse(response.body().string());
            assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
            assertThat(feed.getTitle()).isEqualTo("The Gazette");
            assertThat(feed.getLinks())
                    .extracting(l -> l.getRel() + " " + l.getHref())
                    .containsExactlyInAnyOrder(
                            "alternate http://127.0.0.1/",
                            "self http://127.0.0.1/atom.xml",
                            "hub http://127.0.0.1/websub");
            assertThat(feed.getPublishedDate()).isNotNull();
            SyndEntry entry = feed.getEntries().get(0);
            assertLaunchEntry(entry);
            assertThat(entry.getUri()).startsWith("tag:127.0.0.1,").endsWith(":story/1");
            assertThat(entry.getUpdatedDate()).isNotNull();
            assertThat(entry.getDescription().getValue()).startsWith("In a significant escalation");
            assertThat(entry.getAuthors().get(0).getUri()).isEqualTo("http://127.0.0.1/authors/news-desk");
            assertThat(entry.getEnclosures().get(0).getUrl())
                    .isEqualTo("http://127.0.0.1/assets/img/launch-broken-connection.svg");
        });
    }

    @Test
    void json_feed_has_the_required_fields_of_version_1_1() throws Exception {
        TestSite site = TestSite.create();
        JavalinTest.test(site.app, (server, client) -> {
            Response response = client.get("/feed.json");
            assertThat(header(response, "Content-Type")).isEqualTo("application/feed+json; charset=utf-8");
            JsonNode feed = JSON.readTree(response.body().string());
            assertThat(feed.path("version").asText()).isEqualTo("https://jsonfeed.org/version/1.1");
            assertThat(feed.path("title").asText()).isEqualTo("The Gazette");
            assertThat(feed.path("home_page_url").asText()).isEqualTo("http://127.0.0.1/");
            assertThat(feed.path("feed_url").asText()).isEqualTo("http://127.0.0.1/feed.json");
            assertThat(feed.path("items").isArray()).isTrue();
            JsonNode item = feed.path("items").get(0);
            assertThat(item.path("id").asText()).startsWith("tag:127.0.0.1,").endsWith(":story/1");
            assertThat(item.path("url").asText()).isEqualTo("http://127.0.0.1" + LAUNCH_PATH);
            assertThat(item.path("title").asText()).isEqualTo(LAUNCH_HEADLINE);
            assertContentIsWholeAndAbsolute(item.path("content_html").asText());
            assertThat(item.path("summary").asText()).startsWith("In a significant escalation");
            assertThat(item.path("image").asText())
                    .isEqualTo("http://127.0.0.1/assets/img/launch-broken-connection.svg");
            assertThat(Instant.parse(item.path("date_published").asText())).isNotNull();
            assertThat(Instant.parse(item.path("date_modified").asText())).isNotNull();
            assertThat(item.path("authors").get(0).path("name").asText()).isEqualTo("News Desk");
            List<String> tags = new ArrayList<>();
            item.path("tags").forEach(tag -> tags.add(tag.asText()));
            assertThat(tags).containsExactly("AI", "Anthropic", "OpenAI", "Technology");
        });
    }

    @Test
    void relative_links_in_a_body_become_absolute_in_every_feed() {
        TestSite site = TestSite.create();
        site.save(
                "Links Story",
                news.gazette.story.StoryStatus.PUBLISHED,
                Instant.now().minus(1, ChronoUnit.MINUTES),
                "See [the launch](" + LAUNCH_PATH + ") and [below](#more) and ![chart](/assets/img/favicon.svg).");
        JavalinTest.test(site.app, (server, client) -> {
            String content = JSON.readTree(client.get("/authors/test-reporter/feed.json")
                            .body()
                            .string())
                    .path("items")
                    .get(0)
                    .path("content_html")
                    .asText();
            Document doc = Jsoup.parseBodyFragment(content);
            assertThat(doc.select("a").eachAttr("href"))
                    .containsExactly("http://127.0.0.1" + LAUNCH_PATH, "http://127.0.0.1/articles/links-story#more");
            assertThat(doc.selectFirst("img").attr("src")).isEqualTo("http://127.0.0.1/assets/img/favicon.svg");
            SyndEntry rss = parse(
                            client.get("/authors/test-reporter/feed.xml").body().string())
                    .getEntries()
                    .get(0);
            assertThat(rss.getContents().get(0).getValue()).contains("href=\"http://127.0.0.1" + LAUNCH_PATH + "\"");
        });
    }

    @Test
    void newsroom_notes_drafts_and_scheduled_stories_never_reach_a_feed() {
        TestSite site = TestSite.create();
        site.save("Draft Only", news.gazette.story.StoryStatus.DRAFT, null, "draft body", "AI");
        site.publish("Scheduled Later", Instant.now().plus(1, ChronoUnit.DAYS), "AI");
        JavalinTest.test(site.app, (server, client) -> {
            for (String path : List.of("/feed.xml", "/atom.xml", "/feed.json", "/tags/ai/feed.json")) {
                String body = client.get(path).body().string();
                assertThat(body)
                        .as(path)
                        .doesNotContain("Image Suggestion")
                        .doesNotContain("secret newsroom note")
                        .doesNotContain("Draft Only")
                        .doesNotContain("Scheduled Later");
            }
        });
    }

    @Test
    void tag_and_author_feeds_hold_only_their_stories() {
        TestSite site = TestSite.create();
        site.publish("Climate Story", Instant.now().minus(1, ChronoUnit.HOURS), "Climate");
        JavalinTest.test(site.app, (server, client) -> {
            SyndFeed climate = parse(client.get("/tags/climate/atom.xml").body().string());
            assertThat(climate.getTitle()).isEqualTo("The Gazette: Climate");
            assertThat(climate.getEntries()).extracting(SyndEntry::getTitle).containsExactly("Climate Story");

            SyndFeed ai = parse(client.get("/tags/ai/feed.xml").body().string());
            assertThat(ai.getEntries()).extracting(SyndEntry::getTitle).containsExactly(LAUNCH_HEADLINE);

            JsonNode desk = JSON.readTree(
                    client.get("/authors/news-desk/feed.json").body().string());
            assertThat(desk.path("items")).hasSize(1);
            assertThat(desk.path("home_page_url").asText()).isEqualTo("http://127.0.0.1/authors/news-desk");
            SyndFeed reporter =
                    parse(client.get("/authors/test-reporter/feed.xml").body().string());
            assertThat(reporter.getEntries()).extracting(SyndEntry::getTitle).containsExactly("Climate Story");

            assertThat(client.get("/tags/nope/feed.xml").code()).isEqualTo(404);
            assertThat(client.get("/authors/nope/atom.xml").code()).isEqualTo(404);
            assertThat(client.get("/tags/..%2F/feed.json").code()).isIn(400, 404);
        });
    }

    @Test
    void old_feed_addresses_redirect_permanently_to_rss() {
        TestSite site = TestSite.create();
        JavalinTest.test(site.app, (server, client) -> {
            for (String path : List.of("/rss", "/feed")) {
                Response response = client.get(path);
                assertThat(response.code()).as(path).isEqualTo(301);
                assertThat(header(response, "Location")).as(path).isEqualTo("/feed.xml");
            }
        });
    }

    @Test
    void every_page_links_its_feeds_for_autodiscovery() {
        TestSite site = TestSite.create();
        JavalinTest.test(site.app, (server, client) -> {
            for (String path : List.of("/", LAUNCH_PATH, "/tags/ai", "/authors/news-desk", "/search?q=x", "/nope")) {
                Document doc = Jsoup.parse(client.get(path).body().string());
                assertThat(doc.select("link[rel=alternate]").eachAttr("href"))
                        .as(path)
                        .contains("/feed.xml", "/atom.xml", "/feed.json");
                assertThat(doc.select("link[rel=alternate]").eachAttr("type"))
                        .as(path)
                        .contains("application/rss+xml", "application/atom+xml", "application/feed+json");
            }
            Document tag = Jsoup.parse(client.get("/tags/ai").body().string());
            assertThat(tag.select("link[rel=alternate]").eachAttr("href"))
                    .contains("/tags/ai/feed.xml", "/tags/ai/atom.xml", "/tags/ai/feed.json");
            Element authorLink = Jsoup.parse(
                            client.get("/authors/news-desk").body().string())
                    .selectFirst("link[rel=alternate][href=/authors/news-desk/atom.xml]");
            assertThat(authorLink.attr("title")).contains("News Desk");
        });
    }

    @Test
    void a_feed_holds_a_bounded_number_of_the_newest_stories() {
        TestSite site = TestSite.create();
        Instant base = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 1; i <= FeedHandlers.FEED_SIZE + 5; i++) {
            site.publish("Bulk Story " + i, base.plus(i, ChronoUnit.HOURS), "Bulk");
        }
        JavalinTest.test(site.app, (server, client) -> {
            SyndFeed feed = parse(client.get("/tags/bulk/feed.xml").body().string());
            assertThat(feed.getEntries()).hasSize(FeedHandlers.FEED_SIZE);
            assertThat(feed.getEntries().get(0).getTitle()).isEqualTo("Bulk Story " + (FeedHandlers.FEED_SIZE + 5));
        });
    }

    private static void assertLaunchEntry(SyndEntry entry) {
        assertThat(entry.getTitle()).isEqualTo(LAUNCH_HEADLINE);
        assertThat(entry.getLink()).isEqualTo("http://127.0.0.1" + LAUNCH_PATH);
        assertThat(entry.getAuthor()).isEqualTo("News Desk");
        assertThat(entry.getCategories())
                .extracting(SyndCategory::getName)
                .containsExactly("AI", "Anthropic", "OpenAI", "Technology");
        assertThat(entry.getPublishedDate()).isNotNull();
        assertThat(entry.getContents()).isNotEmpty();
        assertContentIsWholeAndAbsolute(entry.getContents().get(0).getValue());
    }

    static void assertContentIsWholeAndAbsolute(String html) {
        Document doc = Jsoup.parseBodyFragment(html);
        assertThat(doc.select("h2").eachText()).contains("What Happened", "The Bottom Line");
        assertThat(doc.text()).contains("benchmarking");
        for (String url : doc.select("a[href]").eachAttr("href")) {
            assertThat(url).matches("(https?|mailto):.*");
        }
        for (String url : doc.select("img[src]").eachAttr("src")) {
            assertThat(url).startsWith("http");
        }
    }
}
