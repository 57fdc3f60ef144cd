package news.gazette.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import news.gazette.TestSite;
import org.junit.jupiter.api.Test;

/** The page cache's HTTP behaviour: hits, conditional requests, compression, and what is never cached. */
class PageCacheTest {

    static final String LAUNCH_PATH = "/articles/anthropic-cuts-off-openai-from-claude-access";

    @Test
    void a_second_request_is_answered_from_the_cache_with_the_same_bytes() {
        TestSite site = TestSite.create();
        JavalinTest.test(site.app, (server, unused) -> {
            Http client = new Http(server.port());
            Http.Reply first = client.get("/");
            String firstBody = first.text();
            assertThat(first.header(PageCache.STATUS_HEADER)).isEqualTo("miss");
            Http.Reply second = client.get("/");
            assertThat(second.status()).isEqualTo(200);
            assertThat(second.header(PageCache.STATUS_HEADER)).isEqualTo("hit");
            assertThat(second.text()).isEqualTo(firstBody);
            assertThat(second.header("Cache-Control")).isEqualTo(PageCache.CACHE_CONTROL);
            assertThat(second.header("ETag")).isEqualTo(first.header("ETag")).startsWith("\"");
            assertThat(second.header("Last-Modified")).isNotBlank();
            assertThat(second.header("Vary")).contains("Accept-Encoding");
            assertThat(second.header("Content-Security-Policy")).isNotBlank();
            assertThat(second.header("Content-Type")).contains("text/html");
        });
    }

    @Test
    void a_page_a_full_cache_does_not_keep_is_still_sent_for_shared_caches_to_keep() {
        PageCache cache = new PageCache(64 * 1024, Clock.systemUTC(), new SimpleMeterRegistry());
        // About 9 kB each (incompressible enough to weigh with its gzip copy): twenty fill the 64 kB and more.
        Javalin app = Javalin.create(c ->
                c.routes.get("/pages/{n}", cache.cached(ctx -> ctx.html(noise(ctx.pathParam("n"), 9_000)))));
        JavalinTest.test(app, (server, unused) -> {
            Http client = new Http(server.port());
            assertThat(client.get("/pages/0").header(PageCache.STATUS_HEADER)).isEqualTo("miss");
            assertThat(cache.contains("/pages/0"))
                    .as("kept while the cache has room")
                    .isTrue();
            for (int n = 1; n <= 20; n++) {
                client.get("/pages/" + n);
            }

            // Asked for once: not kept here (Admission; which pages stay after that is Caffeine's choice), but the
            // answer is current, so a shared cache in front may keep it as usual.
            Http.Reply once = client.get("/pages/crawled");
            assertThat(once.status()).isEqualTo(200);
            assertThat(once.header(PageCache.STATUS_HEADER)).isEqualTo("miss");
            assertThat(once.header("Cache-Control")).isEqualTo(PageCache.CACHE_CONTROL);
            assertThat(once.text()).isEqualTo(noise("crawled", 9_000));
            assertThat(cache.contains("/pages/crawled")).isFalse();
        });
    }

    private static String noise(String seed, int length) {
        java.util.Random random = new java.util.Random(seed.hashCode());
        StringBuilder text = new StringBuilder(length);
        while (text.length() < length) {
            text.append(Long.toString(random.nextLong(), 36));
        }
        return text.toString();
    }

    @Test
    void a_conditional_get_gets_304_and_a_changed_page_does_not() {
        TestSite site = TestSite.create();
        JavalinTest.test(site.app, (server, unused) -> {
            Http client = new Http(server.port());
            String etag = client.get("/").header("ETag");
            String lastModified = client.get("/").header("Last-Modified");

            Http.Reply unchanged = client.get("/", "If-None-Match", etag);
            assertThat(unchanged.status()).isEqualTo(304);
            assertThat(unchanged.bytes()).isEmpty();
            assertThat(unchanged.header("ETag")).isEqualTo(etag);
            assertThat(client.get("/", "If-None-Match", "\"other\", " + etag).status())
                    .isEqualTo(304);
            assertThat(client.get("/", "If-Modified-Since", lastModified).status())
                    .isEqualTo(304);
            assertThat(client.get("/", "If-None-Match", "\"other\"").status()).isEqualTo(200);

            site.publish("A new lead story", Instant.now().minus(1, ChronoUnit.MINUTES), "Energy");

            Http.Reply changed = client.get("/", "If-None-Match", etag);
            assertThat(changed.status()).isEqualTo(200);
            assertThat(changed.header("ETag")).isNotEqualTo(etag);
            assertThat(changed.text()).contains("A new lead story");
        });
    }

