package news.gazette.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.JavalinTest;
import news.gazette.TestSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** A story in another language than the site's: its address, lang, JSON-LD, feed item and news sitemap follow it. */
class StoryLanguageTest {

    @Test
    void a_japanese_story_gets_a_transliterated_address_and_says_its_language_everywhere() throws Exception {
        TestSite site = TestSite.create();
        JavalinTest.test(site.app, (server, client) -> {
            NewsroomClient c = StoryEditorTest.signedIn(server.port());
            var bad = c.post(
                    "/admin/stories/new",
                    c.form(
                            "headline",
                            "x",
                            "author",
                            "Desk",
                            "body",
                            "b",
                            "language",
                            "english please",
                            "publish",
                            "now"));
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.doc().selectFirst("#language-error").text()).contains("ja or pt-BR");

            var saved = c.post(
                    "/admin/stories/new",
                    c.form(
                            "headline",
                            "東京で夏祭り",
                            "author",
                            "東京支局",
                            "body",
                            "今年も浅草で祭りが開かれた。",
                            "tags",
                            "祭り",
                            "language",
                            "JA",
                            "publish",
                            "now"));
            assertThat(saved.status()).isEqualTo(303);
            String slug = site.jdbc
                    .list("select slug from story where language = 'ja'", r -> r.getString(1))
                    .get(0);
            assertThat(slug).isNotEqualTo("story").matches("[a-z0-9-]+");
            assertThat(site.count("select count(*) from tag where slug = 'story'"))
                    .isZero();
            assertThat(site.count("select count(*) from author where slug = 'story'"))
                    .isZero();

            Document article =
                    Jsoup.parse(client.get("/articles/" + slug).body().string());
            assertThat(article.selectFirst("article").attr("lang")).isEqualTo("ja");
            JsonNode ld = null;
            for (var script : article.select("script[type=application/ld+json]")) {
                JsonNode node = new ObjectMapper().readTree(script.data());
                if (node.path("@type").asText().endsWith("Article")) {
                    ld = node;
                }
            }
            assertThat(ld).isNotNull();
            assertThat(ld.path("inLanguage").asText()).isEqualTo("ja");

            JsonNode feed =
                    new ObjectMapper().readTree(client.get("/feed.json").body().string());
            assertThat(feed.path("language").asText()).isEqualTo("en");
            assertThat(feed.path("items").get(0).path("language").asText()).isEqualTo("ja");
            assertThat(client.get("/news-sitemap.xml").body().string()).contains("<news:language>ja</news:language>");
        });
    }
}
