package news.gazette.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import news.gazette.App;
import news.gazette.Config;
import news.gazette.TestSite;
import org.junit.jupiter.api.Test;

class SecurityHeadersTest {

    private static final String[][] REQUESTS = {
        {"GET", "/"},
        {"GET", "/articles/anthropic-cuts-off-openai-from-claude-access"},
        {"GET", "/articles/no-such-story"},
        {"GET", "/admin/login"},
        {"GET", "/admin"},
        {"POST", "/admin/stories/new"},
        {"BREW", "/"},
        {"GET", "/media/../../etc/passwd"},
        {"GET", "/healthz"},
    };

    @Test
    void every_answer_has_the_policy_headers_and_none_names_the_server() {
        TestSite site = TestSite.create();
        JavalinTest.test(site.app, (server, client) -> {
            HttpClient http = HttpClient.newHttpClient();
            for (String[] r : REQUESTS) {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + r[1]))
                                .method(r[0], HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                String what = r[0] + " " + r[1] + " " + response.statusCode();
                var headers = response.headers();
                assertThat(headers.firstValue("Content-Security-Policy"))
                        .as(what)
                        .hasValueSatisfying(csp -> assertThat(csp)
                                .contains("script-src 'self'")
                                .contains("frame-ancestors 'none'")
                                .doesNotContain("unsafe-inline"));
                assertThat(headers.firstValue("X-Content-Type-Options"))
                        .as(what)
                        .contains("nosniff");
                assertThat(headers.firstValue("X-Frame-Options")).as(what).contains("DENY");
                assertThat(headers.firstValue("Referrer-Policy")).as(what).isPresent();
                assertThat(headers.firstValue("Server")).as(what).isEmpty();
                assertThat(headers.firstValue("X-Powered-By")).as(what).isEmpty();
                assertThat(headers.firstValue("Strict-Transport-Security"))
                        .as("no HSTS over plain http")
                        .isEmpty();
                assertThat(response.body().toLowerCase())
                        .as(what)
                        .doesNotContain("jetty")
                        .doesNotContain("javalin");
            }
        });
    }

    @Test
    void behind_an_https_base_url_every_answer_asks_for_https_from_now_on() {
        Config config = Config.forTest().withBaseUrl("https://news.example.org");
        JavalinTest.test(App.create(config, Clock.systemUTC()), (server, client) -> {
            for (String path : new String[] {"/", "/no-such-page", "/admin/login"}) {
                assertThat(client.get(path).headers().get("Strict-Transport-Security"))
                        .as(path)
                        .asString()
                        .contains("max-age=31536000");
            }
        });
    }
}
