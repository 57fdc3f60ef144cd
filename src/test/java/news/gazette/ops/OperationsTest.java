package news.gazette.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
}
