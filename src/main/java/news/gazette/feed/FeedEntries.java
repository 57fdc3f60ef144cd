package news.gazette.feed;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.net.URI;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import news.gazette.media.MediaStore;
import news.gazette.story.CorrectionListing;
import news.gazette.story.FeaturedImage;
import news.gazette.story.LiveEntry;
import news.gazette.story.StoryCorrection;
import news.gazette.story.StoryUpdate;
import news.gazette.web.Dates;
import news.gazette.web.Site;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;

/** Turns stories into feed entries: renders bodies once per save, makes every link absolute, builds permanent ids. */
public final class FeedEntries {

    private static final DateTimeFormatter TAG_DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private final Site site;
    private final MediaStore media;
    private final String idAuthority;
    // Feed readers poll all day and the same 20 bodies would be made absolute on every rebuild; a save changes
    // modified_at and so the key, which is all the invalidation this needs.
    private final Cache<String, String> bodies =
            Caffeine.newBuilder().executor(Runnable::run).maximumSize(1_000).build();

    /** @param idAuthority the authority of entry ids, fixed for the site's life (see {@link #authorityOf}) */
    public FeedEntries(Site site, MediaStore media, String idAuthority) {
        this.site = site;
        this.media = media;
        this.idAuthority = idAuthority;
    }

    /** The id authority a site takes at its first start: the host of its base URL then. */
    public static String authorityOf(String baseUrl) {
        String host = URI.create(baseUrl).getHost();
        return host == null ? "localhost" : host.toLowerCase(Locale.ROOT);
    }

    public FeedEntry of(FeedItem item) {
        String url = site.url(item.path());
        String content = bodies.get(
                item.id() + "@" + item.modifiedAt().toEpochMilli(), key -> absoluteHtml(item.bodyHtml(), url));
        return new FeedEntry(
                id(item),
                url,
                item.headline(),
                item.summary(),
                correctionsHtml(item.corrections())
                        + updatesHtml(item.updates())
                        + liveHtml(item.live(), url)
                        + content,
                item.authors().stream()
                        .map(author -> new FeedEntry.Person(author.name(), site.url(author.path())))
                        .toList(),
                item.tags().stream()
                        .map(tag -> new FeedEntry.Category(tag.name(), site.url(tag.path())))
                        .toList(),
                image(item.image()),
                item.publishedAt(),
                item.lastChangedAt(),
                item.language());
    }

    /**
     * A correction as an entry of the corrections feed: its own permanent id, the story's address (at its
     * corrections), what was wrong and what is right.
     */
    public FeedEntry of(CorrectionListing correction) {
        StoryCorrection told =
                new StoryCorrection(correction.id(), correction.postedAt(), correction.wrong(), correction.correct());
        return new FeedEntry(
                "tag:" + idAuthority + "," + TAG_DATE.format(correction.postedAt()) + ":correction/" + correction.id(),
                site.url(correction.path()) + "#corrections-heading",
                "Correction: " + correction.headline(),
                "We wrote: " + correction.wrong() + " Correct: " + correction.correct(),
                correctionsHtml(List.of(told)),
                List.of(),
                List.of(),
                null,
                correction.postedAt(),
                correction.postedAt(),
                correction.language());
    }

    /**
     * A live entry as an entry of its story's own feed: a permanent id of its own, the story's address at the entry,
     * the entry's first sentence as its title.
     */
    public FeedEntry of(FeedItem story, LiveEntry entry) {
        String url = site.url(story.path());
        return new FeedEntry(
                "tag:" + idAuthority + "," + TAG_DATE.format(entry.postedAt()) + ":live/" + entry.id(),
                url + "#" + entry.anchor(),
                entry.headline(),
                entry.text(),
                absoluteHtml(entryHtml(entry), url),
                entry.authorName().isBlank() ? List.of() : List.of(new FeedEntry.Person(entry.authorName(), null)),
                List.of(),
                null,
                entry.postedAt(),
                entry.postedAt(),
                story.language());
    }

    public List<FeedEntry> of(List<FeedItem> items) {
        return items.stream().map(this::of).toList();
    }

