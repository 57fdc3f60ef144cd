package news.gazette.seo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.JavalinTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import news.gazette.TestDatabases;
import news.gazette.TestSite;
import news.gazette.TestSql;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag(TestDatabases.BOTH)
class MetadataTest {

    static final String LAUNCH_PATH = "/articles/anthropic-cuts-off-openai-from-claude-access";
    static final String LAUNCH_URL = "http://127.0.0.1" + LAUNCH_PATH;
    /** The launch story's SVG as its PNG rendering, fingerprinted: social previews and search engines show no SVG. */
    static final String IMAGE_URL_PATTERN =
            "http://127\\.0\\.0\\.1/assets/img/launch-broken-connection\\.[0-9a-f]+\\.png";

    private static final ObjectMapper JSON = new ObjectMapper();

    static String meta(Document doc, String property) {
        var element = doc.selectFirst("meta[property=" + property + "], meta[name=" + property + "]");
        return element == null ? null : element.attr("content");
    }

    @Test
    void an_article_carries_open_graph_and_twitter_card_tags_with_an_absolute_image() {
        TestSite site = TestSite.create();
        JavalinTest.test(site.app, (server, client) -> {
            Document doc = Jsoup.parse(client.get(LAUNCH_PATH).body().string());
            assertThat(meta(doc, "og:type")).isEqualTo("article");
            assertThat(meta(doc, "og:title"))
                    .isEqualTo("Anthropic Cuts Off OpenAI from Claude Access in Surprise Move");
            assertThat(meta(doc, "og:description")).startsWith("In a significant escalation");
            assertThat(meta(doc, "og:url")).isEqualTo(LAUNCH_URL);
            assertThat(meta(doc, "og:site_name")).isEqualTo("The Gazette");
            assertThat(meta(doc, "og:image")).matches(IMAGE_URL_PATTERN);
            var png = raster(server.port(), meta(doc, "og:image"));
            assertThat(png.getWidth()).isEqualTo(1200);
            assertThat(png.getHeight()).isEqualTo(675);
            assertThat(meta(doc, "og:image:width")).isEqualTo("1200");
            assertThat(meta(doc, "og:image:height")).isEqualTo("675");
            assertThat(meta(doc, "og:image:alt")).contains("chain");
            assertThat(Instant.parse(meta(doc, "article:published_time"))).isNotNull();
            assertThat(Instant.parse(meta(doc, "article:modified_time"))).isNotNull();
            assertThat(doc.select("meta[property=article:tag]").eachAttr("content"))
                    .containsExactly("AI", "Anthropic", "OpenAI", "Technology");
            assertThat(meta(doc, "twitter:card")).isEqualTo("summary_large_image");
            assertThat(meta(doc, "twitter:image")).isEqualTo(meta(doc, "og:image"));
            assertThat(doc.select("meta[property=og:type]")).hasSize(1);
            assertThat(doc.selectFirst("link[rel=canonical]").attr("href")).isEqualTo(LAUNCH_URL);
        });
    }

    @Test
    void an_article_has_news_article_json_ld_with_the_required_fields() {
        TestSite site = TestSite.create();
        JavalinTest.test(site.app, (server, client) -> {
            Document doc = Jsoup.parse(client.get(LAUNCH_PATH).body().string());
            var scripts = doc.select("script[type=application/ld+json]");
            assertThat(scripts).hasSize(1);
            JsonNode article = JSON.readTree(scripts.first().data());
            assertThat(article.path("@context").asText()).isEqualTo("https://schema.org");
            assertThat(article.path("@type").asText()).isEqualTo("NewsArticle");
            assertThat(article.path("headline").asText())
                    .isEqualTo("Anthropic Cuts Off OpenAI from Claude Access in Surprise Move");
            assertThat(article.path("description").asText()).startsWith("In a significant escalation");
            assertThat(Instant.parse(article.path("datePublished").asText())).isNotNull();
            assertThat(Instant.parse(article.path("dateModified").asText())).isNotNull();
            assertThat(article.path("author").get(0).path("name").asText()).isEqualTo("News Desk");
            assertThat(article.path("image").get(0).path("url").asText()).matches(IMAGE_URL_PATTERN);
            assertThat(article.path("publisher").path("name").asText()).isEqualTo("The Gazette");
            String logo = article.path("publisher").path("logo").path("url").asText();
            assertThat(logo).startsWith("http://127.0.0.1/assets/img/logo.").endsWith(".png");
            var logoImage = raster(server.port(), logo);
            assertThat(logoImage.getWidth())
                    .isEqualTo(
                            article.path("publisher").path("logo").path("width").asInt());
            assertThat(logoImage.getHeight()).isEqualTo(512);
            assertThat(article.path("mainEntityOfPage").path("@id").asText()).isEqualTo(LAUNCH_URL);
        });
    }

