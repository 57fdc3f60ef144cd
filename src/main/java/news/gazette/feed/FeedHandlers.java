package news.gazette.feed;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import news.gazette.cache.PageCache;
import news.gazette.change.ChangeKey;
import news.gazette.story.Author;
import news.gazette.story.CorrectionListing;
import news.gazette.story.LiveCoverage;
import news.gazette.story.LiveCoverageRepository;
import news.gazette.story.LiveEntry;
import news.gazette.story.Slug;
import news.gazette.story.Story;
import news.gazette.story.StoryRepository;
import news.gazette.story.Tag;
import news.gazette.web.Site;

/**
 * The site's feeds, the feeds of each tag and author and the corrections feed, in RSS, Atom and JSON Feed. Feed readers poll all day: the
 * routes sit behind the page cache, so a poll is answered from memory with a strong ETag and Last-Modified, and a
 * conditional poll of an unchanged feed gets a bodiless 304.
 */
public final class FeedHandlers {

    /** Entries per feed: enough for a reader who polls once a day, small enough to answer fast. */
    public static final int FEED_SIZE = 25;

    /** Entries in a live story's own feed: the newest, enough for a reader who looks in once an hour. */
    public static final int LIVE_FEED_SIZE = 50;

    private final StoryRepository stories;
    private final LiveCoverageRepository live;
    private final FeedRepository feeds;
    private final FeedEntries entries;
    private final Site site;
    private final Clock clock;
    private final List<String> hubs;

    /**
     * @param hubs absolute URLs of the WebSub hubs every feed names (Gazette's own, then any {@code --websub-hub}); a
     *     plain list, so feeds know nothing of the hub itself
     */
    public FeedHandlers(
            StoryRepository stories,
            LiveCoverageRepository live,
            FeedRepository feeds,
            FeedEntries entries,
            Site site,
            Clock clock,
            List<String> hubs) {
        this.stories = stories;
        this.live = live;
        this.feeds = feeds;
        this.entries = entries;
        this.site = site;
        this.clock = clock;
        this.hubs = List.copyOf(hubs);
    }

    public Handler site(FeedFormat format) {
        return ctx -> {
            List<FeedItem> items = feeds.newest(FEED_SIZE, clock.instant());
            serve(ctx, format, feed(site.name(), site.description(), "", items), items, ChangeKey.LIST);
        };
    }

    public Handler tag(FeedFormat format) {
        return ctx -> {
            Tag tag = find(ctx, stories::findTag);
            List<FeedItem> items = feeds.newestByTag(tag, FEED_SIZE, clock.instant());
            Feed feed = feed(
                    site.name() + ": " + tag.name(),
                    "The latest stories about " + tag.name() + " from " + site.name() + ".",
                    tag.path(),
                    items);
            serve(ctx, format, feed, items, ChangeKey.tag(tag.id()));
        };
    }

    public Handler author(FeedFormat format) {
        return ctx -> {
            Author author = find(ctx, stories::findAuthor);
            List<FeedItem> items = feeds.newestByAuthor(author, FEED_SIZE, clock.instant());
            Feed feed = feed(
                    site.name() + ": " + author.name(),
                    "Stories by " + author.name() + " in " + site.name() + ".",
                    author.path(),
                    items);
            serve(ctx, format, feed, items, ChangeKey.author(author.id()));
        };
    }

