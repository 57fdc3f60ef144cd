package news.gazette.websub;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import news.gazette.feed.FeedFormat;

/**
 * A feed as this instance serves it to readers, fetched from itself over loopback. The hub delivers exactly the bytes a
 * reader would get, from the page cache when it holds them (a hit costs microseconds), rendered like any miss when it
 * does not; and it needs to know nothing about how each feed is made. Used only after this instance's change poller
 * dropped the pages a change made stale, so what it reads is at least as new as the change it follows.
 */
final class LocalFeeds {

    /** A feed's body as served, its type and its SHA-256. */
    record Body(byte[] bytes, String contentType, String hash) {}

    /** This instance could not answer for its feed now (busy, stopping): the caller tries again later. */
    static final class UnavailableException extends Exception {
        UnavailableException(String message) {
            super(message);
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private volatile String origin;

    /** Once the server listens: {@code host} as configured (any address is reached on loopback), the bound port. */
    void serveFrom(String host, int port) {
        String h = host == null || host.isBlank() || host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
        origin = "http://" + (h.contains(":") ? "[" + h + "]" : h) + ":" + port;
    }

    /** The feed at {@code path}, or null when the path answers but not with a feed (a tag that does not exist). */
    Body fetch(String path) throws UnavailableException {
        String from = origin;
        if (from == null) {
            throw new UnavailableException("the server is not listening yet");
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(from + path))
                .timeout(TIMEOUT)
                .header("User-Agent", "Gazette-WebSub")
                .GET()
                .build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UnavailableException("cannot read " + path + " from this instance: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("interrupted");
        }
        int status = response.statusCode();
        if (status >= 500 || status == 429) {
            throw new UnavailableException(path + " answered " + status);
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (status != 200 || !isFeed(type)) {
            return null;
        }
        return new Body(response.body(), type, Hashes.sha256(response.body()));
    }

    private static boolean isFeed(String contentType) {
        String type = contentType.toLowerCase(Locale.ROOT);
        for (FeedFormat format : FeedFormat.values()) {
            if (type.startsWith(format.mediaType())) {
                return true;
            }
        }
        return false;
    }
}
