package news.gazette.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Instant;

/**
 * Dates each rendered page for {@code Last-Modified} and {@code If-Modified-Since}: the newest change its handler
 * declared ({@link PageCache#lastModified}), never later than the render (RFC 9110 §8.8.2.1), or the render time when
 * it declared nothing.
 *
 * <p>A declared date is the newest of what the page shows, and so misses a story leaving a list, or an older one
 * joining it: the bytes change but the date does not, and a client that asks by date alone would keep its old copy.
 * So the date and ETag each page was last sent with are remembered, including across invalidations: new bytes without
 * a newer declared date are dated at their render, and the same bytes keep their date.
 */
final class LastModified {

    // A page's key, its ETag and a date: about 150 bytes each, for more pages than the cache holds at once.
    private static final int REMEMBERED = 10_000;

    private record Sent(String etag, long seconds) {}

    private final Cache<String, Sent> sent = Caffeine.newBuilder()
            .executor(Runnable::run)
            .maximumSize(REMEMBERED)
            .build();

    /** The Last-Modified, in seconds since the epoch, of the page at {@code key} rendered now with {@code etag}. */
    long seconds(String key, String etag, Instant declared, Instant renderedAt) {
        long now = renderedAt.getEpochSecond();
        long chosen = declared == null ? now : Math.min(declared.getEpochSecond(), now);
        return sent.asMap()
                .compute(key, (k, before) -> {
                    if (before == null) {
                        return new Sent(etag, chosen);
                    }
                    if (before.etag().equals(etag)) {
                        return before;
                    }
                    return new Sent(etag, chosen > before.seconds() ? chosen : now);
                })
                .seconds();
    }
}