    /**
     * A live story's own feed: its newest entries, each an item of its own, newest first, then the story itself. Only
     * a story that has, or had, live coverage has one.
     */
    public Handler story(FeedFormat format) {
        return ctx -> {
            Instant now = clock.instant();
            Story story = find(ctx, slug -> stories.findPublishedBySlug(slug, now));
            LiveCoverage coverage = live.find(story.id(), 0).orElseThrow(NotFoundResponse::new);
            FeedItem item = feeds.story(story.id(), now).orElseThrow(NotFoundResponse::new);
            List<LiveEntry> newest = live.newest(story.id(), LIVE_FEED_SIZE);
            List<FeedEntry> feedEntries = new ArrayList<>();
            newest.forEach(entry -> feedEntries.add(entries.of(item, entry)));
            feedEntries.add(entries.of(item.withLive(List.of())));
            Instant updated =
                    coverage.changedAt().isAfter(item.lastChangedAt()) ? coverage.changedAt() : item.lastChangedAt();
            Feed feed = new Feed(
                    item.headline() + ": live updates",
                    site.name(),
                    coverage.isOn()
                            ? "Live updates from " + site.name() + ", newest first."
                            : "The live coverage of this story by " + site.name() + ", newest first.",
                    item.language() == null ? site.language() : item.language(),
                    site.baseUrl(),
                    story.path(),
                    site.url(story.path()),
                    site.url(site.asset("img/favicon.svg")),
                    updated,
                    feedEntries,
                    hubs);
            PageCache.dependsOn(ctx, ChangeKey.story(story.id()));
            PageCache.lastModified(ctx, updated);
            send(ctx, format, feed);
        };
    }

    /**
     * Every correction, newest first, old stories included: a reader who follows it learns of each one, however far
     * down the site's feed its story has gone. It names no key, so any change renders it again.
     */
    public Handler corrections(FeedFormat format) {
        return ctx -> {
            List<CorrectionListing> corrections = stories.findCorrections(FEED_SIZE, clock.instant());
            Instant updated =
                    corrections.isEmpty() ? Instant.EPOCH : corrections.get(0).postedAt();
            Feed feed = new Feed(
                    site.name() + ": corrections",
                    site.name(),
                    "Every correction " + site.name() + " has made to its stories, newest first.",
                    site.language(),
                    site.baseUrl(),
                    "/corrections",
                    site.url("/corrections"),
                    site.url(site.asset("img/favicon.svg")),
                    updated,
                    corrections.stream().map(entries::of).toList(),
                    hubs);
            PageCache.lastModified(ctx, updated);
            send(ctx, format, feed);
        };
    }

    private static <T> T find(Context ctx, Function<String, java.util.Optional<T>> finder) {
        String slug = ctx.pathParam("slug");
        if (!Slug.isValid(slug)) {
            throw new NotFoundResponse();
        }
        return finder.apply(slug).orElseThrow(NotFoundResponse::new);
    }

    private Feed feed(String title, String description, String basePath, List<FeedItem> items) {
        // An empty feed has changed never; the epoch keeps its validators stable between polls.
        Instant updated = items.stream()
                .map(FeedItem::lastChangedAt)
                .max(Instant::compareTo)
                .orElse(Instant.EPOCH);
        return new Feed(
                title,
                site.name(),
                description,
                site.language(),
                site.baseUrl(),
                basePath,
                site.url(basePath.isEmpty() ? "/" : basePath),
                site.url(site.asset("img/favicon.svg")),
                updated,
                entries.of(items),
                hubs);
    }

    /**
     * Sends the feed. Validators, 304s and compression come from the page cache the routes are wrapped in; this names
     * what the feed shows, so it is rendered again when, and only when, one of those stories or its list changes.
     */
    private static void serve(Context ctx, FeedFormat format, Feed feed, List<FeedItem> items, ChangeKey listKey) {
        PageCache.dependsOn(ctx, listKey);
        items.forEach(item -> PageCache.dependsOn(ctx, ChangeKey.story(item.id())));
        PageCache.lastModified(ctx, feed.updated());
        send(ctx, format, feed);
    }

    /** The body, and the WebSub discovery header, which the page cache keeps with the page for hits and 304s. */
    private static void send(Context ctx, FeedFormat format, Feed feed) {
        ctx.header("Link", feed.linkHeader(format));
        ctx.contentType(format.contentType()).result(write(format, feed));
    }

    private static byte[] write(FeedFormat format, Feed feed) {
        return switch (format) {
            case RSS -> RssFeed.write(feed);
            case ATOM -> AtomFeed.write(feed);
            case JSON -> JsonFeed.write(feed);
        };
    }
}
