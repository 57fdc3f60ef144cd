package news.gazette.seo;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import news.gazette.MovableClock;
import news.gazette.TestDatabases;
import news.gazette.TestSite;
import news.gazette.TestSql;
import news.gazette.story.StoryStatus;
import news.gazette.web.Assets;
import news.gazette.web.Site;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

@Tag(TestDatabases.BOTH)
class SitemapsTest {

    static Document xml(Response response) throws Exception {
        assertThat(response.code()).isEqualTo(200);
        assertThat(response.headers().get("Content-Type").get(0)).isEqualTo("application/xml; charset=utf-8");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(response.body().string().getBytes(StandardCharsets.UTF_8)));
    }

    static List<String> texts(Document doc, String namespace, String name) {
        NodeList nodes = doc.getElementsByTagNameNS(namespace, name);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    @Test
    void sitemap_lists_every_published_story_with_lastmod_and_no_draft_or_scheduled_one() {
        TestSite site = TestSite.create();
        site.publish("Visible Story", Instant.now().minus(1, ChronoUnit.HOURS), "Climate");
        site.save("Hidden Draft", StoryStatus.DRAFT, null, "draft");
        site.publish("Scheduled Story", Instant.now().plus(1, ChronoUnit.DAYS), "Secret Topic");
        site.jdbc.update("insert into author (slug, name) values ('idle-writer', 'Idle Writer')");
        JavalinTest.test(site.app, (server, client) -> {
            Document doc = xml(client.get("/sitemap.xml"));
            assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("urlset");
            List<String> locs = texts(doc, SitemapXml.SITEMAP_NS, "loc");
            assertThat(locs)
                    .contains(
                            "http://127.0.0.1/",
                            "http://127.0.0.1/articles/anthropic-cuts-off-openai-from-claude-access",
                            "http://127.0.0.1/articles/visible-story",
                            "http://127.0.0.1/tags/climate",
                            "http://127.0.0.1/corrections",
                            "http://127.0.0.1/authors/test-reporter")
                    .doesNotContain(
                            "http://127.0.0.1/authors/idle-writer",
                            "http://127.0.0.1/articles/hidden-draft",
                            "http://127.0.0.1/articles/scheduled-story",
                            "http://127.0.0.1/tags/secret-topic");
            assertThat(locs.stream().filter(l -> l.contains("/articles/"))).hasSize(2);
            List<String> lastmods = texts(doc, SitemapXml.SITEMAP_NS, "lastmod");
            assertThat(lastmods)
                    .hasSize(2)
                    .allSatisfy(t -> assertThat(Instant.parse(t)).isNotNull());
        });
    }

    @Test
    void a_large_sitemap_becomes_an_index_of_id_ranges_that_together_list_every_story() throws Exception {
        TestSite site = TestSite.create();
        Instant base = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 1; i <= 6; i++) {
            site.publish("Story Number " + i, base.plus(i, ChronoUnit.HOURS));
        }
        site.save("Draft Number", StoryStatus.DRAFT, null, "x");
        var handlers = new SitemapHandlers(
                new SitemapRepository(TestSql.of(site)),
                new Site("The Gazette", "d", "en", "https://news.example", Assets.load(null)),
                Clock.fixed(Instant.now(), ZoneOffset.UTC),
                3);
        var app = io.javalin.Javalin.create(c -> {
            c.routes.get("/sitemap.xml", handlers::sitemap);
            c.routes.get("/sitemaps/{name}", handlers::part);
        });
        JavalinTest.test(app, (server, client) -> {
            Document index = xml(client.get("/sitemap.xml"));
            assertThat(index.getDocumentElement().getLocalName()).isEqualTo("sitemapindex");
            List<String> parts = texts(index, SitemapXml.SITEMAP_NS, "loc");
            // 8 stories by id (launch, 6 published, 1 draft) in parts of 3: three parts, plus the pages.
            assertThat(parts)
                    .containsExactly(
                            "https://news.example/sitemaps/pages.xml",
                            "https://news.example/sitemaps/stories-1.xml",
                            "https://news.example/sitemaps/stories-2.xml",
                            "https://news.example/sitemaps/stories-3.xml");
            List<String> stories = new ArrayList<>();
            for (String part : parts.subList(1, parts.size())) {
                stories.addAll(
                        texts(xml(client.get(part.replace("https://news.example", ""))), SitemapXml.SITEMAP_NS, "loc"));
            }
            assertThat(stories).hasSize(7).doesNotHaveDuplicates().noneMatch(s -> s.contains("draft"));
            assertThat(texts(xml(client.get("/sitemaps/pages.xml")), SitemapXml.SITEMAP_NS, "loc"))
                    .contains("https://news.example/");
            assertThat(client.get("/sitemaps/stories-4.xml").code()).isEqualTo(404);
            assertThat(client.get("/sitemaps/stories-0.xml").code()).isEqualTo(404);
            assertThat(client.get("/sitemaps/other.xml").code()).isEqualTo(404);
        });
    }

    @Test
    void news_sitemap_holds_only_the_stories_of_the_last_two_days() {
        TestSite site = TestSite.create();
        site.publish("Fresh Story", Instant.now().minus(3, ChronoUnit.HOURS));
        site.publish("Week Old Story", Instant.now().minus(7, ChronoUnit.DAYS));
        site.publish("Future Story", Instant.now().plus(3, ChronoUnit.HOURS));
        JavalinTest.test(site.app, (server, client) -> {
            Document doc = xml(client.get("/news-sitemap.xml"));
            assertThat(texts(doc, SitemapXml.SITEMAP_NS, "loc"))
                    .containsExactlyInAnyOrder(
                            "http://127.0.0.1/articles/fresh-story",
                            "http://127.0.0.1/articles/anthropic-cuts-off-openai-from-claude-access");
            assertThat(texts(doc, SitemapXml.NEWS_NS, "title"))
                    .containsExactlyInAnyOrder(
                            "Fresh Story", "Anthropic Cuts Off OpenAI from Claude Access in Surprise Move");
            assertThat(texts(doc, SitemapXml.NEWS_NS, "name")).containsOnly("The Gazette");
            assertThat(texts(doc, SitemapXml.NEWS_NS, "language")).containsOnly("en");
            Element date = (Element) doc.getElementsByTagNameNS(SitemapXml.NEWS_NS, "publication_date")
                    .item(0);
            assertThat(Instant.parse(date.getTextContent())).isBefore(Instant.now());
        });
    }

    @Test
    void a_story_leaves_the_cached_news_sitemap_when_it_turns_two_days_old_without_any_write() {
        Instant start = Instant.now();
        MovableClock clock = new MovableClock(start);
        TestSite site = TestSite.create(clock);
        site.publish("Nearly Old Story", start.minus(47, ChronoUnit.HOURS));
        JavalinTest.test(site.app, (server, client) -> {
            assertThat(texts(xml(client.get("/news-sitemap.xml")), SitemapXml.SITEMAP_NS, "loc"))
                    .contains("http://127.0.0.1/articles/nearly-old-story");
            assertThat(site.pageCache().contains("/news-sitemap.xml")).isTrue();
            clock.set(start.plus(2, ChronoUnit.HOURS));
            assertThat(texts(xml(client.get("/news-sitemap.xml")), SitemapXml.SITEMAP_NS, "loc"))
                    .doesNotContain("http://127.0.0.1/articles/nearly-old-story")
                    .contains("http://127.0.0.1/articles/anthropic-cuts-off-openai-from-claude-access");
        });
    }

    @Test
    void robots_txt_keeps_crawlers_out_of_the_newsroom_and_names_the_sitemaps() {
        TestSite site = TestSite.create();
        JavalinTest.test(site.app, (server, client) -> {
            Response response = client.get("/robots.txt");
            assertThat(response.code()).isEqualTo(200);
            assertThat(response.headers().get("Content-Type").get(0)).startsWith("text/plain");
            List<String> lines = response.body().string().lines().toList();
            assertThat(lines)
                    .contains(
                            "User-agent: *",
                            "Disallow: /admin",
                            "Sitemap: http://127.0.0.1/sitemap.xml",
                            "Sitemap: http://127.0.0.1/news-sitemap.xml");
        });
    }
}
