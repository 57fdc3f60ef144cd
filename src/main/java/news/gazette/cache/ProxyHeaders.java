package news.gazette.cache;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import news.gazette.change.ChangeKey;

/**
 * What a shared cache in front (Varnish, nginx, a CDN) needs to keep a public page and to purge it by what it shows: the
 * page's dependency keys in {@code xkey} (Varnish's xkey vmod) and {@code Surrogate-Key} (Fastly-style CDNs), and in
 * {@code Cache-Tag} (comma-separated, Cloudflare-style) when {@code cacheTag} is on; and a {@code Cache-Control} that
 * lets the shared cache keep the page for a minute, and serve it stale while revalidating or while Gazette fails,
 * while browsers revalidate every time.
 *
 * <p>A minute bounds how long a page can be wrong if a purge is lost; purges make edits show at once. Every page also
 * carries {@link ChangeKey#SITE}, purged when the layout all pages share changes.
 */
public record ProxyHeaders(boolean cacheTag) {

    /** How long a shared cache may keep a page without asking, when no change is known to be due. */
    static final long SHARED_SECONDS = 60;
    /** How long past that a shared cache may answer with the old page while it fetches the new one. */
    static final long STALE_WHILE_REVALIDATE_SECONDS = 30;
    /** How long a shared cache may answer with the old page while Gazette answers errors or not at all. */
    static final long STALE_IF_ERROR_SECONDS = 86_400;
    /** A page whose render overlapped a change may show the old data: no shared copy, and browsers ask again. */
    static final String OVERLAPPED = "private, no-cache";

    static final String FULL = cacheControl(SHARED_SECONDS);

    /** The {@code Cache-Control} of a page that must be rendered again at {@code validUntil}. */
    static String cacheControl(Instant validUntil, Instant now) {
        if (validUntil.equals(Instant.MAX)) {
            return FULL;
        }
        long seconds = Math.max(0, Duration.between(now, validUntil).getSeconds());
        return seconds >= SHARED_SECONDS ? FULL : cacheControl(seconds);
    }

    private static String cacheControl(long sharedSeconds) {
        return "public, max-age=0, s-maxage=" + sharedSeconds + ", stale-while-revalidate="
                + STALE_WHILE_REVALIDATE_SECONDS + ", stale-if-error=" + STALE_IF_ERROR_SECONDS;
    }

    /** The key headers for a page that depends on {@code dependencies}, to be sent with every copy of it. */
    List<Map.Entry<String, String>> keyHeaders(Collection<ChangeKey> dependencies) {
        List<String> keys = new ArrayList<>();
        keys.add(ChangeKey.SITE.toString());
        dependencies.stream().map(ChangeKey::toString).sorted().forEach(keys::add);
        String spaced = String.join(" ", keys);
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        headers.add(Map.entry("xkey", spaced));
        headers.add(Map.entry("Surrogate-Key", spaced));
        if (cacheTag) {
            headers.add(Map.entry("Cache-Tag", String.join(",", keys)));
        }
        return headers;
    }

    /** Keys as a purge names them: space-separated, sorted, each once. */
    public static String purgeKeys(Collection<ChangeKey> keys) {
        return keys.stream().map(ChangeKey::toString).sorted().distinct().collect(Collectors.joining(" "));
    }
}
