package news.gazette.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import io.javalin.testtools.JavalinTest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import javax.imageio.ImageIO;
import news.gazette.TestDatabases;
import news.gazette.TestSite;
import news.gazette.account.Role;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * An editor covers the launch story live: entries reach the article, its refreshed fragment (with validators), the
 * JSON-LD, the site's feed and the story's own feeds within a second, pinned ones on top; bad entries come back with
 * the text kept and the problem by its field; only editors post.
 */
@Tag(TestDatabases.BOTH)
class LiveCoverageTest {

    private static final String SLUG = "anthropic-cuts-off-openai-from-claude-access";
    private static final String ARTICLE = "/articles/" + SLUG;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void entries_reach_the_page_its_fragment_the_json_ld_and_the_feeds_pinned_first_then_newest() throws Exception {
        TestSite site = TestSite.create();
        long storyId = site.count("select id from story where slug = '" + SLUG + "'");
        JavalinTest.test(site.app, (server, client) -> {
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + server.port();
            assertThat(client.get(ARTICLE + "/live").code()).isEqualTo(404);
            assertThat(client.get(ARTICLE + "/feed.xml").code()).isEqualTo(404);
            assertThat(page(client.get(ARTICLE).body().string()).select("#live"))
                    .isEmpty();

            NewsroomClient editor = StoryEditorTest.signedIn(server.port());
            String desk = "/admin/stories/" + storyId + "/live";
            assertThat(editor.get(desk).doc().select("button").text()).contains("Start live coverage");
            assertThat(editor.post(desk + "/start", editor.form()).status()).isEqualTo(303);
            await(() -> page(get(http, base + ARTICLE)).selectFirst("#live") != null);
            Document started = page(get(http, base + ARTICLE));
            assertThat(started.selectFirst(".kicker-live").text()).isEqualTo("Live");
            assertThat(started.selectFirst("#live").attr("data-live-src")).isEqualTo(ARTICLE + "/live");
            assertThat(started.select("script[src*=live]")).hasSize(1);

            List<Long> timesMs = new ArrayList<>();
            post(editor, desk, "OpenAI says it was **not told** in advance. More soon.", false, http, base, timesMs);
            post(editor, desk, "Anthropic confirms the change took effect at midnight.", false, http, base, timesMs);
            post(
                    editor,
                    desk,
                    "What we know so far: access was revoked for all OpenAI staff.",
                    true,
                    http,
                    base,
                    timesMs);
            post(editor, desk, "A spokesperson declined to comment further.", false, http, base, timesMs);
            org.slf4j.LoggerFactory.getLogger(LiveCoverageTest.class)
                    .info("live entry posted -> in the fragment, in the story's feed (ms, pairs): {}", timesMs);

            // Search finds the story by its entries' words (none of them is in the launch story's own text).
            await(() -> page(get(http, base + "/search?q=midnight"))
                            .select("a[href=" + ARTICLE + "]")
                            .size()
                    > 0);

            Document article = page(get(http, base + ARTICLE));
            List<String> shown =
                    article.select("#live .live-entry .live-entry-body").eachText();
            assertThat(shown)
                    .containsExactly(
                            "What we know so far: access was revoked for all OpenAI staff.",
                            "A spokesperson declined to comment further.",
                            "Anthropic confirms the change took effect at midnight.",
                            "OpenAI says it was not told in advance. More soon.");
            Element pinned = article.selectFirst("#live .live-entry");
            assertThat(pinned.hasClass("live-entry-pinned")).isTrue();
            assertThat(pinned.selectFirst(".live-pin").text()).isEqualTo("Pinned");
            assertThat(pinned.selectFirst("a.live-entry-time").attr("href")).isEqualTo(ARTICLE + "#" + pinned.id());
            assertThat(pinned.selectFirst("time").attr("datetime")).endsWith("Z");
            assertThat(article.select(".live-entry-author").eachText()).containsOnly("admin");
            assertThat(article.select("link[rel=alternate][href=" + ARTICLE + "/feed.xml]"))
                    .hasSize(1);

            // The text edition carries them too, without pictures or script.
            Document text = page(get(http, base + "/text" + ARTICLE));
            assertThat(text.select("[id^=entry-]")).hasSize(4);
            assertThat(text.selectFirst("[id^=entry-]").text()).startsWith("Pinned");
            assertThat(text.select("img, script")).isEmpty();
            assertThat(get(http, base + "/text" + ARTICLE).getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                    .isLessThan(10 * 1024);

            // The fragment: the same entries, validators, and a 304 for an unchanged poll.
            HttpResponse<String> fragment = send(http, base + ARTICLE + "/live", null);
            assertThat(fragment.statusCode()).isEqualTo(200);
            assertThat(fragment.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            String etag = fragment.headers().firstValue("ETag").orElseThrow();
            assertThat(Jsoup.parse(fragment.body()).select(".live-entry")).hasSize(4);
            assertThat(send(http, base + ARTICLE + "/live", etag).statusCode()).isEqualTo(304);

            JsonNode ld = jsonLd(article);
            assertThat(ld.get("@type").toString()).contains("NewsArticle").contains("LiveBlogPosting");
            assertThat(ld.get("coverageStartTime").asText()).endsWith("Z");
            assertThat(ld.has("coverageEndTime")).isFalse();
            JsonNode updates = ld.get("liveBlogUpdate");
            assertThat(updates).hasSize(4);
            JsonNode newest = updates.get(0);
            assertThat(newest.get("@type").asText()).isEqualTo("BlogPosting");
            assertThat(newest.get("headline").asText()).isEqualTo("A spokesperson declined to comment further.");
            assertThat(newest.get("articleBody").asText()).isEqualTo("A spokesperson declined to comment further.");
            assertThat(newest.get("url").asText()).startsWith("http").contains(ARTICLE + "#entry-");
            assertThat(updates.get(3).get("headline").asText()).isEqualTo("OpenAI says it was not told in advance.");
            assertThat(ld.get("dateModified").asText())
                    .isEqualTo(newest.get("datePublished").asText());

            // The site's feed carries the entries in the story's item; the story's own feeds, one item per entry.
            SyndFeed siteFeed = rss(get(http, base + "/feed.xml"));
            SyndEntry item = siteFeed.getEntries().stream()
                    .filter(e -> e.getLink().endsWith(ARTICLE))
                    .findFirst()
                    .orElseThrow();
            assertThat(item.getContents().get(0).getValue())
                    .contains("Live updates")
                    .contains("A spokesperson declined to comment further.");
            for (String path : new String[] {"/feed.xml", "/atom.xml"}) {
                SyndFeed own = rss(get(http, base + ARTICLE + path));
                List<String> titles =
                        own.getEntries().stream().map(SyndEntry::getTitle).toList();
                assertThat(titles).hasSize(5);
                assertThat(titles.get(0)).isEqualTo("A spokesperson declined to comment further.");
                assertThat(titles.get(4))
                        .isEqualTo(site.stories
                                .findPublishedBySlug(SLUG, java.time.Instant.now())
                                .orElseThrow()
                                .headline());
                assertThat(own.getEntries().get(0).getLink()).contains(ARTICLE + "#entry-");
            }
            JsonNode jsonFeed = JSON.readTree(get(http, base + ARTICLE + "/feed.json"));
            assertThat(jsonFeed.get("items")).hasSize(5);
            assertThat(jsonFeed.get("items").get(0).get("id").asText()).contains(":live/");

            // Ending keeps the entries, stops the polling and stays a valid article with its end time.
            assertThat(editor.post(desk + "/end", editor.form()).status()).isEqualTo(303);
            await(() -> page(get(http, base + ARTICLE)).selectFirst("#live[data-live-src]") == null);
            Document ended = page(get(http, base + ARTICLE));
            assertThat(ended.select("#live .live-entry")).hasSize(4);
            assertThat(ended.select("script[src*=live]")).isEmpty();
            assertThat(ended.selectFirst("#live-heading").text()).isEqualTo("Live coverage");
            JsonNode endedLd = jsonLd(ended);
            assertThat(endedLd.get("@type").toString()).contains("NewsArticle");
            assertThat(endedLd.get("coverageEndTime").asText()).endsWith("Z");
            assertThat(Jsoup.parse(get(http, base + ARTICLE + "/live"))
                            .selectFirst("[data-live-entries]")
                            .hasAttr("data-live-ended"))
                    .isTrue();
        });
    }

    @Test
    void a_refused_entry_keeps_its_text_names_the_field_and_only_editors_post() throws Exception {
        TestSite site = TestSite.create();
        site.addAccount("cora", "contributor password 1", Role.CONTRIBUTOR);
        long storyId = site.count("select id from story where slug = '" + SLUG + "'");
        JavalinTest.test(site.app, (server, client) -> {
            String desk = "/admin/stories/" + storyId + "/live";
            NewsroomClient editor = StoryEditorTest.signedIn(server.port());

            var notStarted = editor.post(desk + "/entries", editor.form("body", "Too early", "author", "Ada"));
            assertThat(notStarted.status()).isEqualTo(400);
            assertThat(notStarted.doc().selectFirst("#body-error").text()).contains("Start the live coverage first");
            assertThat(notStarted.doc().selectFirst("#body").text()).isEqualTo("Too early");

            editor.post(desk + "/start", editor.form());
            var blank = editor.post(desk + "/entries", editor.form("body", "  ", "author", "Ada Reporter"));
            assertThat(blank.status()).isEqualTo(400);
            assertThat(blank.doc().selectFirst("#body-error").text()).isEqualTo("Write the entry.");
            assertThat(blank.doc().selectFirst("#author").val()).isEqualTo("Ada Reporter");

            String deep = "> ".repeat(5_000) + "deep";
            var tooDeep = editor.post(desk + "/entries", editor.form("body", deep, "author", "Ada"));
            assertThat(tooDeep.status()).isEqualTo(400);
            assertThat(tooDeep.doc().selectFirst("#body-error")).isNotNull();
            assertThat(tooDeep.doc().selectFirst("#body").text()).isEqualTo(deep.strip());

            var noAlt = editor.postMultipart(
                    desk + "/entries",
                    editor.form("body", "A photo from the scene.", "author", "Ada"),
                    new NewsroomClient.Upload("image", "scene.png", "image/png", png()));
            assertThat(noAlt.status()).isEqualTo(400);
            assertThat(noAlt.doc().selectFirst("#image_alt-error").text()).contains("Describe the picture");
            String kept = noAlt.doc().selectFirst("input[name=image_url]").val();
            assertThat(kept).startsWith("/media/");
            var withAlt = editor.postMultipart(
                    desk + "/entries",
                    editor.form(
                            "body",
                            "A photo from the scene.",
                            "author",
                            "Ada",
                            "image_url",
                            kept,
                            "image_alt",
                            "Protesters outside the office"),
                    null);
            assertThat(withAlt.status()).isEqualTo(303);

            var hostile = editor.post(
                    desk + "/entries",
                    editor.form(
                            "body", "<script>alert(1)</script> [x](javascript:alert(2)) \u0007bell", "author", "Ada"));
            assertThat(hostile.status()).isEqualTo(303);
            String article = client.get(ARTICLE).body().string();
            Document doc = Jsoup.parse(article);
            assertThat(doc.select("#live script")).isEmpty();
            assertThat(doc.select("#live a[href^=javascript]")).isEmpty();
            assertThat(doc.selectFirst("#live .live-entry").text()).contains("<script>alert(1)</script>");
            assertThat(article).doesNotContain("\u0007");
            Element photo = doc.selectFirst("#live .live-entry-figure img");
            assertThat(photo.attr("alt")).isEqualTo("Protesters outside the office");

            for (int i = 0; i < LiveDesk.MAX_PINNED; i++) {
                assertThat(editor.post(
                                        desk + "/entries",
                                        editor.form("body", "Pin " + i, "author", "Ada", "pinned", "1"))
                                .status())
                        .isEqualTo(303);
            }
            var onePinTooMany =
                    editor.post(desk + "/entries", editor.form("body", "Pin more", "author", "Ada", "pinned", "1"));
            assertThat(onePinTooMany.status()).isEqualTo(400);
            assertThat(onePinTooMany.doc().selectFirst("#pinned-error").text()).contains("At most 3");
            assertThat(onePinTooMany.doc().selectFirst("#body").text()).isEqualTo("Pin more");

            // A correction keeps the entry's place, time and pin, and says when it was made.
            long photoEntry = site.count("select id from live_entry where body_markdown = 'A photo from the scene.'");
            String edit = desk + "/entries/" + photoEntry;
            var loaded = editor.get(edit + "/edit");
            assertThat(loaded.doc().selectFirst("#body").text()).isEqualTo("A photo from the scene.");
            assertThat(loaded.doc().selectFirst("form#story-form").attr("action"))
                    .isEqualTo(edit);
            var blankEdit = editor.post(edit, editor.form("body", "", "author", "Ada"));
            assertThat(blankEdit.status()).isEqualTo(400);
            assertThat(blankEdit.doc().selectFirst("#body-error").text()).isEqualTo("Write the entry.");
            assertThat(blankEdit.doc().selectFirst("form#story-form").attr("action"))
                    .isEqualTo(edit);
            assertThat(editor.post(
                                    edit,
                                    editor.form(
                                            "body",
                                            "A photo from outside the office.",
                                            "author",
                                            "Ada Reporter",
                                            "image_url",
                                            kept,
                                            "image_alt",
                                            "Protesters outside the office"))
                            .status())
                    .isEqualTo(303);
            Element corrected = Jsoup.parse(client.get(ARTICLE).body().string()).selectFirst("#entry-" + photoEntry);
            assertThat(corrected.selectFirst(".live-entry-body").text()).isEqualTo("A photo from outside the office.");
            assertThat(corrected.selectFirst(".live-entry-edited").text()).startsWith("(updated");
            assertThat(corrected.selectFirst(".live-entry-author").text()).isEqualTo("Ada Reporter");
            assertThat(corrected.selectFirst("img").attr("alt")).isEqualTo("Protesters outside the office");
            assertThat(site.count(
                            "select count(*) from live_entry where id = " + photoEntry + " and edited_at is not null"))
                    .isEqualTo(1);
            assertThat(editor.get(desk + "/entries/999999/edit").status()).isEqualTo(404);

            long firstPin = site.count("select min(id) from live_entry where pinned");
            assertThat(editor.post(desk + "/entries/" + firstPin + "/unpin", editor.form())
                            .status())
                    .isEqualTo(303);
            assertThat(site.count("select count(*) from live_entry where pinned"))
                    .isEqualTo(2);
            assertThat(editor.post(desk + "/entries/" + firstPin + "/delete", editor.form())
                            .status())
                    .isEqualTo(303);
            assertThat(Jsoup.parse(client.get(ARTICLE).body().string()).select("#entry-" + firstPin))
                    .isEmpty();
            assertThat(editor.post(desk + "/entries/999999/delete", editor.form())
                            .status())
                    .isEqualTo(404);

            NewsroomClient cora = new NewsroomClient(server.port());
            cora.signIn("cora", "contributor password 1");
            assertThat(cora.get(desk).status()).isEqualTo(403);
            assertThat(cora.post(desk + "/entries", cora.form("body", "Sneaky", "author", "Cora"))
                            .status())
                    .isEqualTo(403);
            assertThat(cora.post(desk + "/end", cora.form()).status()).isEqualTo(403);
            assertThat(cora.get(edit + "/edit").status()).isEqualTo(403);
            assertThat(cora.post(edit, cora.form("body", "Sneaky", "author", "Cora"))
                            .status())
                    .isEqualTo(403);
            assertThat(site.count("select count(*) from live_entry where body_markdown = 'Sneaky'"))
                    .isZero();
            assertThat(new NewsroomClient(server.port()).get(desk).status()).isEqualTo(302);
        });
    }

    private static void post(
            NewsroomClient editor,
            String desk,
            String body,
            boolean pinned,
            HttpClient http,
            String base,
            List<Long> timesMs)
            throws Exception {
        var form = pinned
                ? editor.form("body", body, "author", "admin", "pinned", "1")
                : editor.form("body", body, "author", "admin");
        long start = System.nanoTime();
        var reply = editor.post(desk + "/entries", form);
        assertThat(reply.status()).isEqualTo(303);
        String plain = Jsoup.parse(body.replace("**", "")).text();
        await(() -> Jsoup.parse(get(http, base + ARTICLE + "/live"))
                .select(".live-entry-body")
                .eachText()
                .contains(plain));
        long inFragment = System.nanoTime();
        await(() -> {
            try {
                return rss(get(http, base + ARTICLE + "/feed.xml")).getEntries().stream()
                        .anyMatch(e -> e.getDescription().getValue().equals(plain));
            } catch (Exception e) {
                return false;
            }
        });
        timesMs.add((inFragment - start) / 1_000_000);
        timesMs.add((System.nanoTime() - start) / 1_000_000);
    }

    private static Document page(String html) {
        return Jsoup.parse(html);
    }

    private static JsonNode jsonLd(Document doc) throws Exception {
        return JSON.readTree(doc.selectFirst("script[type=application/ld+json]").data());
    }

    private static SyndFeed rss(String xml) throws Exception {
        return new SyndFeedInput().build(new StringReader(xml));
    }

    private static String get(HttpClient http, String url) {
        return send(http, url, null).body();
    }

    private static HttpResponse<String> send(HttpClient http, String url, String ifNoneMatch) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
            if (ifNoneMatch != null) {
                request.header("If-None-Match", ifNoneMatch);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 3, 0xa3161c);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** Within a second, the promise for every change; polled every 20 ms. */
    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within a second");
            }
            Thread.sleep(20);
        }
    }
}
