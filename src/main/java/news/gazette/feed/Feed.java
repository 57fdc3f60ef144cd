package news.gazette.feed;

import java.time.Instant;
import java.util.List;

/**
 * One feed, ready to write in any format: the site's, a tag's or an author's.
 *
 * @param basePath the page this feed follows, {@code ""} for the whole site or e.g. {@code /tags/ai}; its feeds are
 *     {@code basePath + "/feed.xml"}, {@code "/atom.xml"} and {@code "/feed.json"}
 * @param homeUrl absolute URL of that page
 * @param updated newest change among the entries; the response's Last-Modified
 * @param publisher the publication's name, the feed's own author
 * @param hubs absolute URLs of the WebSub hubs the feed names, Gazette's own first; a subscriber follows the feed at
 *     its self URL, {@link #url}
 */
public record Feed(
        String title,
        String publisher,
        String description,
        String language,
        String siteUrl,
        String basePath,
        String homeUrl,
        String iconUrl,
        Instant updated,
        List<FeedEntry> entries,
        List<String> hubs) {

    public Feed {
        entries = List.copyOf(entries);
        hubs = List.copyOf(hubs);
    }

    public String url(FeedFormat format) {
        return siteUrl + basePath + format.path();
    }

    /**
     * The HTTP {@code Link} header WebSub discovery reads (W3C WebSub 4): each hub, then the feed's own URL, which is
     * the topic to subscribe to.
     */
    public String linkHeader(FeedFormat format) {
        StringBuilder links = new StringBuilder();
        for (String hub : hubs) {
            links.append('<').append(hub).append(">; rel=\"hub\", ");
        }
        return links.append('<').append(url(format)).append(">; rel=\"self\"").toString();
    }
}
