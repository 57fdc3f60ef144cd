package news.gazette.cache;

import io.javalin.http.Context;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Sends a cached page: the gzip copy or the plain bytes, or a bodiless 304 when the client's copy is current. */
final class CachedResponse {

    private CachedResponse() {}

    static void send(Context ctx, CachedPage page) {
        boolean gzip = page.gzipped() != null && acceptsGzip(ctx.header("Accept-Encoding"));
        ctx.header("Cache-Control", PageCache.CACHE_CONTROL);
        ctx.header("ETag", gzip ? page.gzipEtag() : page.etag());
        ctx.header("Last-Modified", page.lastModified());
        // Vary: Accept-Encoding comes with every response, from SecurityHeaders.
        if (notModified(ctx, page)) {
            ctx.status(304);
            ctx.result(new byte[0]);
            return;
        }
        ctx.contentType(page.contentType());
        if (gzip) {
            ctx.header("Content-Encoding", "gzip");
            ctx.result(page.gzipped());
        } else {
            ctx.result(page.body());
        }
    }

    /** RFC 9110: If-None-Match wins over If-Modified-Since; either representation's tag matches (weak comparison). */
    private static boolean notModified(Context ctx, CachedPage page) {
        String ifNoneMatch = ctx.header("If-None-Match");
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
        String ifModifiedSince = ctx.header("If-Modified-Since");
        if (ifModifiedSince != null) {
            try {
                long since = ZonedDateTime.parse(ifModifiedSince, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toEpochSecond();
                return page.lastModifiedSeconds() <= since;
            } catch (DateTimeParseException e) {
                return false;
            }
        }
        return false;
    }

    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
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
