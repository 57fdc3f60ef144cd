package news.gazette.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import news.gazette.TestSite;
import org.junit.jupiter.api.Test;

class OperationsTest {

    @Test
    void liveness_and_readiness_answer_without_caching() {
        TestSite site = TestSite.create();
        JavalinTest.test(site.app, (server, client) -> {
            var live = client.get("/healthz");
            assertThat(live.code()).isEqualTo(200);
            assertThat(live.body().string()).isEqualTo("ok\n");
            var ready = client.get("/readyz");
            assertThat(ready.code()).isEqualTo(200);
            assertThat(ready.body().string()).isEqualTo("ready\n");
            assertThat(ready.headers().get("Cache-Control")).asString().contains("no-store");
        });
    }

    @Test
    void metrics_count_requests_by_route_template_not_raw_path() {
        TestSite site = TestSite.create();
        JavalinTest.test(site.app, (server, client) -> {
            client.get("/articles/anthropic-cuts-off-openai-from-claude-access");
            client.get("/articles/no-such-story");
            String scrape = client.get("/metrics").body().string();
            assertThat(scrape)
                    .contains(
                            "gazette_http_requests_seconds_count{method=\"GET\",route=\"/articles/{slug}\",status=\"200\"} 1")
                    .contains("route=\"/articles/{slug}\",status=\"404\"")
                    .doesNotContain("no-such-story")
                    .contains("hikaricp_connections")
                    .contains("jvm_memory_used_bytes");
        });
    }

    @Test
    void metrics_are_refused_to_a_request_a_proxy_on_this_machine_forwarded() {
        TestSite site = TestSite.create();
        JavalinTest.test(site.app, (server, client) -> {
            assertThat(client.get("/metrics").code()).isEqualTo(200);
            for (String header : new String[] {"X-Forwarded-For", "Forwarded", "X-Real-IP"}) {
                var reply = client.get("/metrics", request -> request.header(header, "203.0.113.9"));
                assertThat(reply.code()).as(header).isEqualTo(403);
            }
        });
    }

    @Test
    void head_requests_get_the_page_headers_and_unknown_methods_get_405() throws Exception {
        TestSite site = TestSite.create();
        JavalinTest.test(site.app, (server, client) -> {
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + server.port();
            HttpResponse<String> head = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/articles/anthropic-cuts-off-openai-from-claude-access"))
                            .method("HEAD", HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(head.statusCode()).isEqualTo(200);
            assertThat(head.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).contains("text/html"));
            assertThat(head.body()).isEmpty();
            HttpResponse<String> brew = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/"))
                            .method("BREW", HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(brew.statusCode()).isEqualTo(405);
            assertThat(brew.body()).doesNotContain("Exception").doesNotContain("at io.javalin");
        });
    }

    @Test
    void stopping_the_server_finishes_a_request_in_flight() throws Exception {
        SlowClock clock = new SlowClock();
        TestSite site = TestSite.create(clock);
        Javalin app = site.app.start(0);
        HttpClient http = HttpClient.newHttpClient();
        URI front = URI.create("http://127.0.0.1:" + app.port() + "/");
        assertThat(http.send(HttpRequest.newBuilder(front).build(), HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(200);

        clock.slowDownNextRead();
        CompletableFuture<HttpResponse<String>> inFlight =
                http.sendAsync(HttpRequest.newBuilder(front).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(clock.slowReadStarted.await(10, TimeUnit.SECONDS)).isTrue(); // the handler is now at work
        CompletableFuture<Void> stopped = CompletableFuture.runAsync(app::stop);
        Thread.sleep(300);
        assertThat(stopped).as("stop waits for the request in flight").isNotDone();

        HttpResponse<String> answer = inFlight.get(15, TimeUnit.SECONDS);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("</html>");
        stopped.get(15, TimeUnit.SECONDS);
    }

    /**
     * A clock whose next read by a request thread, once armed, takes a second: a handler that is slow at its work.
     * Other threads read it too (the change poller, five times a second), and must not take the slow read instead.
     */
    static final class SlowClock extends Clock {
        final CountDownLatch slowReadStarted = new CountDownLatch(1);
        private final AtomicBoolean armed = new AtomicBoolean();

        void slowDownNextRead() {
            armed.set(true);
        }

        @Override
        public Instant instant() {
            if (Thread.currentThread().getName().startsWith("gazette-http") && armed.getAndSet(false)) {
                slowReadStarted.countDown();
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return Instant.now();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    @Test
    void the_request_log_has_method_path_status_and_time_but_no_query_or_cookie() throws Exception {
        TestSite site = TestSite.create();
        Javalin app = site.app.start(0);
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port()
                                            + "/admin/login?next=%2Fadmin&token=s3cret-query"))
                                    .header("Cookie", "gazette_session=s3cret-cookie")
                                    .header("Authorization", "Bearer s3cret-header")
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            for (int i = 0;
                    i < 100 && !captured.toString(StandardCharsets.UTF_8).contains("GET /admin/login");
                    i++) {
                Thread.sleep(20);
            }
        } finally {
            System.setErr(original);
            app.stop();
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log).containsPattern("GET /admin/login 200 [0-9.]+ms").doesNotContain("s3cret");
    }
}
