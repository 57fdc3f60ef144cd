package news.gazette.story;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import news.gazette.MovableClock;
import news.gazette.TestDatabases;
import news.gazette.TestSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag(TestDatabases.BOTH)
class ReaderPagesTest {

    static final String LAUNCH_PATH = "/articles/anthropic-cuts-off-openai-from-claude-access";
    static final String LAUNCH_HEADLINE = "Anthropic Cuts Off OpenAI from Claude Access in Surprise Move";

    @Test
    void every_page_links_the_feeds_and_the_corrections_from_its_footer() {
        TestSite site = TestSite.create();
        JavalinTest.test(site.app, (server, client) -> {
            for (String path : new String[] {"/", LAUNCH_PATH, "/tags/ai", "/corrections", "/search?q=claude"}) {
                Document doc = Jsoup.parse(client.get(path).body().string());
                assertThat(doc.select("footer .footer-links a").eachAttr("href"))
                        .as(path)
                        .containsExactly("/feed.xml", "/atom.xml", "/feed.json", "/corrections", "/text");
                for (String feed : new String[] {"/feed.xml", "/atom.xml", "/feed.json", "/corrections", "/text"}) {
                    assertThat(client.get(feed).code()).as(feed).isEqualTo(200);
                }
            }
        });
    }

    @Test
    void front_page_leads_with_the_launch_story() {
        TestSite site = TestSite.create();
        JavalinTest.test(site.app, (server, client) -> {
            Response response = client.get("/");
            assertThat(response.code()).isEqualTo(200);
            assertThat(response.headers().get("Content-Type"))
                    .asString()
                    .contains("text/html")
                    .contains("charset=utf-8");
            Document doc = Jsoup.parse(response.body().string());
            Element lead = doc.selectFirst(".lead");
            assertThat(lead).isNotNull();
            assertThat(lead.selectFirst(".lead-headline a").text()).isEqualTo(LAUNCH_HEADLINE);
            assertThat(lead.selectFirst(".lead-headline a").attr("href")).isEqualTo(LAUNCH_PATH);
            assertThat(lead.selectFirst("img").attr("src")).startsWith("/assets/img/launch-broken-connection.");
            assertThat(doc.select("nav.sections a").eachText()).contains("AI", "Anthropic", "OpenAI");
            assertThat(doc.selectFirst("html").attr("lang")).isEqualTo("en");
            assertThat(doc.title()).isNotBlank();
            assertThat(doc.selectFirst("meta[name=description]").attr("content"))
                    .isNotBlank();
            assertThat(doc.selectFirst("a.skip-link").attr("href")).isEqualTo("#main");
            assertThat(doc.select("main#main")).hasSize(1);
        });
    }

    @Test
    void launch_article_renders_sections_list_quote_and_image() {
        TestSite site = TestSite.create();
        JavalinTest.test(site.app, (server, client) -> {
            Response response = client.get(LAUNCH_PATH);
            assertThat(response.code()).isEqualTo(200);
            String html = response.body().string();
            Document doc = Jsoup.parse(html);
            assertThat(doc.selectFirst("h1").text()).isEqualTo(LAUNCH_HEADLINE);
            assertThat(doc.select(".article-body h2").eachText())
                    .containsExactly(
                            "What Happened", "Why It Matters", "Background", "What\u2019s Next?", "The Bottom Line");
            assertThat(doc.select(".article-body ol > li")).hasSize(3);
            assertThat(doc.select(".article-body ol > li > strong").eachText())
                    .containsExactly("Rare Conflict:", "Competition Intensifies:", "Research Impact:");
            assertThat(doc.selectFirst(".article-body blockquote").text())
                    .contains("Access was terminated due to violations of our usage policies");
            Element figure = doc.selectFirst("figure.article-figure");
            assertThat(figure.selectFirst("img").attr("alt")).contains("chain");
            assertThat(figure.selectFirst("figcaption").text()).contains("broken link");
            assertThat(doc.selectFirst(".byline").text()).contains("News Desk").contains("min read");
            assertThat(doc.selectFirst(".kicker").text()).isEqualTo("Developing story");
            assertThat(doc.selectFirst(".updates").text()).contains("Last updated");
            assertThat(doc.select(".article-footer .tag-list a").eachText()).contains("AI", "Anthropic", "OpenAI");
            // The editor's image note is for the newsroom only.
            assertThat(html).doesNotContain("Image Suggestion");
            assertThat(doc.selectFirst("link[rel=canonical]").attr("href")).endsWith(LAUNCH_PATH);
        });
    }

