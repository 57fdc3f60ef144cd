package news.gazette.admin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A browser-like client for newsroom tests: keeps the session cookie, reads the CSRF token from pages, sends forms
 * URL-encoded or as multipart, and never follows redirects so that tests can see them.
 */
final class NewsroomClient {

    record Reply(int status, String body, HttpResponse<String> raw) {
        Document doc() {
            return Jsoup.parse(body);
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    /** One file in a multipart form. */
    record Upload(String field, String filename, String contentType, byte[] bytes) {}

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    String cookie;
    String csrf;
    /** When set, sent as {@code X-Forwarded-For}: plays a client behind a proxy the site trusts (or should not). */
    String forwardedFor;

    NewsroomClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    Reply get(String path) {
        return send(request(path).GET());
    }

    Reply post(String path, Map<String, String> form) {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return send(request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /** Posts a form and returns the raw bytes of a 200 answer (a download), failing on any other status. */
    byte[] download(String path, Map<String, String> form) {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        try {
            HttpResponse<byte[]> response = http.send(
                    request(path)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new AssertionError("download of " + path + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    Reply postMultipart(String path, Map<String, String> form, Upload upload) {
        String boundary = "----gazette" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            for (Map.Entry<String, String> field : form.entrySet()) {
                out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                                + "\"\r\n\r\n" + field.getValue() + "\r\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            if (upload != null) {
                out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + upload.field()
                                + "\"; filename=\"" + upload.filename() + "\"\r\nContent-Type: " + upload.contentType()
                                + "\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
                out.write(upload.bytes());
                out.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return send(request(path)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())));
    }

    /** Signs in and picks up the CSRF token from the dashboard. */
    Reply signIn(String username, String password) {
        Reply reply = post("/admin/login", Map.of("username", username, "password", password, "next", "/admin"));
        if (reply.status() == 303) {
            csrf = get("/admin").doc().selectFirst("input[name=csrf]").attr("value");
        }
        return reply;
    }

    /**
     * A form with this session's CSRF token plus {@code fields}. A story form goes past the pre-publish checklist
     * (its warnings are for a person; tests of other things publish bare stories) unless {@code fields} give
     * {@code checklist} themselves, as {@link PublishChecklistTest} does.
     */
    Map<String, String> form(String... fields) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("csrf", csrf);
        for (int i = 0; i < fields.length; i += 2) {
            form.put(fields[i], fields[i + 1]);
        }
        if (form.containsKey("publish")) {
            form.putIfAbsent("checklist", "override");
        }
        return form;
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        if (forwardedFor != null) {
            b.header("X-Forwarded-For", forwardedFor);
        }
        return b;
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            response.headers().firstValue("Set-Cookie").ifPresent(c -> {
                String pair = c.split(";", 2)[0];
                cookie = pair.endsWith("=") ? null : pair;
            });
            return new Reply(response.statusCode(), response.body(), response);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
