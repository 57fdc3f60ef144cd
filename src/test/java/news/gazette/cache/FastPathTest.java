package news.gazette.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.gazette.TestSite;
import org.junit.jupiter.api.Test;

/**
 * {@link CacheHitHandler} answers cache hits in Jetty, before Javalin. A made-up query parameter shares the cache entry
 * but goes the slow road through Javalin, so each answer can be compared with Javalin's answer for the same page.
 */
class FastPathTest {

    private static final String LAUNCH_PATH = PageCacheTest.LAUNCH_PATH;

    @Test
    void fast_hits_carry_the_same_status_headers_and_bytes_as_hits_served_by_javalin() {
        TestSite site = TestSite.create();
        JavalinTest.test(site.app, (server, unused) -> {
            Http client = new Http(server.port());
            for (String path : List.of(
                    "/",
                    LAUNCH_PATH,
                    LAUNCH_PATH + "?utm_source=newsletter&fbclid=x1",
                    "/tags/ai",
                    "/feed.xml",
                    "/feed.json",
                    "/robots.txt",
                    "/search?q=claude+access",
                    "/search?q=openai&utm_source=x")) {
                client.get(path); // rendered and kept
                String etag = client.get(path).header("ETag");
                for (String[] request : List.of(
                        new String[] {"GET"},
                        new String[] {"GET", "Accept-Encoding", "gzip, deflate"},
                        new String[] {"HEAD"},
                        new String[] {"GET", "If-None-Match", etag},
                        new String[] {"GET", "Accept-Encoding", "gzip", "If-None-Match", "\"stale\""})) {
                    String method = request[0];
                    String[] headers =
                            List.of(request).subList(1, request.length).toArray(String[]::new);
                    Http.Reply fast = client.send(method, path, headers);
                    Http.Reply slow = client.send(method, slowRoad(path), headers);
                    String what = String.join(" ", request) + " " + path;
                    assertThat(fast.header(PageCache.STATUS_HEADER)).as(what).isEqualTo("hit");
                    assertThat(fast.status()).as(what).isEqualTo(slow.status());
                    assertThat(fast.bytes()).as(what).isEqualTo(slow.bytes());
                    assertThat(headersOf(fast)).as(what).isEqualTo(headersOf(slow));
                }
            }
        });
    }

    @Test
    void fast_hits_do_not_enter_javalin_but_are_counted_as_hits() {
        TestSite site = TestSite.create();
        JavalinTest.test(site.app, (server, unused) -> {
            Http client = new Http(server.port());
            for (int i = 0; i < 5; i++) {
                assertThat(client.get(LAUNCH_PATH).status()).isEqualTo(200);
            }
            String metrics = client.get("/metrics").text();
            // Only the first request, which rendered the page, went through Javalin's router and its request timer.
            assertThat(metrics)
                    .contains(
                            "gazette_http_requests_seconds_count{method=\"GET\",route=\"/articles/{slug}\",status=\"200\"} 1");
            assertThat(counter(metrics, "gazette_cache_requests_total{result=\"hit\"}"))
                    .isEqualTo(4);
        });
    }

    @Test
    void paths_that_are_not_plain_go_to_javalin() {
        assertThat(CacheHitHandler.isPlainPath("/")).isTrue();
        assertThat(CacheHitHandler.isPlainPath("/articles/a-story_2~x")).isTrue();
        assertThat(CacheHitHandler.isPlainPath("/sitemaps/stories-1.xml")).isTrue();
        assertThat(CacheHitHandler.isPlainPath("/tags/ai/feed.json")).isTrue();
        for (String path : new String[] {
            null,
            "",
            "articles",
            "//",
            "/a//b",
            "/.",
            "/..",
            "/a/../b",
            "/a/./b",
            "/.hidden",
            "/a%2Fb",
            "/a;b",
            "/ä",
            "/a b"
        }) {
            assertThat(CacheHitHandler.isPlainPath(path))
                    .as(String.valueOf(path))
                    .isFalse();
        }
    }

