package news.gazette.websub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import news.gazette.TestSite;
import org.jsoup.Jsoup;

/** An editor at the newsroom's forms, as a browser sends them: signs in, publishes a story, times the save's answer. */
final class Newsroom {

    /** The save's answer: its status and how long the editor waited for it. */
    record Saved(int status, long millis) {}

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    private String cookie;
    private String csrf;

    private Newsroom(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    static Newsroom signIn(int port) {
        Newsroom editor = new Newsroom(port);
        HttpResponse<String> signedIn = editor.post(
                "/admin/login", Map.of("username", "admin", "password", TestSite.ADMIN_PASSWORD, "next", "/admin"));
        if (signedIn.statusCode() != 303) {
            throw new AssertionError("sign-in answered " + signedIn.statusCode());
        }
        editor.csrf = Jsoup.parse(editor.get("/admin").body())
                .selectFirst("input[name=csrf]")
                .attr("value");
        return editor;
    }

    /** Publishes a story now through the editor's form, past the checklist. */
    Saved publish(String headline, String body) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("csrf", csrf);
        form.put("headline", headline);
        form.put("author", "Desk");
        form.put("body", body);
        form.put("publish", "now");
        form.put("checklist", "override");
        long started = System.nanoTime();
        HttpResponse<String> saved = post("/admin/stories/new", form);
        return new Saved(saved.statusCode(), (System.nanoTime() - started) / 1_000_000);
    }

    private HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    private HttpResponse<String> post(String path, Map<String, String> form) {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            response.headers().firstValue("Set-Cookie").ifPresent(c -> cookie = c.split(";", 2)[0]);
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
