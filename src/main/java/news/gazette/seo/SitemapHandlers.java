package news.gazette.seo;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.gazette.cache.PageCache;
import news.gazette.seo.SitemapXml.Url;
import news.gazette.web.Site;

/**
 * {@code /sitemap.xml}, {@code /news-sitemap.xml} and {@code /robots.txt}. A small site gets one sitemap; past
 * {@code partSize} stories, {@code /sitemap.xml} becomes an index of {@code /sitemaps/pages.xml} and
 * {@code /sitemaps/stories-N.xml}, where part N holds the stories with ids from {@code (N-1)*partSize+1} to
 * {@code N*partSize}, so the index is built from the highest id alone and never reads the stories.
 */
public final class SitemapHandlers {

    /** Well under the protocol's limit of 50,000 URLs and 50 MB per file. */
    public static final int PART_SIZE = 10_000;

    static final Duration NEWS_WINDOW = Duration.ofDays(2);
    static final int NEWS_LIMIT = 1_000;

    private static final String XML = "application/xml; charset=utf-8";
    private static final Pattern STORIES_PART = Pattern.compile("stories-([1-9][0-9]{0,5})\\.xml");

    private final SitemapRepository sitemaps;
    private final Site site;
    private final Clock clock;
    private final int partSize;

    public SitemapHandlers(SitemapRepository sitemaps, Site site, Clock clock, int partSize) {
        this.sitemaps = sitemaps;
        this.site = site;
        this.clock = clock;
        this.partSize = partSize;
    }

    public void sitemap(Context ctx) {
        Instant now = clock.instant();
        if (sitemaps.countPublished(now) <= partSize) {
            List<Url> urls = pageUrls(now);
            List<SitemapRepository.StoryUrl> stories = sitemaps.publishedBetween(1, Long.MAX_VALUE, now);
            stories.forEach(story -> urls.add(storyUrl(story)));
            lastModified(ctx, stories);
            send(ctx, SitemapXml.urlset(urls));
            return;
        }
        List<String> parts = new ArrayList<>();
        parts.add(site.url("/sitemaps/pages.xml"));
        long count = (sitemaps.maxStoryId() + partSize - 1) / partSize;
        for (long n = 1; n <= count; n++) {
            parts.add(site.url("/sitemaps/stories-" + n + ".xml"));
        }
        send(ctx, SitemapXml.index(parts));
    }

    public void part(Context ctx) {
        String name = ctx.pathParam("name");
        Instant now = clock.instant();
        if (name.equals("pages.xml")) {
            send(ctx, SitemapXml.urlset(pageUrls(now)));
            return;
        }
        Matcher part = STORIES_PART.matcher(name);
        if (!part.matches()) {
            throw new NotFoundResponse();
        }
        long n = Long.parseLong(part.group(1));
        if ((n - 1) * partSize >= Math.max(1, sitemaps.maxStoryId())) {
            throw new NotFoundResponse();
        }
        List<SitemapRepository.StoryUrl> stories = sitemaps.publishedBetween((n - 1) * partSize + 1, n * partSize, now);
        lastModified(ctx, stories);
        send(ctx, SitemapXml.urlset(stories.stream().map(this::storyUrl).toList()));
    }

    public void news(Context ctx) {
        Instant now = clock.instant();
        List<SitemapRepository.StoryUrl> recent = sitemaps.publishedSince(now.minus(NEWS_WINDOW), now, NEWS_LIMIT);
        // Stories leave the news sitemap by age, without a write: the cached copy goes when the oldest one leaves.
        recent.stream()
                .map(SitemapRepository.StoryUrl::publishedAt)
                .min(Instant::compareTo)
                .ifPresent(oldest -> PageCache.expiresAt(ctx, oldest.plus(NEWS_WINDOW)));
        lastModified(ctx, recent);
        send(ctx, SitemapXml.news(site.baseUrl(), site.name(), site.language(), recent));
    }

    public void robots(Context ctx) {
        String robots = String.join(
                "\n",
                "User-agent: *",
                "Disallow: /admin",
                "Disallow: /search",
                "",
                "Sitemap: " + site.url("/sitemap.xml"),
                "Sitemap: " + site.url("/news-sitemap.xml"),
                "");
        ctx.contentType("text/plain; charset=utf-8").result(robots);
    }

    private List<Url> pageUrls(Instant now) {
        List<Url> urls = new ArrayList<>();
        urls.add(new Url(site.url("/"), null));
        urls.add(new Url(site.url("/corrections"), null));
        sitemaps.tagPaths(now).forEach(path -> urls.add(new Url(site.url(path), null)));
        sitemaps.authorPaths(now).forEach(path -> urls.add(new Url(site.url(path), null)));
        return urls;
    }

    private Url storyUrl(SitemapRepository.StoryUrl story) {
        return new Url(site.url(story.path()), story.lastModified());
    }

    /**
     * The newest change among the listed stories dates the file. The index and the pages part list no story and are
     * dated by the page cache when rendered.
     */
    private static void lastModified(Context ctx, List<SitemapRepository.StoryUrl> stories) {
        stories.forEach(story -> PageCache.lastModified(ctx, story.lastModified()));
    }

    /** Validators, 304s and compression come from the page cache the routes are wrapped in. */
    private static void send(Context ctx, byte[] xml) {
        ctx.contentType(XML).result(xml);
    }
}
