package news.gazette.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import news.gazette.App;
import news.gazette.MovableClock;
import news.gazette.TestDatabases;
import news.gazette.TestSite;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What a change drops from the page cache: exactly the pages that show it, on every instance. */
@Tag(TestDatabases.BOTH)
class InvalidationTest {

    static final String LAUNCH_PATH = "/articles/anthropic-cuts-off-openai-from-claude-access";

    @Test
    void an_edit_drops_exactly_the_cached_pages_that_show_the_story() {
        TestSite site = TestSite.create();
        Instant now = Instant.now();
        String energy = site.publish("Grid batteries come of age", now.minus(2, ChronoUnit.HOURS), "Energy");
        String sports = site.publish("Cup final goes to penalties", now.minus(3, ChronoUnit.HOURS), "Sports");
        long energyId = site.count("select id from story where slug = '" + energy + "'");
        List<String> showingIt = List.of(
                "/",
                "/articles/" + energy,
                "/tags/energy",
                "/authors/test-reporter",
                "/corrections",
                "/feed.xml",
                "/atom.xml",
                "/tags/energy/feed.json",
                "/authors/test-reporter/atom.xml",
                "/search?q=grid",
                "/sitemap.xml");
        List<String> notShowingIt = List.of(
                "/articles/" + sports,
                "/tags/sports",
                "/tags/ai",
                LAUNCH_PATH,
                "/tags/sports/feed.xml",
                "/tags/ai/atom.xml",
                "/authors/news-desk/feed.json");
        JavalinTest.test(site.app, (server, unused) -> {
            Http client = new Http(server.port());
            for (String path : concat(showingIt, notShowingIt)) {
                assertThat(client.get(path).status()).as(path).isEqualTo(200);
                assertThat(site.pageCache().contains(path)).as(path).isTrue();
            }

            site.postUpdate(energyId, Instant.now(), "Prices fell again overnight.");
            site.applyChanges();

            for (String path : showingIt) {
                assertThat(site.pageCache().contains(path)).as(path).isFalse();
            }
            for (String path : notShowingIt) {
                assertThat(site.pageCache().contains(path)).as(path).isTrue();
            }
            assertThat(client.get("/articles/" + energy).text()).contains("Prices fell again overnight.");
        });
    }

    @Test
    void a_renamed_story_shows_its_new_headline_among_another_articles_related_stories() {
        TestSite site = TestSite.create();
        Instant now = Instant.now();
        String older = site.publish("Cup final goes to penalties", now.minus(3, ChronoUnit.HOURS), "Sports");
        String newer = site.publish("Marathon moves to spring", now.minus(2, ChronoUnit.HOURS), "Sports");
        long newerId = site.count("select id from story where slug = '" + newer + "'");
        JavalinTest.test(site.app, (server, unused) -> {
            Http client = new Http(server.port());
            assertThat(client.get("/articles/" + older).text()).contains("Marathon moves to spring");

            site.rename(newerId, "Marathon stays in autumn after all");
            site.applyChanges();

            // The related cards are kept per tag across articles; the edit must reach them, not only the page cache.
            assertThat(client.get("/articles/" + older).text())
                    .contains(">Marathon stays in autumn after all</a>")
                    .doesNotContain(">Marathon moves to spring</a>");
        });
    }

    @Test
    void a_new_story_drops_the_lists_it_joins_and_keeps_the_others() {
        TestSite site = TestSite.create();
        Instant now = Instant.now();
        String sports = site.publish("Cup final goes to penalties", now.minus(3, ChronoUnit.HOURS), "Sports");
        // Sports already leads the sections in the navigation, so a third story does not reorder it on every page.
        site.publish("Marathon moves to spring", now.minus(4, ChronoUnit.HOURS), "Sports");
        JavalinTest.test(site.app, (server, unused) -> {
            Http client = new Http(server.port());
            for (String path : List.of("/", "/tags/sports", "/tags/ai", "/articles/" + sports, LAUNCH_PATH)) {
                client.get(path);
            }

            site.publish("Relay team sets a record", now.minus(1, ChronoUnit.MINUTES), "Sports");

            assertThat(site.pageCache().contains("/")).isFalse();
            assertThat(site.pageCache().contains("/tags/sports")).isFalse();
            // Its related stories come from the newest in Sports.
            assertThat(site.pageCache().contains("/articles/" + sports)).isFalse();
            assertThat(site.pageCache().contains("/tags/ai")).isTrue();
            assertThat(site.pageCache().contains(LAUNCH_PATH)).isTrue();
            assertThat(client.get("/tags/sports").text()).contains("Relay team sets a record");
        });
    }

