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
        List<FeedEntry> entries) {

    public Feed {
        entries = List.copyOf(entries);
    }

    public String url(FeedFormat format) {
        return siteUrl + basePath + format.path();
    }
}
