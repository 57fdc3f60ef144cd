package news.gazette.websub;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every request the hub makes to someone else: verifications and deliveries to callbacks, publish pings to external
 * hubs. Short timeouts, no redirects followed (a callback that redirects could point the hub anywhere, past the address
 * check), and never on a reader's request or an editor's save: callers are the hub's own bounded threads.
 */
final class Outgoing {

    /** What a callback or hub answered; {@code status} 0 when it could not be reached, {@code problem} says why. */
    record Answer(int status, String body, String problem) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        String describe() {
            return problem != null ? problem : "status " + status;
        }
    }

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    // A challenge is 43 characters; a body longer than this is not an echo of it and is not read further.
    private static final int MAX_CHALLENGE_BODY = 1024;

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /** GET {@code callback} with the verification's parameters added to its query; reads at most 1 kB of the body. */
    Answer verify(String callback, Map<String, String> parameters) {
        String separator = callback.contains("?") ? "&" : "?";
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(callback + separator + form(parameters)))
                    .timeout(REQUEST_TIMEOUT)
                    .header("User-Agent", "Gazette-WebSub")
                    .GET()
                    .build();
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                byte[] bytes = body.readNBytes(MAX_CHALLENGE_BODY);
                return new Answer(response.statusCode(), new String(bytes, StandardCharsets.UTF_8), null);
            }
        } catch (IOException | IllegalArgumentException e) {
            return new Answer(0, "", problem(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, "", "interrupted");
        }
    }

    /** POST the feed's new body to a subscriber (WebSub 7), signed when it gave a secret. */
    Answer deliver(String callback, String hubUrl, String topic, LocalFeeds.Body feed, String secret) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(callback))
                .timeout(REQUEST_TIMEOUT)
                .header("User-Agent", "Gazette-WebSub")
                .header("Content-Type", feed.contentType())
                .header("Link", "<" + hubUrl + ">; rel=\"hub\", <" + topic + ">; rel=\"self\"")
                .POST(HttpRequest.BodyPublishers.ofByteArray(feed.bytes()));
        if (secret != null) {
            request.header(Signature.HEADER, Signature.of(secret, feed.bytes()));
        }
        return send(request.build());
    }

    /** POST {@code hub.mode=publish&hub.url=topic} to an external hub: the common publish ping. */
    Answer ping(String hub, String topic) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("hub.mode", "publish");
        form.put("hub.url", topic);
        return send(HttpRequest.newBuilder(URI.create(hub))
                .timeout(REQUEST_TIMEOUT)
                .header("User-Agent", "Gazette-WebSub")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form)))
                .build());
    }

    private Answer send(HttpRequest request) {
        try {
            return new Answer(
                    http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode(), "", null);
        } catch (IOException | IllegalArgumentException e) {
            return new Answer(0, "", problem(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, "", "interrupted");
        }
    }

    private static String problem(Exception e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    static String form(Map<String, String> parameters) {
        StringBuilder form = new StringBuilder();
        parameters.forEach((name, value) -> form.append(form.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return form.toString();
    }
}
