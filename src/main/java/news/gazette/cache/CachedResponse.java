package news.gazette.cache;

import io.javalin.http.Context;
import java.util.Map;
import news.gazette.web.HttpDate;

/**
 * Sends a cached page through Javalin: the gzip copy or the plain bytes, or a bodiless 304 when the client's copy is
 * current. {@link CacheHitHandler} gives the same answers straight from Jetty; the rules for both live here.
 */
final class CachedResponse {

    private CachedResponse() {}

    static void send(Context ctx, CachedPage page, String cacheControl) {
        boolean gzip = page.gzipped() != null && acceptsGzip(ctx.header("Accept-Encoding"));
        ctx.header("Cache-Control", cacheControl);
        ctx.header("ETag", gzip ? page.gzipEtag() : page.etag());
        ctx.header("Last-Modified", page.lastModified());
        for (Map.Entry<String, String> header : page.ownHeaders()) {
            ctx.header(header.getKey(), header.getValue());
        }
        // Vary: Accept-Encoding comes with every response, from SecurityHeaders.
        if (notModified(ctx.header("If-None-Match"), ctx.header("If-Modified-Since"), page)) {
            ctx.status(304);
            ctx.res().setContentType(null);
            return;
        }
        ctx.contentType(page.contentType());
        byte[] bytes = gzip ? page.gzipped() : page.body();
        if (gzip) {
            ctx.header("Content-Encoding", "gzip");
        }
        // Known in advance, so no chunked encoding for pages larger than the output buffer.
        ctx.res().setContentLength(bytes.length);
        ctx.result(bytes);
    }

    /** RFC 9110: If-None-Match wins over If-Modified-Since; either representation's tag matches (weak comparison). */
    static boolean notModified(String ifNoneMatch, String ifModifiedSince, CachedPage page) {
        if (ifNoneMatch != null) {
            for (String candidate : ifNoneMatch.split(",")) {
                String tag = candidate.strip();
                if (tag.startsWith("W/")) {
                    tag = tag.substring(2);
                }
                if (tag.equals("*") || tag.equals(page.etag()) || tag.equals(page.gzipEtag())) {
                    return true;
                }
            }
            return false;
        }
        // A date that is none of HTTP's three forms is ignored, as RFC 9110 asks.
        Long since = HttpDate.parseSeconds(ifModifiedSince);
        return since != null && page.lastModifiedSeconds() <= since;
    }

    /** Whether {@code Accept-Encoding} allows gzip: named (or {@code *}) without {@code q=0}. */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        // The common answers of browsers and feed readers, without splitting the header on every request.
        if (acceptEncoding.equals("gzip") || acceptEncoding.startsWith("gzip, ")) {
            return true;
        }
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.split(";");
            String name = parts[0].strip();
            if (name.equalsIgnoreCase("gzip") || name.equals("*")) {
                return !(parts.length > 1 && parts[1].replace(" ", "").matches("q=0(\\.0*)?"));
            }
        }
        return false;
    }
}
