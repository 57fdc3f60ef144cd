package news.gazette.feed;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import news.gazette.story.Author;
import news.gazette.story.FeaturedImage;
import news.gazette.story.LiveEntry;
import news.gazette.story.StoryCorrection;
import news.gazette.story.StoryUpdate;
import news.gazette.story.Tag;

/**
 * A story as feeds see it: everything readers may read, and nothing of the newsroom's (no notes).
 *
 * @param bodyHtml the body as rendered and sanitised when the story was saved
 * @param updatedAt when readers were last told the story changed; null if never
 * @param modifiedAt the last save of any kind, which may have changed the headline or body silently
 * @param createdAt when the story was first saved; part of its permanent feed id
 * @param authors every byline, lead first
 * @param corrections published corrections, newest first; feed readers see them above the story
 * @param updates the update notes readers were given, newest first; shown above the story as on the article
 * @param live the newest entries of the story's live coverage, newest first; empty when it has none
 */
public record FeedItem(
        long id,
        String slug,
        String headline,
        String summary,
        String bodyHtml,
        List<Author> authors,
        List<Tag> tags,
        FeaturedImage image,
        Instant publishedAt,
        Instant updatedAt,
        Instant modifiedAt,
        Instant createdAt,
        List<StoryCorrection> corrections,
        List<StoryUpdate> updates,
        String language,
        List<LiveEntry> live) {

    public FeedItem {
        Objects.requireNonNull(publishedAt, "publishedAt");
        Objects.requireNonNull(modifiedAt, "modifiedAt");
        Objects.requireNonNull(createdAt, "createdAt");
        bodyHtml = bodyHtml == null ? "" : bodyHtml;
        tags = List.copyOf(tags);
        authors = List.copyOf(authors);
        corrections = List.copyOf(corrections);
        updates = List.copyOf(updates);
        live = live == null ? List.of() : List.copyOf(live);
    }

    public String path() {
        return "/articles/" + slug;
    }

    /** The newest of publication, the last announced update and the last save: a feed's "updated". */
    public Instant lastChangedAt() {
        Instant newest = publishedAt;
        if (updatedAt != null && updatedAt.isAfter(newest)) {
            newest = updatedAt;
        }
        return modifiedAt.isAfter(newest) ? modifiedAt : newest;
    }

    /** The lead byline. */
    public Author author() {
        return authors.get(0);
    }

    /** With its bylines (when any are recorded), tags, corrections and update notes. */
    public FeedItem withRelations(
            List<Author> bylines,
            List<Tag> newTags,
            List<StoryCorrection> newCorrections,
            List<StoryUpdate> newUpdates) {
        return new FeedItem(
                id,
                slug,
                headline,
                summary,
                bodyHtml,
                bylines == null || bylines.isEmpty() ? authors : bylines,
                newTags,
                image,
                publishedAt,
                updatedAt,
                modifiedAt,
                createdAt,
                newCorrections,
                newUpdates,
                language,
                live);
    }

    /** With the newest entries of its live coverage. */
    public FeedItem withLive(List<LiveEntry> entries) {
        return new FeedItem(
                id,
                slug,
                headline,
                summary,
                bodyHtml,
                authors,
                tags,
                image,
                publishedAt,
                updatedAt,
                modifiedAt,
                createdAt,
                corrections,
                updates,
                language,
                entries);
    }
}