    /**
     * A {@code tag:} URI (RFC 4151) from the site's id authority, the day the story was created and its number: none
     * of these change when the story is edited or its slug changes, nor when the site moves to another address.
     */
    String id(FeedItem item) {
        return "tag:" + idAuthority + "," + TAG_DATE.format(item.createdAt()) + ":story/" + item.id();
    }

    /** Corrections lead the entry, as they lead the article: what was wrong and what is right, dated. */
    static String correctionsHtml(List<StoryCorrection> corrections) {
        if (corrections.isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder("<aside><p><strong>Correction");
        html.append(corrections.size() > 1 ? "s" : "").append("</strong></p>");
        for (StoryCorrection correction : corrections) {
            html.append("<p>")
                    .append(Entities.escape(Dates.human(correction.postedAt())))
                    .append("</p><p><strong>We wrote:</strong> ")
                    .append(Entities.escape(correction.wrong()))
                    .append("</p><p><strong>Correct:</strong> ")
                    .append(Entities.escape(correction.correct()))
                    .append("</p>");
        }
        return html.append("</aside>").toString();
    }

    /** Update notes follow, newest first, as on the article: feed readers learn what changed and when. */
    static String updatesHtml(List<StoryUpdate> updates) {
        if (updates.isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder("<aside><p><strong>Update");
        html.append(updates.size() > 1 ? "s" : "").append("</strong></p><ul>");
        for (StoryUpdate update : updates) {
            html.append("<li>")
                    .append(Entities.escape(Dates.human(update.postedAt())))
                    .append(": ")
                    .append(Entities.escape(update.note()))
                    .append("</li>");
        }
        return html.append("</ul></aside>").toString();
    }

    /** A live story's newest entries lead its item, newest first, each with its time and a link to it. */
    static String liveHtml(List<LiveEntry> entries, String articleUrl) {
        if (entries.isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder("<section><p><strong>Live updates</strong></p>");
        for (LiveEntry entry : entries) {
            html.append("<p><a href=\"")
                    .append(Entities.escape(articleUrl + "#" + entry.anchor()))
                    .append("\">")
                    .append(Entities.escape(Dates.human(entry.postedAt())))
                    .append("</a>")
                    .append(entry.authorName().isBlank() ? "" : " · " + Entities.escape(entry.authorName()))
                    .append("</p>")
                    .append(absoluteHtml(entryHtml(entry), articleUrl));
        }
        return html.append("</section><hr>").toString();
    }

    /** An entry's body with its picture after it, as on the page. */
    private static String entryHtml(LiveEntry entry) {
        String html = entry.body().html();
        if (entry.image() == null) {
            return html;
        }
        return html + "<p><img src=\"" + Entities.escape(entry.image().url()) + "\" alt=\""
                + Entities.escape(entry.image().alt()) + "\"></p>";
    }

    /** The stored article body with relative links and image sources resolved against the article's own URL. */
    static String absoluteHtml(String bodyHtml, String articleUrl) {
        Document doc = Jsoup.parseBodyFragment(bodyHtml, articleUrl);
        for (Element link : doc.select("a[href]")) {
            link.attr("href", link.absUrl("href"));
        }
        for (Element img : doc.select("img[src]")) {
            img.attr("src", img.absUrl("src"));
        }
        doc.outputSettings().prettyPrint(false);
        return doc.body().html();
    }

    private FeedEntry.Image image(FeaturedImage image) {
        if (image == null) {
            return null;
        }
        long size = site.assets().sizeOf(image.url());
        if (size < 0) {
            size = media.sizeOf(image.url());
        }
        // RSS requires a length and Rome always writes one: 0 is the convention for a size we cannot know.
        return new FeedEntry.Image(
                site.url(image.url()),
                imageType(image.url()),
                Math.max(0, size),
                image.width(),
                image.height(),
                image.alt());
    }

    static String imageType(String url) {
        String lower = url.split("[?#]", 2)[0].toLowerCase(Locale.ROOT);
        if (lower.endsWith(".svg")) {
            return "image/svg+xml";
        } else if (lower.endsWith(".png")) {
            return "image/png";
        } else if (lower.endsWith(".webp")) {
            return "image/webp";
        } else if (lower.endsWith(".gif")) {
            return "image/gif";
        } else if (lower.endsWith(".avif")) {
            return "image/avif";
        }
        return "image/jpeg";
    }
}
