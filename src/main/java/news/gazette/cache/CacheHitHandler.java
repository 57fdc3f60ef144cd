package news.gazette.cache;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The fast path for cache hits: a Jetty handler in front of Javalin's servlet that answers a GET or HEAD for a page
 * the {@link PageCache} holds with its bytes and headers encoded once, without entering the servlet layer, Javalin's
 * router, its filters or its request logger. Everything else, and every request it is not sure about (a body, an
 * unusual character in the path or the query), goes on to Javalin, which serves the same cached page by the slower
 * road. Query strings are understood as the page cache keys them: ignored by routes that name no parameters
 * ({@code ?utm_source=...} on an article), and only the named ones counted where the route names some (search).
 *
 * <p>Its answers are the same as Javalin's for the same page, header for header ({@code FastPathTest}); hits are
 * counted in {@code gazette_cache_requests_total{result="hit"}} and are not in the per-route request timers or the
 * request log, like the cache hits Javalin serves.
 */
public final class CacheHitHandler extends Handler.Wrapper {

    private final PageCache cache;
    private final HttpField[] siteHeaders;
    private final HttpField fullCacheControl =
            new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, PageCache.CACHE_CONTROL);

    /** @param siteHeaders the headers every response carries (the security headers), sent with every hit */
    public CacheHitHandler(PageCache cache, List<Map.Entry<String, String>> siteHeaders) {
        this.cache = cache;
        List<HttpField> fields = new ArrayList<>();
        for (Map.Entry<String, String> header : siteHeaders) {
            fields.add(new PreEncodedHttpField(header.getKey(), header.getValue()));
        }
        fields.add(new PreEncodedHttpField(PageCache.STATUS_HEADER, "hit"));
        this.siteHeaders = fields.toArray(HttpField[]::new);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String method = request.getMethod();
        boolean head = HttpMethod.HEAD.is(method);
        if (!head && !HttpMethod.GET.is(method)) {
            return super.handle(request, response, callback);
        }
        HttpURI uri = request.getHttpURI();
        String path = uri.getPath();
        HttpFields requestHeaders = request.getHeaders();
        // A request with a body is no plain page fetch: Javalin decides (and refuses one that is too large).
        boolean hasBody = request.getLength() > 0 || requestHeaders.contains(HttpHeader.TRANSFER_ENCODING);
        if (hasBody || !isPlainPath(path)) {
            return super.handle(request, response, callback);
        }
        CachedPage page = cache.fresh(path, uri.getQuery());
        if (page == null) {
            return super.handle(request, response, callback);
        }
        boolean gzip =
                page.gzipped() != null && CachedResponse.acceptsGzip(requestHeaders.get(HttpHeader.ACCEPT_ENCODING));
        boolean notModified = CachedResponse.notModified(
                requestHeaders.get(HttpHeader.IF_NONE_MATCH), requestHeaders.get(HttpHeader.IF_MODIFIED_SINCE), page);
        HttpFields.Mutable headers = response.getHeaders();
        for (HttpField field : siteHeaders) {
            headers.add(field);
        }
        String cacheControl = cache.cacheControl(page);
        // Encoded once for the common case; a page due again within the shared cache's minute says how soon.
        headers.add(
                cacheControl.equals(PageCache.CACHE_CONTROL)
                        ? fullCacheControl
                        : new HttpField(HttpHeader.CACHE_CONTROL, cacheControl));
        WireHeaders wire = page.wire();
        HttpField[] pageHeaders = notModified
                ? (gzip ? wire.gzipNotModified() : wire.plainNotModified())
                : (gzip ? wire.gzipped() : wire.plain());
        for (HttpField field : pageHeaders) {
            headers.add(field);
        }
        if (notModified) {
            response.setStatus(304);
            response.write(true, null, callback);
        } else {
            response.setStatus(200);
            response.write(true, head ? null : ByteBuffer.wrap(gzip ? page.gzipped() : page.body()), callback);
        }
        return true;
    }

    /**
     * Only paths whose raw and decoded forms are the same and that Jetty's servlet layer would not normalise: letters,
     * digits, {@code - _ . ~ /}, no empty or dot segments. A cache key is the path Javalin saw, so anything else is left
     * to Javalin.
     */
    static boolean isPlainPath(String path) {
        if (path == null || path.isEmpty() || path.charAt(0) != '/') {
            return false;
        }
        char previous = 0;
        for (int i = 0; i < path.length(); i++) {
            char ch = path.charAt(i);
            boolean plain = ch == '/' || (PlainQuery.isUnreserved(ch) && !(ch == '.' && previous == '/'));
            if (!plain || (ch == '/' && previous == '/')) {
                return false;
            }
            previous = ch;
        }
        return true;
    }
}
