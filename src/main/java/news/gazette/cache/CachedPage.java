package news.gazette.cache;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;

/**
 * One rendered public page: the body as sent, its gzip copy made once, strong ETags for each, when it was rendered, the
 * dependency keys that invalidate it, and the moment a scheduled story goes live after which it must be rendered again.
 */
record CachedPage(
        String contentType,
        byte[] body,
        byte[] gzipped,
        String etag,
        String gzipEtag,
        long lastModifiedSeconds,
        String lastModified,
        Set<String> dependencies,
        Instant validUntil) {

    boolean dependsOnAny(Collection<String> changed) {
        for (String key : changed) {
            if (dependencies.contains(key)) {
                return true;
            }
        }
        return false;
    }

    /** Approximate heap bytes, for the cache's weight bound. */
    int weight() {
        return body.length + (gzipped == null ? 0 : gzipped.length) + 64 * dependencies.size() + 256;
    }
}