    @Test
    void a_page_that_is_not_cached_is_rendered_by_javalin_and_a_post_is_never_answered_from_the_cache() {
        TestSite site = TestSite.create();
        JavalinTest.test(site.app, (server, unused) -> {
            Http client = new Http(server.port());
            assertThat(client.get("/tags/ai").header(PageCache.STATUS_HEADER)).isEqualTo("miss");
            assertThat(client.get("/tags/ai").header(PageCache.STATUS_HEADER)).isEqualTo("hit");
            Http.Reply post = client.send("POST", "/tags/ai");
            assertThat(post.status()).isEqualTo(405);
            assertThat(post.header(PageCache.STATUS_HEADER)).isNull();
        });
    }

    @Test
    void a_request_with_a_body_too_large_is_refused_even_for_a_cached_page() throws Exception {
        TestSite site = TestSite.create();
        JavalinTest.test(site.app, (server, unused) -> {
            Http client = new Http(server.port());
            client.get("/");
            assertThat(client.get("/").header(PageCache.STATUS_HEADER)).isEqualTo("hit");
            try (Socket socket = new Socket("127.0.0.1", server.port())) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream()
                        .write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 50000000\r\n\r\n"
                                .getBytes(StandardCharsets.US_ASCII));
                String statusLine = new BufferedReader(
                                new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                        .readLine();
                assertThat(statusLine).startsWith("HTTP/1.1 413");
            }
        });
    }

    @Test
    void queries_reach_the_fast_path_keyed_as_javalin_keys_them() {
        TestSite site = TestSite.create();
        site.publish("OpenAI answers the cutoff", Instant.now().minus(1, ChronoUnit.HOURS));
        JavalinTest.test(site.app, (server, unused) -> {
            Http client = new Http(server.port());
            String claude = client.get("/search?q=claude").text();
            String openai = client.get("/search?q=openai").text();
            for (int i = 0; i < 3; i++) {
                assertThat(client.get("/search?q=claude").text()).isEqualTo(claude);
                assertThat(client.get("/search?utm_source=x&q=openai").text()).isEqualTo(openai);
                assertThat(client.get(LAUNCH_PATH + "?fbclid=abc").status()).isEqualTo(200);
            }
            assertThat(claude).isNotEqualTo(openai).contains("Claude");
            String metrics = client.get("/metrics").text();
            // Two renders of search and one of the article went through Javalin; the nine repeats did not.
            assertThat(metrics)
                    .contains("gazette_http_requests_seconds_count{method=\"GET\",route=\"/search\",status=\"200\"} 2")
                    .contains(
                            "gazette_http_requests_seconds_count{method=\"GET\",route=\"/articles/{slug}\",status=\"200\"} 1");
        });
    }

    @Test
    void only_plain_queries_are_parsed_on_the_fast_path() {
        assertThat(PlainQuery.parse("q=grid+batteries&page=2&q=x&flag"))
                .containsExactly(
                        java.util.Map.entry("q", List.of("grid batteries", "x")),
                        java.util.Map.entry("page", List.of("2")),
                        java.util.Map.entry("flag", List.of("")));
        assertThat(PlainQuery.parse("q=caf%C3%A9")).isNull();
        assertThat(PlainQuery.parse("q=a;b")).isNull();
        assertThat(PlainQuery.parse("q=\"x\"")).isNull();
    }

    /** The same request, with a percent escape that keeps it off the fast path and on Javalin's road to the page. */
    private static String slowRoad(String path) {
        return path + (path.contains("?") ? "&" : "?") + "utm_source=%74est";
    }

    /** Response headers by lower-case name, without the Date (it moves with the clock). */
    private static Map<String, List<String>> headersOf(Http.Reply reply) {
        Map<String, List<String>> headers = new TreeMap<>();
        reply.raw().headers().map().forEach((name, values) -> {
            String key = name.toLowerCase(Locale.ROOT);
            if (!key.equals("date")) {
                headers.put(key, values.stream().sorted().toList());
            }
        });
        return headers;
    }

    private static long counter(String scrape, String series) {
        Matcher m = Pattern.compile(Pattern.quote(series) + " ([0-9.E]+)").matcher(scrape);
        assertThat(m.find()).as(series).isTrue();
        return (long) Double.parseDouble(m.group(1));
    }
}
