package news.gazette.seo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import news.gazette.story.Author;
import news.gazette.story.FeaturedImage;
import news.gazette.story.LiveCoverage;
import news.gazette.story.LiveEntry;
import news.gazette.story.Story;
import news.gazette.story.Tag;
import news.gazette.web.Dates;
import news.gazette.web.Layout;
import news.gazette.web.Site;

/**
 * What search engines and link previews read from an article's head: Open Graph, Twitter card and JSON-LD
 * {@code NewsArticle}, every URL absolute. Never reads the newsroom's notes.
 *
 * @param image absolute URL of the featured image, or null
 * @param width 0 when unknown
 */
public record ArticleMeta(
        String title,
        String description,
        String url,
        String image,
        int width,
        int height,
        String imageAlt,
        String published,
        String modified,
        String section,
        List<String> tags,
        JsonLd jsonLd) {

    /** Entries in {@code liveBlogUpdate}: the newest, as a page of them would show. */
    static final int LIVE_UPDATES = 50;

    public ArticleMeta {
        tags = List.copyOf(tags);
    }

    public static ArticleMeta of(Layout layout, Story story) {
        return of(layout, story, null);
    }

    /** With the story's live coverage, or null when it never had any. */
    public static ArticleMeta of(Layout layout, Story story, LiveCoverage live) {
        Site site = layout.site();
        String url = layout.canonicalUrl();
        FeaturedImage image = story.image();
        // Social previews and search engines show no SVG: a bundled SVG is given by its PNG rendering.
        String raster = image == null ? null : site.assets().rasterOf(image.url());
        String imageUrl = image == null ? null : site.url(raster != null ? raster : image.url());
        Instant modified = lastModified(story);
        if (live != null && live.changedAt().isAfter(modified)) {
            modified = live.changedAt();
        }
        List<String> tags = story.tags().stream().map(Tag::name).toList();
        String description = story.summary().isBlank() ? layout.description() : story.summary();
        return new ArticleMeta(
                story.headline(),
                description,
                url,
                imageUrl,
                image == null ? 0 : image.width(),
                image == null ? 0 : image.height(),
                image == null ? "" : image.alt(),
                Dates.iso(story.publishedAt()),
                Dates.iso(modified),
                tags.isEmpty() ? null : tags.get(0),
                tags,
                JsonLd.of(
                        withCoverage(newsArticle(site, story, url, description, imageUrl, modified, tags), live, url)));
    }

    /**
     * Publication or the last update readers were told of (a note, a correction, a substantive edit), whichever is
     * newer; an edit the editor marked minor leaves it, as it leaves the "Updated" time.
     */
    static Instant lastModified(Story story) {
        return story.lastChangedAt();
    }

    private static Map<String, Object> newsArticle(
            Site site,
            Story story,
            String url,
            String description,
            String imageUrl,
            Instant modified,
            List<String> tags) {
        Map<String, Object> article = new LinkedHashMap<>();
        article.put("@context", "https://schema.org");
        article.put("@type", "NewsArticle");
        article.put("mainEntityOfPage", Map.of("@type", "WebPage", "@id", url));
        article.put("url", url);
        article.put("headline", story.headline());
        article.put("description", description);
        if (imageUrl != null) {
            Map<String, Object> image = new LinkedHashMap<>();
            image.put("@type", "ImageObject");
            image.put("url", imageUrl);
            if (story.image().hasSize()) {
                image.put("width", story.image().width());
                image.put("height", story.image().height());
            }
            article.put("image", List.of(image));
        }
        article.put("datePublished", Dates.iso(story.publishedAt()));
        article.put("dateModified", Dates.iso(modified));
        article.put(
                "author",
                story.authors().stream().map(author -> person(site, author)).toList());
        article.put("publisher", SiteMeta.publisher(site));
        article.put("inLanguage", story.languageOr(site.language()));
        if (!tags.isEmpty()) {
            article.put("articleSection", tags.get(0));
            article.put("keywords", new ArrayList<>(tags));
        }
        if (!story.corrections().isEmpty()) {
            // schema.org's CreativeWork.correction: each correction as a dated CorrectionComment, newest first.
            article.put(
                    "correction",
                    story.corrections().stream()
                            .map(correction -> Map.of(
                                    "@type",
                                    "CorrectionComment",
                                    "datePublished",
                                    Dates.iso(correction.postedAt()),
                                    "text",
                                    "We wrote: " + correction.wrong() + " Correct: " + correction.correct()))
                            .toList());
        }
        return article;
    }

    /**
     * A live story is a {@code LiveBlogPosting} as well as a {@code NewsArticle} (Google reads both; the article stays
     * valid once the coverage ends): its coverage times and its newest entries as {@code BlogPosting}s.
     */
    private static Map<String, Object> withCoverage(Map<String, Object> article, LiveCoverage live, String url) {
        if (live == null) {
            return article;
        }
        article.put("@type", List.of("NewsArticle", "LiveBlogPosting"));
        article.put("coverageStartTime", Dates.iso(live.startedAt()));
        if (live.endedAt() != null) {
            article.put("coverageEndTime", Dates.iso(live.endedAt()));
        }
        List<Map<String, Object>> updates = new ArrayList<>();
        for (LiveEntry entry : live.newestFirst()
                .subList(0, Math.min(LIVE_UPDATES, live.entries().size()))) {
            Map<String, Object> update = new LinkedHashMap<>();
            update.put("@type", "BlogPosting");
            update.put("headline", entry.headline());
            update.put("datePublished", Dates.iso(entry.postedAt()));
            if (entry.wasEdited()) {
                update.put("dateModified", Dates.iso(entry.editedAt()));
            }
            update.put("url", url + "#" + entry.anchor());
            update.put("articleBody", entry.text());
            if (!entry.authorName().isBlank()) {
                update.put("author", Map.of("@type", "Person", "name", entry.authorName()));
            }
            if (entry.image() != null) {
                update.put("image", absolute(url, entry.image().url()));
            }
            updates.add(update);
        }
        article.put("liveBlogUpdate", updates);
        return article;
    }

    private static String absolute(String pageUrl, String path) {
        return java.net.URI.create(pageUrl).resolve(path).toString();
    }

    /** A byline as schema.org wants it: a desk is an Organization, a reporter a Person, with their page and links. */
    static Map<String, Object> person(Site site, Author author) {
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("@type", author.schemaType());
        person.put("name", author.name());
        person.put("url", site.url(author.path()));
        if (author.photoUrl() != null) {
            person.put("image", author.photoUrl().startsWith("/") ? site.url(author.photoUrl()) : author.photoUrl());
        }
        if (!author.links().isEmpty()) {
            person.put("sameAs", author.links());
        }
        return person;
    }
}
