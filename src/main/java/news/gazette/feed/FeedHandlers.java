package news.gazette.feed;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import news.gazette.story.Author;
import news.gazette.story.Slug;
import news.gazette.story.StoryRepository;
import news.gazette.story.Tag;
import news.gazette.web.Site;

/**
 * The site's feeds and the feeds of each tag and author, in RSS, Atom and JSON Feed. Feed readers poll all day, so
 * every answer carries a strong ETag (a hash of the bytes) and Last-Modified, and a conditional request for an
 * unchanged feed gets a bodiless 304.
 */
public final class FeedHandlers {

    /** Entries per feed: enough for a reader who polls once a day, small enough to answer fast. */
    public static final int FEED_SIZE = 25;

    static final String CACHE_CONTROL = "public, max-age=300";

    private final StoryRepository stories;
    private final FeedRepository feeds;
    private final FeedEntries entries;
    private final Site site;
    private final Clock clock;

    public FeedHandlers(StoryRepository stories, FeedRepository feeds, FeedEntries entries, Site site, Clock clock) {
        this.stories = stories;
        this.feeds = feeds;
        this.entries = entries;
        this.site = site;
        this.clock = clock;
    }

    public Handler site(FeedFormat format) {
        return ctx ->
                serve(ctx, format, feed(site.name(), site.description(), "", feeds.newest(FEED_SIZE, clock.instant())));
    }

    public Handler tag(FeedFormat format) {
        return ctx -> {
            Tag tag = find(ctx, stories::findTag);
            serve(
                    ctx,
                    format,
                    feed(
                            site.name() + ": " + tag.name(),
                            "The latest stories about " + tag.name() + " from " + site.name() + ".",
                            tag.path(),
                            feeds.newestByTag(tag, FEED_SIZE, clock.instant())));
        };
    }

    public Handler author(FeedFormat format) {
        return ctx -> {
            Author author = find(ctx, stories::findAuthor);
            serve(
                    ctx,
                    format,
                    feed(
                            site.name() + ": " + author.name(),
                            "Stories by " + author.name() + " in " + site.name() + ".",
                            author.path(),
                            feeds.newestByAuthor(author, FEED_SIZE, clock.instant())));
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
                entries.of(items));
    }

    private static void serve(Context ctx, FeedFormat format, Feed feed) {
        byte[] body = switch (format) {
            case RSS -> RssFeed.write(feed);
            case ATOM -> AtomFeed.write(feed);
            case JSON -> JsonFeed.write(feed);
        };
        String etag = "\"" + sha256(body) + "\"";
        Instant lastModified = feed.updated().truncatedTo(ChronoUnit.SECONDS);
        ctx.header("ETag", etag);
        ctx.header("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(lastModified.atZone(ZoneOffset.UTC)));
        ctx.header("Cache-Control", CACHE_CONTROL);
        if (notModified(ctx, etag, lastModified)) {
            ctx.status(HttpStatus.NOT_MODIFIED);
            return;
        }
        ctx.contentType(format.contentType()).result(body);
    }

    /** RFC 9110: If-None-Match decides when present; If-Modified-Since only when it is absent. */
    static boolean notModified(Context ctx, String etag, Instant lastModified) {
        String ifNoneMatch = ctx.header("If-None-Match");
        if (ifNoneMatch != null) {
            for (String candidate : ifNoneMatch.split(",")) {
                String tag = candidate.strip();
                if (tag.startsWith("W/")) {
                    tag = tag.substring(2); // weak comparison is what GET allows
                }
                if (tag.equals(etag) || tag.equals("*")) {
                    return true;
                }
            }
            return false;
        }
        String ifModifiedSince = ctx.header("If-Modified-Since");
        if (ifModifiedSince == null) {
            return false;
        }
        try {
            Instant since = ZonedDateTime.parse(ifModifiedSince.strip(), DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
            return !lastModified.isAfter(since);
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))
                    .substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
