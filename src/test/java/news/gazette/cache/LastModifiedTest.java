package news.gazette.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import news.gazette.TestSite;
import news.gazette.TestSql;
import news.gazette.db.Jdbc;
import news.gazette.web.HttpDate;
import org.junit.jupiter.api.Test;

/**
 * {@code Last-Modified} says when what a page shows last changed, not when this instance happened to render it, so it
 * survives restarts and is the same on every instance; {@code If-Modified-Since} is answered against it.
 */
class LastModifiedTest {

    // The site's clock runs ten days ahead, so the time a page is rendered cannot pass for the time its content
    // changed.
    private static final Duration AHEAD = Duration.ofDays(10);

    @Test
    void pages_feeds_and_sitemaps_are_last_modified_when_what_they_show_changed() {
        TestSite site = TestSite.create(Clock.offset(Clock.systemUTC(), AHEAD));
        Instant launch = Instant.now().minus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Instant published = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Instant silentFix = published.plus(2, ChronoUnit.HOURS);
        Jdbc sql = TestSql.of(site);
        sql.update(
                "update story set published_at = ?, created_at = ?, modified_at = ? where slug = ?",
                launch,
                launch,
                launch,
                "anthropic-cuts-off-openai-from-claude-access");
        String slug = site.publish("Grid batteries come of age", published, "Energy");
        // A fix without an update note: readers see the new text, so the article changed, though not "updated".
        sql.update("update story set modified_at = ? where slug = ?", silentFix, slug);
        JavalinTest.test(site.app, (server, unused) -> {
            Http client = new Http(server.port());
            assertLastModified(client, "/articles/" + slug, silentFix);
            // Lists show headlines and summaries, which change with an update or publication.
            assertLastModified(client, "/", published);
            assertLastModified(client, "/tags/energy", published);
            assertLastModified(client, "/authors/test-reporter", published);
            // A feed carries whole bodies: its "updated" follows every save, and so does its Last-Modified.
            assertLastModified(client, "/feed.xml", silentFix);
            assertLastModified(client, "/atom.xml", silentFix);
            assertLastModified(client, "/tags/energy/feed.json", silentFix);
            assertLastModified(client, "/sitemap.xml", silentFix);
        });
    }

    @Test
    void if_modified_since_gets_304_at_the_content_date_and_200_a_second_before_it() {
        TestSite site = TestSite.create(Clock.offset(Clock.systemUTC(), AHEAD));
        Instant published = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        String slug = site.publish("Tide tables revised", published);
        TestSql.of(site).update("update story set modified_at = ? where slug = ?", published, slug);
        String path = "/articles/" + slug;
        JavalinTest.test(site.app, (server, unused) -> {
            Http client = new Http(server.port());
            client.get(path);
            for (String through : new String[] {path, path + "?utm_source=%74est"}) { // the fast path, then Javalin
                assertThat(client.get(through, "If-Modified-Since", HttpDate.format(published))
                                .status())
                        .as(through)
                        .isEqualTo(304);
                assertThat(client.get(through, "If-Modified-Since", HttpDate.format(published.minusSeconds(1)))
                                .status())
                        .as(through)
                        .isEqualTo(200);
            }
        });
    }

    @Test
    void a_page_whose_bytes_change_without_a_newer_date_is_not_answered_304_by_date() {
        TestSite site = TestSite.create(Clock.offset(Clock.systemUTC(), AHEAD));
        Instant newest = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        site.publish("The newest story", newest, "Energy");
        JavalinTest.test(site.app, (server, unused) -> {
            Http client = new Http(server.port());
            String before = client.get("/tags/energy").header("Last-Modified");
            assertThat(before).isEqualTo(HttpDate.format(newest));

            // An older story joins the list: the newest date on the page stays, yet the page is not the same.
            site.publish("An older story, published late", newest.minus(3, ChronoUnit.DAYS), "Energy");
            Http.Reply after = client.get("/tags/energy", "If-Modified-Since", before);
            assertThat(after.status()).isEqualTo(200);
            assertThat(after.text()).contains("An older story, published late");
            assertThat(HttpDate.parseSeconds(after.header("Last-Modified")))
                    .isGreaterThan(HttpDate.parseSeconds(before));
        });
    }

    private static void assertLastModified(Http client, String path, Instant changed) {
        client.get(path);
        Http.Reply fast = client.get(path);
        Http.Reply slow = client.get(path + "?utm_source=%74est");
        assertThat(fast.header("Last-Modified")).as(path).isEqualTo(HttpDate.format(changed));
        assertThat(slow.header("Last-Modified")).as(path).isEqualTo(HttpDate.format(changed));
    }
}
