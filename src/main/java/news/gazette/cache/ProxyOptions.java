package news.gazette.cache;

import java.net.URI;
import java.util.List;

/**
 * The caches in front of Gazette: where to send purges ({@code --purge-url}, each a Varnish or other cache that takes
 * {@code PURGE} with an {@code xkey-purge} header) and whether pages also carry {@code Cache-Tag}
 * ({@code --cache-tag-header}).
 */
public record ProxyOptions(List<URI> purgeUrls, boolean cacheTagHeader) {

    public static final ProxyOptions NONE = new ProxyOptions(List.of(), false);

    public ProxyOptions {
        purgeUrls = purgeUrls == null ? List.of() : List.copyOf(purgeUrls);
        for (URI url : purgeUrls) {
            String scheme = url.getScheme();
            if (!("http".equals(scheme) || "https".equals(scheme)) || url.getHost() == null) {
                throw new IllegalArgumentException("purge URL must be an absolute http or https URL, got " + url);
            }
        }
    }

    /** Parses the purge URLs as given on the command line; a malformed one is an {@link IllegalArgumentException}. */
    public static ProxyOptions of(List<String> purgeUrls, boolean cacheTagHeader) {
        List<URI> urls = purgeUrls == null
                ? List.of()
                : purgeUrls.stream()
                        .map(String::strip)
                        .filter(u -> !u.isEmpty())
                        .map(URI::create)
                        .toList();
        return new ProxyOptions(urls, cacheTagHeader);
    }
}
