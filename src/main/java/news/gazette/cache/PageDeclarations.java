package news.gazette.cache;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import news.gazette.change.ChangeKey;
import news.gazette.web.Pages;

/**
 * What a handler declares about its page while rendering it ({@link PageCache#dependsOn} and the rest), kept in the
 * request's attributes, and read back once the handler is done into what the cache makes a page of.
 */
final class PageDeclarations {

    private static final String HIT = "gazette.cache.hit";
    private static final String DEPENDENCIES = "gazette.cache.dependencies";
    private static final String UNCACHEABLE = "gazette.cache.uncacheable";
    private static final String EXPIRES = "gazette.cache.expires";
    private static final String LAST_MODIFIED = "gazette.cache.last-modified";
    // Headers of the handler's own that are part of the page and must come with every copy of it (a feed's Link names
    // its WebSub hub and self URL, which a subscriber reads from a 304 as from a 200).
    private static final List<String> OWN_HEADERS = List.of("X-Robots-Tag", "Link");

    private PageDeclarations() {}

    static void dependsOn(Context ctx, ChangeKey... keys) {
        Set<ChangeKey> dependencies = ctx.attribute(DEPENDENCIES);
        if (dependencies == null) {
            dependencies = new HashSet<>();
            ctx.attribute(DEPENDENCIES, dependencies);
        }
        dependencies.addAll(Arrays.asList(keys));
    }

    static void doNotCache(Context ctx) {
        ctx.attribute(UNCACHEABLE, Boolean.TRUE);
    }

    static void expiresAt(Context ctx, Instant moment) {
        Instant earlier = ctx.attribute(EXPIRES);
        if (earlier == null || moment.isBefore(earlier)) {
            ctx.attribute(EXPIRES, moment);
        }
    }

    static void lastModified(Context ctx, Instant moment) {
        Instant newest = ctx.attribute(LAST_MODIFIED);
        if (moment != null && (newest == null || moment.isAfter(newest))) {
            ctx.attribute(LAST_MODIFIED, moment);
        }
    }

    static void markHit(Context ctx) {
        ctx.attribute(HIT, Boolean.TRUE);
    }

    static boolean isHit(Context ctx) {
        return ctx.attribute(HIT) != null;
    }

    /**
     * The handler's answer as a page to keep under {@code key}, valid until {@code next} at the latest; null when it
     * is not one (not a 200, a redirect, no body, or declared uncacheable).
     */
    static PageBytes.Render read(Context ctx, String key, Instant next, boolean ignoresQuery, ProxyHeaders proxyHeaders)
            throws IOException {
        if (ctx.statusCode() != 200 || ctx.attribute(UNCACHEABLE) != null || ctx.header("Location") != null) {
            return null;
        }
        InputStream result = ctx.resultInputStream();
        if (result == null) {
            return null;
        }
        byte[] rendered = Pages.renderedBytes(ctx);
        String contentType = ctx.res().getContentType();
        Set<ChangeKey> dependencies = ctx.attribute(DEPENDENCIES);
        Instant validUntil = next == null ? Instant.MAX : next;
        Instant declared = ctx.attribute(EXPIRES);
        if (declared != null && declared.isBefore(validUntil)) {
            validUntil = declared;
        }
        List<Map.Entry<String, String>> ownHeaders = new ArrayList<>();
        for (String name : OWN_HEADERS) {
            String value = ctx.res().getHeader(name);
            if (value != null) {
                ownHeaders.add(Map.entry(name, value));
            }
        }
        Set<ChangeKey> dependsOn = dependencies == null ? Set.of(ChangeKey.ANY) : Set.copyOf(dependencies);
        ownHeaders.addAll(proxyHeaders.keyHeaders(dependsOn));
        return new PageBytes.Render(
                key,
                ctx.attribute(LAST_MODIFIED),
                rendered != null ? rendered : result.readAllBytes(),
                contentType == null ? "text/html; charset=utf-8" : contentType,
                List.copyOf(ownHeaders),
                dependsOn,
                validUntil,
                ignoresQuery);
    }
}