    @Test
    void archive_pages_stay_correct_at_their_edges_as_stories_arrive() {
        TestSite site = TestSite.create();
        Instant start = Instant.now().minus(1, ChronoUnit.DAYS);
        // With the launch story (the newest), 30 stories: pages 1 to 3 of ten each, stories 09 to 00 on page 3.
        for (int i = 0; i < 29; i++) {
            site.publish(headline(i), start.plus(i, ChronoUnit.MINUTES), "Archive");
        }
        JavalinTest.test(site.app, (server, unused) -> {
            Http client = new Http(server.port());
            for (int round = 0; round < 2; round++) {
                assertThat(client.get("/page/2").text()).contains(headline(10));
                assertThat(client.get("/page/3").text()).contains(headline(9), headline(0));
                assertThat(client.get("/page/3").text()).doesNotContain(headline(10));
                assertThat(client.get("/page/4").status()).isEqualTo(404);
                assertThat(client.get("/tags/archive/page/3").status()).isEqualTo(200);
                assertThat(client.get("/tags/archive/page/4").status()).isEqualTo(404);
            }
            assertThat(client.get("/page/3").header(PageCache.STATUS_HEADER)).isEqualTo("hit");

            site.publish(headline(29), start.plus(29, ChronoUnit.MINUTES), "Archive");

            // Everything below the launch story moved down one place: story 00 is now alone on page 4.
            assertThat(client.get("/page/4").status()).isEqualTo(200);
            assertThat(client.get("/page/4").text()).contains(headline(0));
            assertThat(client.get("/page/3").text()).contains(headline(10)).doesNotContain(headline(0));
            assertThat(client.get("/page/2").text()).doesNotContain(headline(10));
            assertThat(client.get("/").text()).contains(headline(29));
            assertThat(client.get("/tags/archive/page/3").text()).contains(headline(0));
            assertThat(client.get("/tags/archive/page/4").status()).isEqualTo(404);
        });
    }

    private static String headline(int n) {
        return String.format("Archive story number %02d", n);
    }

    @Test
    void a_scheduled_story_appears_on_cached_pages_when_its_time_comes() {
        MovableClock clock = new MovableClock(Instant.now());
        TestSite site = TestSite.create(clock);
        Instant goesLive = clock.instant().plus(1, ChronoUnit.HOURS);
        String slug = site.publish("Embargoed results are out", goesLive, "Results");
        JavalinTest.test(site.app, (server, unused) -> {
            Http client = new Http(server.port());
            assertThat(client.get("/").text()).doesNotContain("Embargoed results are out");
            assertThat(client.get("/").header(PageCache.STATUS_HEADER)).isEqualTo("hit");
            assertThat(client.get("/articles/" + slug).status()).isEqualTo(404);

            clock.set(goesLive.plusSeconds(1));

            assertThat(client.get("/").text()).contains("Embargoed results are out");
            assertThat(client.get("/articles/" + slug).status()).isEqualTo(200);
        });
    }

    @Test
    void an_edit_through_one_instance_shows_on_another_that_shares_the_database() throws Exception {
        TestSite site = TestSite.create();
        Javalin other = App.create(site.config);
        String slug = site.publish("Two servers, one newsroom", Instant.now().minus(1, ChronoUnit.HOURS), "Ops");
        long id = site.count("select id from story where slug = '" + slug + "'");
        other.start("127.0.0.1", 0);
        try {
            HttpClient http = HttpClient.newHttpClient();
            URI article = URI.create("http://127.0.0.1:" + other.port() + "/articles/" + slug);
            assertThat(get(http, article)).doesNotContain("Both now show it.");
            assertThat(get(http, article)).doesNotContain("Both now show it."); // from the cache

            // Written behind the other instance's back; only its own poller can tell it.
            site.postUpdate(id, Instant.now(), "Both now show it.");

            // Bounded wait for the background poll (every 200 ms); not a timing assertion.
            String body = "";
            for (int i = 0; i < 100 && !body.contains("Both now show it."); i++) {
                Thread.sleep(50);
                body = get(http, article);
            }
            assertThat(body).contains("Both now show it.");
        } finally {
            other.stop();
        }
    }

    private static String get(HttpClient http, URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