    @Test
    void the_launch_illustration_is_served_as_cacheable_svg() {
        TestSite site = TestSite.create();
        JavalinTest.test(site.app, (server, client) -> {
            Document doc = Jsoup.parse(client.get(LAUNCH_PATH).body().string());
            String src = doc.selectFirst("figure img").attr("src");
            Response image = client.get(src);
            assertThat(image.code()).isEqualTo(200);
            assertThat(image.headers().get("Content-Type")).asString().contains("image/svg+xml");
            assertThat(image.body().string()).contains("<svg");
            String css = doc.selectFirst("link[rel=stylesheet]").attr("href");
            Response stylesheet = client.get(css);
            assertThat(stylesheet.code()).isEqualTo(200);
            assertThat(stylesheet.headers().get("Cache-Control")).asString().contains("immutable");
            Response traversal = client.get("/assets/../../etc/passwd");
            assertThat(traversal.code()).isIn(400, 404);
            assertThat(traversal.body().string()).doesNotContain("root:");
            assertThat(client.get("/assets/%2e%2e/%2e%2e/etc/passwd").code()).isIn(400, 404);
            assertThat(client.get("/assets/css/nope.css").code()).isEqualTo(404);
        });
    }

    @Test
    void unknown_slug_is_a_friendly_404_page() {
        TestSite site = TestSite.create();
        JavalinTest.test(site.app, (server, client) -> {
            for (String path :
                    new String[] {"/articles/no-such-story", "/articles/..%2F..%2Fetc", "/nope", "/tags/nope"}) {
                Response response = client.get(path);
                assertThat(response.code()).as(path).isEqualTo(404);
                Document doc = Jsoup.parse(response.body().string());
                assertThat(doc.selectFirst("h1").text()).as(path).isEqualTo("Page not found");
                assertThat(doc.selectFirst("a.button").attr("href")).isEqualTo("/");
            }
        });
    }

    @Test
    void drafts_and_scheduled_stories_stay_hidden_until_their_time() {
        // A day ahead of the wall clock, so the launch story (published at the real moment of the migration) is
        // already out and the scheduled one is the newest once its time comes, whatever the time of day the test runs.
        Instant now = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        MovableClock clock = new MovableClock(now);
        TestSite site = TestSite.create(clock);
        String draft = site.save("A Draft Story", StoryStatus.DRAFT, null, "draft body");
        String scheduled = site.publish("A Scheduled Story", now.plus(1, ChronoUnit.HOURS), "AI");
        JavalinTest.test(site.app, (server, client) -> {
            assertThat(client.get("/articles/" + draft).code()).isEqualTo(404);
            assertThat(client.get("/articles/" + scheduled).code()).isEqualTo(404);
            assertThat(client.get("/").body().string())
                    .doesNotContain("A Scheduled Story")
                    .doesNotContain("A Draft Story");
            clock.set(now.plus(2, ChronoUnit.HOURS));
            assertThat(client.get("/articles/" + scheduled).code()).isEqualTo(200);
            assertThat(Jsoup.parse(client.get("/").body().string())
                            .selectFirst(".lead-headline")
                            .text())
                    .isEqualTo("A Scheduled Story");
        });
    }

