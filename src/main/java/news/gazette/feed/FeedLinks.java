package news.gazette.feed;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.gazette.web.Layout;

/**
 * The feed autodiscovery links for a page's head: the site's feeds everywhere, plus a tag's, an author's or the
 * corrections page's own.
 */
public final class FeedLinks {

    private static final Pattern LIST_PAGE =
            Pattern.compile("^(/(?:tags|authors)/[a-z0-9-]+|/corrections)(?:/page/\\d+)?$");
    private static final Pattern PAGE_SUFFIX = Pattern.compile(", page \\d+$");

    /** One {@code <link rel="alternate">}. */
    public record Link(String title, String type, String href) {}

    private FeedLinks() {}

    public static List<Link> of(Layout layout) {
        String siteName = layout.site().name();
        List<Link> links = new ArrayList<>(links(siteName, ""));
        Matcher list = LIST_PAGE.matcher(layout.path());
        if (list.matches() && layout.title() != null && !layout.title().isBlank()) {
            String name = PAGE_SUFFIX.matcher(layout.title()).replaceFirst("");
            links.addAll(links(siteName + ": " + name, list.group(1)));
        }
        return links;
    }

    private static List<Link> links(String title, String basePath) {
        return List.of(
                new Link(title + " (RSS)", FeedFormat.RSS.mediaType(), basePath + FeedFormat.RSS.path()),
                new Link(title + " (Atom)", FeedFormat.ATOM.mediaType(), basePath + FeedFormat.ATOM.path()),
                new Link(title + " (JSON Feed)", FeedFormat.JSON.mediaType(), basePath + FeedFormat.JSON.path()));
    }
}
