package news.gazette.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import news.gazette.TestSite;
import news.gazette.change.ChangeKey;
import news.gazette.story.StoryStatus;
import org.junit.jupiter.api.Test;

/** What a cache in front reads from Gazette's answers: the keys to purge a page by, and how long it may keep it. */
class ProxyHeadersTest {

    @Test
    void public_pages_carry_their_keys_and_a_shared_cache_lifetime_while_the_newsroom_stays_private() {
        TestSite site = TestSite.create();
        long launch = site.count("select min(id) from story");
        JavalinTest.test(site.app, (server, unused) -> {
            Http client = new Http(server.port());
            for (int i = 0; i < 2; i++) { // the render, then the hit from the fast path
                Http.Reply article = client.get(PageCacheTest.LAUNCH_PATH);
                assertThat(article.header("Cache-Control"))
                        .isEqualTo("public, max-age=0, s-maxage=60, stale-while-revalidate=30, stale-if-error=86400");
                assertThat(List.of(article.header("xkey").split(" "))).contains("site", "story:" + launch);
                assertThat(article.header("Surrogate-Key")).isEqualTo(article.header("xkey"));
                assertThat(article.header("Cache-Tag")).isNull();
            }
            Http.Reply front = client.get("/");
            assertThat(List.of(front.header("xkey").split(" "))).contains("site", "list");
            // A page that names nothing goes with every change.
            assertThat(client.get("/search?q=claude").header("xkey").split(" "))
                    .containsExactlyInAnyOrder("any", "site");

            Http.Reply login = client.get("/admin/login");
            assertThat(login.header("Cache-Control")).isEqualTo("private, no-store");
            assertThat(login.header("xkey")).isNull();
            assertThat(client.get("/admin").header("Cache-Control")).isEqualTo("private, no-store");
        });
    }

    @Test
    void a_render_that_overlapped_a_change_is_neither_kept_nor_shared() {
        PageCache cache = new PageCache(1 << 20, Clock.systemUTC(), new SimpleMeterRegistry());
        Javalin app = Javalin.create(c -> c.routes.get("/overlapped", cache.cached(ctx -> {
            cache.invalidate(List.of(ChangeKey.LIST)); // a change lands while this page renders
            ctx.html("maybe old");
        })));
        JavalinTest.test(app, (server, unused) -> {
            Http.Reply reply = new Http(server.port()).get("/overlapped");
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.header("Cache-Control")).isEqualTo("private, no-cache");
            assertThat(cache.contains("/overlapped")).isFalse();
        });
    }

    @Test
    void cache_tag_is_sent_comma_separated_when_configured() {
        TestSite site = TestSite.create(c -> c.withProxy(new ProxyOptions(List.of(), true)));
        JavalinTest.test(site.app, (server, unused) -> {
            Http.Reply front = new Http(server.port()).get("/");
            assertThat(front.header("Cache-Tag")).isEqualTo(front.header("xkey").replace(' ', ','));
        });
    }

    @Test
    void a_shared_copy_never_outlives_the_next_scheduled_story() {
        TestSite site = TestSite.create();
        site.save(
                "Due in half a minute",
                StoryStatus.PUBLISHED,
                Instant.now().plusSeconds(30).truncatedTo(ChronoUnit.SECONDS),
                "Soon.");
        JavalinTest.test(site.app, (server, unused) -> {
            Http client = new Http(server.port());
            for (int i = 0; i < 2; i++) {
                String cacheControl = client.get("/").header("Cache-Control");
                int seconds = Integer.parseInt(cacheControl.replaceAll(".*s-maxage=(\\d+).*", "$1"));
                assertThat(seconds).as(cacheControl).isBetween(1, 30);
            }
        });
    }
}