    @Test
    void pagination_walks_the_whole_archive_without_gaps_or_repeats() {
        TestSite site = TestSite.create();
        Instant base = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 1; i <= 24; i++) {
            site.publish("Archive Story Number " + i, base.plus(i, ChronoUnit.HOURS), i % 2 == 0 ? "Even" : "Odd");
        }
        // 24 + the launch story = 25 stories: pages of 10, 10, 5.
        JavalinTest.test(site.app, (server, client) -> {
            java.util.List<String> seen = new java.util.ArrayList<>();
            Document first = Jsoup.parse(client.get("/").body().string());
            seen.add(first.selectFirst(".lead-headline a").text());
            seen.addAll(first.select(".latest .card-headline a").eachText());
            assertThat(first.selectFirst(".pagination-status").text()).isEqualTo("Page 1 of 3");
            assertThat(first.select("a[rel=prev]")).isEmpty();
            assertThat(first.selectFirst("a[rel=next]").attr("href")).isEqualTo("/page/2");

            Document second = Jsoup.parse(client.get("/page/2").body().string());
            seen.addAll(second.select(".latest .card-headline a").eachText());
            assertThat(second.selectFirst("a[rel=prev]").attr("href")).isEqualTo("/");
            assertThat(second.selectFirst("a[rel=next]").attr("href")).isEqualTo("/page/3");

            Document third = Jsoup.parse(client.get("/page/3").body().string());
            seen.addAll(third.select(".latest .card-headline a").eachText());
            assertThat(third.select("a[rel=next]")).isEmpty();

            assertThat(seen).hasSize(25).doesNotHaveDuplicates();
            assertThat(seen.get(0)).isEqualTo(ReaderPagesTest.LAUNCH_HEADLINE);
            assertThat(seen.get(1)).isEqualTo("Archive Story Number 24");
            assertThat(seen.get(24)).isEqualTo("Archive Story Number 1");

            assertThat(client.get("/page/4").code()).isEqualTo(404);
            assertThat(client.get("/page/0").code()).isEqualTo(404);
            assertThat(client.get("/page/abc").code()).isEqualTo(404);
            assertThat(client.get("/page/99999999999999999999").code()).isEqualTo(404);
            Response pageOne = client.get("/page/1");
            assertThat(pageOne.code()).isEqualTo(301);
            assertThat(pageOne.headers().get("Location")).asString().contains("/");
        });
    }

    @Test
    void tag_and_author_pages_list_their_stories() {
        TestSite site = TestSite.create();
        Instant base = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 1; i <= 12; i++) {
            site.publish("Tagged Story " + i, base.plus(i, ChronoUnit.HOURS), "Climate");
        }
        JavalinTest.test(site.app, (server, client) -> {
            Document tag = Jsoup.parse(client.get("/tags/climate").body().string());
            assertThat(tag.selectFirst("h1").text()).isEqualTo("Climate");
            assertThat(tag.select(".card-headline a")).hasSize(10);
            assertThat(tag.selectFirst("a[rel=next]").attr("href")).isEqualTo("/tags/climate/page/2");
            Document tagPage2 =
                    Jsoup.parse(client.get("/tags/climate/page/2").body().string());
            assertThat(tagPage2.select(".card-headline a").eachText())
                    .containsExactly("Tagged Story 2", "Tagged Story 1");

            Document author =
                    Jsoup.parse(client.get("/authors/news-desk").body().string());
            assertThat(author.selectFirst("h1").text()).isEqualTo("News Desk");
            assertThat(author.select(".card-headline a").eachText()).containsExactly(LAUNCH_HEADLINE);
            assertThat(client.get("/authors/test-reporter/page/2").code()).isEqualTo(200);
            assertThat(client.get("/authors/test-reporter/page/3").code()).isEqualTo(404);
        });
    }

    @Test
    void related_stories_share_tags_and_notes_never_reach_readers() {
        TestSite site = TestSite.create();
        Instant base = Instant.parse("2026-01-01T00:00:00Z");
        site.publish("Related Through Anthropic", base, "Anthropic");
        site.publish("Unrelated Gardening Story", base.plus(1, ChronoUnit.HOURS), "Gardening");
        JavalinTest.test(site.app, (server, client) -> {
            String html = client.get(LAUNCH_PATH).body().string();
            Document doc = Jsoup.parse(html);
            assertThat(doc.select(".related .card-headline a").eachText())
                    .contains("Related Through Anthropic")
                    .doesNotContain("Unrelated Gardening Story");
            String other =
                    client.get("/articles/related-through-anthropic").body().string();
            assertThat(other).doesNotContain("secret newsroom note");
        });
    }

    @Test
    void update_notes_of_a_developing_story_appear_dated_newest_first() {
        TestSite site = TestSite.create();
        String slug = site.publish("Developing Flood Story", Instant.parse("2026-03-01T08:00:00Z"), "Weather");
        long id = site.stories
                .findPublishedBySlug(slug, Instant.now())
                .orElseThrow()
                .id();
        site.postUpdate(id, Instant.parse("2026-03-01T10:00:00Z"), "River level peaked.");
        site.postUpdate(id, Instant.parse("2026-03-01T12:30:00Z"), "Evacuation order lifted.");
        JavalinTest.test(site.app, (server, client) -> {
            Document doc = Jsoup.parse(client.get("/articles/" + slug).body().string());
            assertThat(doc.select(".update-list li").eachText())
                    .containsExactly(
                            "1 March 2026, 12:30 UTC Evacuation order lifted.",
                            "1 March 2026, 10:00 UTC River level peaked.");
            assertThat(doc.selectFirst(".byline-updated time").attr("datetime")).isEqualTo("2026-03-01T12:30:00Z");
        });
    }

    @Test
    void every_page_carries_security_headers() {
        TestSite site = TestSite.create();
        JavalinTest.test(site.app, (server, client) -> {
            Response response = client.get("/");
            assertThat(response.headers().get("Content-Security-Policy"))
                    .asString()
                    .contains("default-src 'self'")
                    .doesNotContain("unsafe-inline");
            assertThat(response.headers().get("X-Content-Type-Options"))
                    .asString()
                    .contains("nosniff");
            assertThat(response.headers().get("Referrer-Policy")).isNotNull();
        });
    }
}
