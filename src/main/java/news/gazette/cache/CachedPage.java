package news.gazette.cache;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import news.gazette.change.ChangeKey;

/**
 * One rendered public page: the body as sent, its gzip copy made once, strong ETags for each, its Last-Modified, the
 * few headers of the handler's own that travel with it, the dependency keys that invalidate it, the moment after which
 * it must be rendered again, whether its route ignores every query parameter, and its headers encoded once for the
 * fast path.
 */
record CachedPage(
        String contentType,
        byte[] body,
        byte[] gzipped,
        String etag,
        String gzipEtag,
        long lastModifiedSeconds,
        String lastModified,
        List<Map.Entry<String, String>> ownHeaders,
        Set<ChangeKey> dependencies,
        Instant validUntil,
        boolean ignoresQuery,
        WireHeaders wire) {

    boolean dependsOnAny(Collection<ChangeKey> changed) {
        for (ChangeKey key : changed) {
            if (dependencies.contains(key)) {
                return true;
            }
        }
        return false;
    }

    /** Approximate heap bytes, for the cache's weight bound. */
    int weight() {
        return body.length + (gzipped == null ? 0 : gzipped.length) + 64 * dependencies.size() + 1024;
    }
}
