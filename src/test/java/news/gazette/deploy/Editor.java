package news.gazette.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import news.gazette.TestSite;
import org.jsoup.Jsoup;

/** An editor's session, usable on any port: an instance or the proxy in front of them. */
final class Editor {

    record Reply(int status, String body, String location) {}

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private String cookie;
    private String csrf;

    /** Signs in as admin on {@code port} and reads the CSRF token from the dashboard. */
    static Editor signIn(int port) {
        Editor editor = new Editor();
        Reply reply = editor.post(
                port,
                Map.of("username", "admin", "password", TestSite.ADMIN_PASSWORD, "next", "/admin"),
                "/admin/login");
        assertThat(reply.status()).as(reply.body()).isEqualTo(303);
        editor.csrf = Jsoup.parse(editor.get(port, "/admin").body())
                .selectFirst("input[name=csrf]")
                .attr("value");
        return editor;
    }

    /** Publishes a story through the form on {@code port}; returns its id, or -1 when the save was not confirmed. */
    long publish(int port, String headline, String body) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("csrf", csrf);
        form.put("headline", headline);
        form.put("author", "Night desk");
        form.put("body", body);
        form.put("publish", "now");
        form.put("checklist", "override"); // a bare test story: no summary, no tags
        Reply reply = post(port, form, "/admin/stories/new");
        if (reply.status() != 303
                || reply.location() == null
                || !reply.location().matches("/admin/stories/\\d+\\?saved=1")) {
            return -1;
        }
        return Long.parseLong(reply.location().replaceAll("\\D+(\\d+).*", "$1"));
    }

    /** Starts live coverage of story {@code id} through {@code port}; true once the desk confirmed it. */
    boolean startLive(int port, long id) {
        return post(port, Map.of("csrf", csrf), "/admin/stories/" + id + "/live/start")
                        .status()
                == 303;
    }

    /** Posts a live entry to story {@code id} through {@code port}; true once the desk confirmed it. */
    boolean postLiveEntry(int port, long id, String body) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("csrf", csrf);
        form.put("body", body);
        form.put("author", "Night desk");
        return post(port, form, "/admin/stories/" + id + "/live/entries").status() == 303;
    }

    Reply get(int port, String path) {
        return send(request(port, path).GET());
    }

    private Reply post(int port, Map<String, String> form, String path) {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return send(request(port, path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    private HttpRequest.Builder request(int port, String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(40));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return b;
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            response.headers().firstValue("Set-Cookie").ifPresent(c -> cookie = c.split(";", 2)[0]);
            return new Reply(
                    response.statusCode(),
                    response.body(),
                    response.headers().firstValue("Location").orElse(null));
        } catch (IOException e) {
            return new Reply(-1, e.toString(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(-1, "interrupted", null);
        }
    }
}