    @Test
    void a_correction_is_in_the_json_ld_as_a_dated_correction_comment() {
        TestSite site = TestSite.create();
        Instant posted = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        TestSql.of(site)
                .update(
                        "insert into story_correction (story_id, posted_at, wrong, correct) values (1, ?, ?, ?)",
                        posted,
                        "the cutoff was permanent",
                        "neither company has said so");
        JavalinTest.test(site.app, (server, client) -> {
            Document doc = Jsoup.parse(client.get(LAUNCH_PATH).body().string());
            JsonNode article = JSON.readTree(
                    doc.selectFirst("script[type=application/ld+json]").data());
            JsonNode correction = article.path("correction").get(0);
            assertThat(correction.path("@type").asText()).isEqualTo("CorrectionComment");
            assertThat(Instant.parse(correction.path("datePublished").asText())).isEqualTo(posted);
            assertThat(correction.path("text").asText())
                    .contains("the cutoff was permanent")
                    .contains("neither company has said so");
        });
    }

    @Test
    void json_ld_cannot_be_broken_out_of_by_a_headline() throws Exception {
        TestSite site = TestSite.create();
        site.publish(
                "Evil </script><script>alert(1)</script> & <!-- headline",
                Instant.now().minus(1, ChronoUnit.HOURS));
        JavalinTest.test(site.app, (server, client) -> {
            String html = client.get("/articles/evil-script-script-alert-1-script-headline")
                    .body()
                    .string();
            Document doc = Jsoup.parse(html);
            var scripts = doc.select("script");
            assertThat(scripts).hasSize(1);
            JsonNode article = JSON.readTree(scripts.first().data());
            assertThat(article.path("headline").asText())
                    .isEqualTo("Evil </script><script>alert(1)</script> & <!-- headline");
            assertThat(scripts.first().data()).doesNotContain("<").doesNotContain(">");
        });
        assertThat(JsonLd.of(Map.of("a", "</script>")).json()).isEqualTo("{\"a\":\"\\u003c/script\\u003e\"}");
    }

    @Test
    void a_substantive_edit_moves_the_modified_time_and_a_minor_one_does_not() {
        TestSite site = TestSite.create();
        JavalinTest.test(site.app, (server, client) -> {
            Instant before = Instant.parse(
                    meta(Jsoup.parse(client.get(LAUNCH_PATH).body().string()), "article:modified_time"));
            Thread.sleep(1100); // times on the page are whole seconds
            site.rename(1, "A Typo Fixed In The Headline");
            site.applyChanges();
            Document edited = Jsoup.parse(client.get(LAUNCH_PATH).body().string());
            Instant substantive = Instant.parse(meta(edited, "article:modified_time"));
            assertThat(substantive).isAfter(before);
            JsonNode article = JSON.readTree(
                    edited.selectFirst("script[type=application/ld+json]").data());
            assertThat(Instant.parse(article.path("dateModified").asText())).isEqualTo(substantive);
            assertThat(edited.select(".byline-updated")).isNotEmpty();

            Thread.sleep(1100);
            site.renameMinor(1, "A Typo Fixed In The Headline Again");
            site.applyChanges();
            Document minor = Jsoup.parse(client.get(LAUNCH_PATH).body().string());
            assertThat(minor.selectFirst("h1").text()).isEqualTo("A Typo Fixed In The Headline Again");
            assertThat(Instant.parse(meta(minor, "article:modified_time"))).isEqualTo(substantive);
        });
    }

    @Test
    void the_front_page_describes_the_site_and_its_search_for_search_engines() {
        TestSite site = TestSite.create();
        JavalinTest.test(site.app, (server, client) -> {
            Document doc = Jsoup.parse(client.get("/").body().string());
            assertThat(meta(doc, "og:type")).isEqualTo("website");
            assertThat(meta(doc, "og:url")).isEqualTo("http://127.0.0.1/");
            JsonNode webSite = JSON.readTree(
                    doc.selectFirst("script[type=application/ld+json]").data());
            assertThat(webSite.path("@type").asText()).isEqualTo("WebSite");
            assertThat(webSite.path("potentialAction")
                            .path("target")
                            .path("urlTemplate")
                            .asText())
                    .isEqualTo("http://127.0.0.1/search?q={search_term}");
            Document tag = Jsoup.parse(client.get("/tags/ai").body().string());
            assertThat(meta(tag, "og:url")).isEqualTo("http://127.0.0.1/tags/ai");
            assertThat(tag.select("script")).isEmpty();
        });
    }

    /** Fetches an image the page names (on this test server, whatever host the page gives) and decodes it as PNG. */
    static java.awt.image.BufferedImage raster(int port, String absoluteUrl) throws Exception {
        String path = java.net.URI.create(absoluteUrl).getPath();
        var response = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("image/png");
        return javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(response.body()));
    }
}
