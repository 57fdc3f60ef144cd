package news.gazette.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.SyndFeedInput;
import io.javalin.testtools.JavalinTest;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import news.gazette.TestDatabases;
import news.gazette.TestSite;
import news.gazette.account.Role;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Several bylines per story: each an author with a page, listed in order on the article, its card, its JSON-LD and
 * every feed format; each author's page and feed carry the co-written story; editors give authors a kind, bio, photo
 * and links.
 */
@Tag(TestDatabases.BOTH)
class CoAuthorsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void two_reporters_and_a_desk_share_a_story_and_each_page_and_feed_carries_it() throws Exception {
        TestSite site = TestSite.create();
        JavalinTest.test(site.app, (server, client) -> {
            NewsroomClient c = StoryEditorTest.signedIn(server.port());
            long id = StoryEditorTest.create(
                    c,
                    "headline",
                    "Council Passes Budget",
                    "author",
                    "Ann Writer and Ben Reporter, Science and Technology Desk",
                    "summary",
                    "The vote was close.",
                    "body",
                    "After a long night the council voted.",
                    "tags",
                    "Politics",
                    "publish",
                    "now");
            // The editor's field shows the names as stored, in order.
            assertThat(c.get("/admin/stories/" + id)
                            .doc()
                            .selectFirst("#author")
                            .val())
                    .isEqualTo("Ann Writer, Ben Reporter, Science and Technology Desk");
            assertThat(site.count("select count(*) from story_byline where story_id = " + id))
                    .isEqualTo(3);

            Document article = Jsoup.parse(
                    client.get("/articles/council-passes-budget").body().string());
            assertThat(article.select(".byline-author a").eachText())
                    .containsExactly("Ann Writer", "Ben Reporter", "Science and Technology Desk");
            assertThat(article.selectFirst(".byline-author").text())
                    .isEqualTo("By Ann Writer, Ben Reporter and Science and Technology Desk");
            JsonNode authors = articleLd(article).path("author");
            assertThat(authors).hasSize(3);
            assertThat(authors.get(0).path("@type").asText()).isEqualTo("Person");
            assertThat(authors.get(1).path("name").asText()).isEqualTo("Ben Reporter");
            assertThat(authors.get(2).path("@type").asText()).isEqualTo("Organization");
            assertThat(authors.get(2).path("url").asText()).endsWith("/authors/science-and-technology-desk");

            Document front = Jsoup.parse(client.get("/").body().string());
            assertThat(front.select(".byline-author a").eachText()).contains("Ann Writer", "Ben Reporter");

            // Every author's page and feed carries the story, the second and third bylines included.
            for (String author : List.of("ann-writer", "ben-reporter", "science-and-technology-desk")) {
                Document page =
                        Jsoup.parse(client.get("/authors/" + author).body().string());
                assertThat(page.select(".card-headline").eachText()).as(author).contains("Council Passes Budget");
                assertThat(page.select(".card-author").eachText())
                        .contains("Ann Writer, Ben Reporter and Science and Technology Desk");
                SyndFeed feed = new SyndFeedInput()
                        .build(new StringReader(client.get("/authors/" + author + "/feed.xml")
                                .body()
                                .string()));
                assertThat(feed.getEntries()).as(author).hasSize(1);
            }
            assertThat(Jsoup.parse(client.get("/authors/science-and-technology-desk")
                                    .body()
                                    .string())
                            .selectFirst(".kicker")
                            .text())
                    .isEqualTo("Desk");

            // Every format carries every byline, in order.
            String rss = client.get("/feed.xml").body().string();
            assertThat(rss)
                    .contains("<dc:creator>Ann Writer</dc:creator>")
                    .contains("<dc:creator>Ben Reporter</dc:creator>");
            assertThat(rss.indexOf("Ann Writer")).isLessThan(rss.indexOf("Ben Reporter"));
            SyndFeed atom = new SyndFeedInput()
                    .build(new StringReader(client.get("/atom.xml").body().string()));
            List<String> atomAuthors = new ArrayList<>();
            for (SyndPerson person : atom.getEntries().get(0).getAuthors()) {
                atomAuthors.add(person.getName());
            }
            assertThat(atomAuthors).containsExactly("Ann Writer", "Ben Reporter", "Science and Technology Desk");
            JsonNode jsonFeed = JSON.readTree(client.get("/feed.json").body().string());
            assertThat(jsonFeed.path("items").get(0).path("authors").findValuesAsText("name"))
                    .containsExactly("Ann Writer", "Ben Reporter", "Science and Technology Desk");

            // Dropping a co-author takes the story off their page and out of their feed.
            var form = c.form(
                    "headline",
                    "Council Passes Budget",
                    "author",
                    "Ben Reporter",
                    "summary",
                    "The vote was close.",
                    "body",
                    "After a long night the council voted.",
                    "tags",
                    "Politics",
                    "publish",
                    "now",
                    "version",
                    "1");
            assertThat(c.post("/admin/stories/" + id, form).status()).isEqualTo(303);
            assertThat(Jsoup.parse(client.get("/authors/ann-writer").body().string())
                            .select(".card-headline")
                            .eachText())
                    .isEmpty();
            assertThat(Jsoup.parse(client.get("/articles/council-passes-budget")
                                    .body()
                                    .string())
                            .select(".byline-author a")
                            .eachText())
                    .containsExactly("Ben Reporter");
        });
    }

    @Test
    void an_editor_gives_an_author_a_bio_photo_and_links_and_a_bad_link_keeps_the_form() throws Exception {
        TestSite site = TestSite.create();
        JavalinTest.test(site.app, (server, client) -> {
            NewsroomClient c = StoryEditorTest.signedIn(server.port());
            StoryEditorTest.create(
                    c, "headline", "Night Shift", "author", "Cleo Park", "body", "Text.", "publish", "now");
            long authorId = site.count("select id from author where slug = 'cleo-park'");
            var list = c.get("/admin/authors");
            assertThat(list.doc().select("td[data-label=Name] a").eachText()).contains("Cleo Park");

            Map<String, String> bad =
                    c.form("name", "Cleo Park", "kind", "person", "bio", "Covers the night.", "links", "not a link");
            var refused = c.post("/admin/authors/" + authorId, bad);
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.doc().selectFirst("#links-error").text()).contains("not a link");
            assertThat(refused.doc().selectFirst("#bio").text()).isEqualTo("Covers the night.");
            assertThat(refused.doc().selectFirst("#links").text()).isEqualTo("not a link");

            var saved = c.postMultipart(
                    "/admin/authors/" + authorId,
                    c.form(
                            "name",
                            "Cleo Park",
                            "kind",
                            "person",
                            "bio",
                            "Covers the night <b>shift</b>.",
                            "links",
                            "https://example.org/cleo\nhttps://social.example/@cleo"),
                    new NewsroomClient.Upload("photo", "cleo.png", "image/png", ImageUploadTest.png(300, 300)));
            assertThat(saved.status()).as(saved.body()).isEqualTo(303);

            Document page = Jsoup.parse(client.get("/authors/cleo-park").body().string());
            assertThat(page.selectFirst(".list-intro").text()).isEqualTo("Covers the night <b>shift</b>.");
            assertThat(page.select(".list-intro b")).isEmpty();
            assertThat(page.selectFirst("img.author-photo").attr("src")).startsWith("/media/");
            assertThat(page.select(".author-links a").eachAttr("href"))
                    .containsExactly("https://example.org/cleo", "https://social.example/@cleo");
            assertThat(page.select(".author-links a").eachText()).containsExactly("example.org", "social.example");

            JsonNode person = articleLd(Jsoup.parse(
                            client.get("/articles/night-shift").body().string()))
                    .path("author")
                    .get(0);
            assertThat(person.path("image").asText()).contains("/media/");
            assertThat(person.path("sameAs").get(1).asText()).isEqualTo("https://social.example/@cleo");

            // A rename keeps the address and reaches every byline at once.
            assertThat(c.post(
                                    "/admin/authors/" + authorId,
                                    c.form("name", "Cleo Park-Lee", "kind", "person", "photo_url", ""))
                            .status())
                    .isEqualTo(303);
            assertThat(Jsoup.parse(client.get("/articles/night-shift").body().string())
                            .selectFirst(".byline-author a")
                            .text())
                    .isEqualTo("Cleo Park-Lee");
            Document renamed =
                    Jsoup.parse(client.get("/authors/cleo-park").body().string());
            assertThat(renamed.selectFirst("h1").text()).isEqualTo("Cleo Park-Lee");
            assertThat(renamed.select("img.author-photo")).isEmpty();
        });
    }

    @Test
    void a_contributor_cannot_edit_author_pages() {
        TestSite site = TestSite.create();
        JavalinTest.test(site.app, (server, client) -> {
            long authorId = site.count("select min(id) from author");
            site.addAccount("casey", ContributorReviewTest.CONTRIBUTOR_PASSWORD, Role.CONTRIBUTOR);
            NewsroomClient casey = new NewsroomClient(server.port());
            assertThat(casey.signIn("casey", ContributorReviewTest.CONTRIBUTOR_PASSWORD)
                            .status())
                    .isEqualTo(303);
            assertThat(casey.get("/admin/authors").status()).isEqualTo(403);
            assertThat(casey.post("/admin/authors/" + authorId, casey.form("name", "Taken Over"))
                            .status())
                    .isEqualTo(403);
            assertThat(site.count("select count(*) from author where name = 'Taken Over'"))
                    .isZero();
        });
    }

    @Test
    void byline_names_split_on_commas_and_on_and_between_full_names_only() {
        assertThat(BylineNames.split("Ann Writer and Ben Reporter")).containsExactly("Ann Writer", "Ben Reporter");
        assertThat(BylineNames.split("Science and Technology Desk")).containsExactly("Science and Technology Desk");
        assertThat(BylineNames.split(" Ann Writer ; Ben Reporter & Cy Lee ,, ann writer"))
                .containsExactly("Ann Writer", "Ben Reporter", "Cy Lee");
        assertThat(BylineNames.split("Reuters")).containsExactly("Reuters");
        assertThat(BylineNames.split(" , ")).isEmpty();
    }

    private static JsonNode articleLd(Document article) throws Exception {
        for (var script : article.select("script[type=application/ld+json]")) {
            JsonNode node = JSON.readTree(script.data());
            if (node.path("@type").asText().endsWith("Article")) {
                return node;
            }
        }
        throw new AssertionError("no Article JSON-LD");
    }
}