    @Test
    void compressed_and_uncompressed_answers_carry_the_same_content() {
        TestSite site = TestSite.create();
        JavalinTest.test(site.app, (server, unused) -> {
            Http client = new Http(server.port());
            for (String path : new String[] {"/", LAUNCH_PATH, "/tags/ai", "/authors/news-desk"}) {
                for (int round = 0; round < 2; round++) { // rendered, then from the cache
                    Http.Reply plain = client.get(path, "Accept-Encoding", "identity");
                    Http.Reply zipped = client.get(path, "Accept-Encoding", "gzip");
                    assertThat(plain.header("Content-Encoding")).isNull();
                    assertThat(zipped.header("Content-Encoding")).isEqualTo("gzip");
                    assertThat(zipped.header("ETag")).isNotEqualTo(plain.header("ETag"));
                    assertThat(zipped.bytes().length).isLessThan(plain.bytes().length);
                    assertThat(Http.gunzip(zipped.bytes()))
                            .isEqualTo(new String(plain.bytes(), StandardCharsets.UTF_8))
                            .contains("</html>");
                }
            }
        });
    }

    @Test
    void a_client_that_refuses_gzip_gets_it_plain() {
        assertThat(CachedResponse.acceptsGzip("gzip, deflate, br")).isTrue();
        assertThat(CachedResponse.acceptsGzip("br;q=1.0, gzip;q=0.8")).isTrue();
        assertThat(CachedResponse.acceptsGzip("*")).isTrue();
        assertThat(CachedResponse.acceptsGzip("gzip;q=0")).isFalse();
        assertThat(CachedResponse.acceptsGzip("identity")).isFalse();
        assertThat(CachedResponse.acceptsGzip(null)).isFalse();
    }

    @Test
    void made_up_query_parameters_share_the_page_and_errors_are_not_cached() {
        TestSite site = TestSite.create();
        JavalinTest.test(site.app, (server, unused) -> {
            Http client = new Http(server.port());
            client.get("/");
            assertThat(client.get("/?utm_source=x&junk=1").header(PageCache.STATUS_HEADER))
                    .isEqualTo("hit");
            assertThat(client.get("/articles/no-such-story").status()).isEqualTo(404);
            assertThat(site.pageCache().contains("/articles/no-such-story")).isFalse();
            assertThat(client.get("/page/1").status()).isEqualTo(301);
            assertThat(site.pageCache().contains("/page/1")).isFalse();
        });
    }

    @Test
    void newsroom_pages_are_never_cached() {
        TestSite site = TestSite.create();
        JavalinTest.test(site.app, (server, unused) -> {
            Http client = new Http(server.port());
            Http.Reply login = client.get("/admin/login");
            assertThat(login.header(PageCache.STATUS_HEADER)).isNull();
            assertThat(login.header("Cache-Control")).contains("no-store");
            assertThat(site.pageCache().contains("/admin/login")).isFalse();
        });
    }

    @Test
    void cache_hits_and_misses_are_counted_in_the_metrics() {
        TestSite site = TestSite.create();
        JavalinTest.test(site.app, (server, unused) -> {
            Http client = new Http(server.port());
            client.get("/");
            client.get("/");
            String metrics = client.get("/metrics").text();
            assertThat(metrics).contains("gazette_cache_requests_total{result=\"hit\"}");
            assertThat(metrics).contains("gazette_cache_requests_total{result=\"miss\"}");
            assertThat(metrics).contains("gazette_cache_bytes");
        });
    }
}
