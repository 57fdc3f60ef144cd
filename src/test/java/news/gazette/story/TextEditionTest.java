package news.gazette.story;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import news.gazette.TestDatabases;
import news.gazette.TestSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The text edition: tiny pages with no images or script, the same stories as the full site, kept as current. */
@Tag(TestDatabases.BOTH)
class TextEditionTest {

    private static final int MOST_BYTES = 10 * 1024;

    @Test
    void the_front_page_and_the_launch_story_are_tiny_text_pages_that_link_to_the_full_ones() {
        TestSite site = TestSite.create();
        JavalinTest.test(site.app, (server, client) -> {
            byte[] front = client.get("/text").body().string().getBytes(StandardCharsets.UTF_8);
            assertThat(front.length).isLessThan(MOST_BYTES);
            Document index = Jsoup.parse(new String(front, StandardCharsets.UTF_8));
            assertThat(index.select("main li a").eachAttr("href")).contains("/text" + ReaderPagesTest.LAUNCH_PATH);
            assertThat(index.selectFirst("link[rel=canonical]").attr("href")).isEqualTo("http://127.0.0.1/text");

            var response = client.get("/text" + ReaderPagesTest.LAUNCH_PATH);
            assertThat(response.code()).isEqualTo(200);
            byte[] article = response.body().string().getBytes(StandardCharsets.UTF_8);
            assertThat(article.length).isLessThan(MOST_BYTES);
            Document doc = Jsoup.parse(new String(article, StandardCharsets.UTF_8));
            assertThat(doc.selectFirst("h1").text()).isEqualTo(ReaderPagesTest.LAUNCH_HEADLINE);
            assertThat(doc.select("img, picture, script, iframe, svg")).isEmpty();
            assertThat(doc.select("link[rel=stylesheet]")).hasSize(1);
            assertThat(doc.selectFirst("link[rel=canonical]").attr("href"))
                    .isEqualTo("http://127.0.0.1" + ReaderPagesTest.LAUNCH_PATH);
            assertThat(doc.select("footer a").eachAttr("href")).contains(ReaderPagesTest.LAUNCH_PATH);
            assertThat(doc.select("article p").size()).isGreaterThan(3);

            Document full =
                    Jsoup.parse(client.get(ReaderPagesTest.LAUNCH_PATH).body().string());
            assertThat(full.select(".text-edition-link a").attr("href"))
                    .isEqualTo("/text" + ReaderPagesTest.LAUNCH_PATH);
        });
    }

    @Test
    void images_become_their_descriptions_and_hidden_or_renamed_stories_behave_as_on_the_full_site() {
        TestSite site = TestSite.create();
        String slug = site.save(
                "Sales Chart Published",
                StoryStatus.PUBLISHED,
                Instant.now().minus(1, ChronoUnit.HOURS),
                "Sales rose.\n\n![A chart of sales by month](/assets/img/launch-broken-connection.svg)\n\nThe end.");
        site.save("Hidden Draft", StoryStatus.DRAFT, null, "Not yet.");
        JavalinTest.test(site.app, (server, client) -> {
            Document doc =
                    Jsoup.parse(client.get("/text/articles/" + slug).body().string());
            assertThat(doc.select("img")).isEmpty();
            assertThat(doc.selectFirst("article").text())
                    .contains("Sales rose.")
                    .contains("[Image: A chart of sales by month]")
                    .contains("The end.");
            assertThat(client.get("/text/articles/hidden-draft").code()).isEqualTo(404);
            assertThat(client.get("/text/articles/No_Such..Slug").code()).isEqualTo(404);
            assertThat(Jsoup.parse(client.get("/text").body().string()).text()).doesNotContain("Hidden Draft");

            long id = site.count("select id from story where slug = '" + slug + "'");
            site.rename(id, "Sales Chart Revised");
            site.applyChanges();
            assertThat(Jsoup.parse(client.get("/text/articles/" + slug).body().string())
                            .selectFirst("h1")
                            .text())
                    .isEqualTo("Sales Chart Revised");
            site.jdbc.update(
                    "insert into story_slug_history (old_slug, story_id, changed_at) values (?, ?, ?)",
                    "sales-chart-old-address",
                    id,
                    Instant.now());
            var moved = client.get("/text/articles/sales-chart-old-address");
            assertThat(moved.code()).isEqualTo(301);
            assertThat(moved.headers().get("Location")).asString().contains("/text/articles/" + slug + "]");

            site.publish("A Newer Story", Instant.now());
            assertThat(Jsoup.parse(client.get("/text").body().string())
                            .select("main li a")
                            .eachText())
                    .first()
                    .isEqualTo("A Newer Story");
        });
    }
}
