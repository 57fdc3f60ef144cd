package news.gazette.story;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A whole story as stored, including what only the newsroom sees ({@code notes}).
 *
 * @param body the body as readers see it, rendered and sanitised once when it was saved
 * @param updatedAt when readers were last told the story changed; null if never
 * @param modifiedAt the last save of any kind
 * @param version incremented on every save, for optimistic locking
 * @param language the story's own language, a BCP 47 tag; null when it is the site's
 * @param authors its bylines in order, never empty: the first is the lead
 */
public record Story(
        long id,
        String slug,
        String headline,
        String summary,
        String bodyMarkdown,
        RenderedHtml body,
        List<Author> authors,
        StoryStatus status,
        boolean developing,
        Instant publishedAt,
        Instant updatedAt,
        Instant createdAt,
        Instant modifiedAt,
        FeaturedImage image,
        String notes,
        int version,
        List<Tag> tags,
        List<StoryUpdate> updates,
        List<StoryCorrection> corrections,
        String language) {

    /** A story in the site's language. */
    public Story(
            long id,
            String slug,
            String headline,
            String summary,
            String bodyMarkdown,
            RenderedHtml body,
            Author author,
            StoryStatus status,
            boolean developing,
            Instant publishedAt,
            Instant updatedAt,
            Instant createdAt,
            Instant modifiedAt,
            FeaturedImage image,
            String notes,
            int version,
            List<Tag> tags,
            List<StoryUpdate> updates,
            List<StoryCorrection> corrections) {
        this(
                id,
                slug,
                headline,
                summary,
                bodyMarkdown,
                body,
                List.of(author),
                status,
                developing,
                publishedAt,
                updatedAt,
                createdAt,
                modifiedAt,
                image,
                notes,
                version,
                tags,
                updates,
                corrections,
                null);
    }

    public Story {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(headline, "headline");
        authors = List.copyOf(authors);
        if (authors.isEmpty()) {
            throw new IllegalArgumentException("a story needs a byline");
        }
        Objects.requireNonNull(status, "status");
        summary = summary == null ? "" : summary;
        bodyMarkdown = bodyMarkdown == null ? "" : bodyMarkdown;
        body = body == null ? RenderedHtml.EMPTY : body;
        notes = notes == null ? "" : notes;
        tags = List.copyOf(tags);
        updates = List.copyOf(updates);
        corrections = List.copyOf(corrections);
        language = language == null || language.isBlank() ? null : language;
    }

    /** The lead byline. */
    public Author author() {
        return authors.get(0);
    }

    /** The same story under {@code bylines}, when any are known; otherwise unchanged. */
    public Story withAuthors(List<Author> bylines) {
        if (bylines == null || bylines.isEmpty()) {
            return this;
        }
        return new Story(
                id,
                slug,
                headline,
                summary,
                bodyMarkdown,
                body,
                bylines,
                status,
                developing,
                publishedAt,
                updatedAt,
                createdAt,
                modifiedAt,
                image,
                notes,
                version,
                tags,
                updates,
                corrections,
                language);
    }

    /** The story's language, or {@code siteLanguage} when it has none of its own. */
    public String languageOr(String siteLanguage) {
        return language == null ? siteLanguage : language;
    }

    Story withRelations(List<Tag> newTags, List<StoryUpdate> newUpdates, List<StoryCorrection> newCorrections) {
        return new Story(
                id,
                slug,
                headline,
                summary,
                bodyMarkdown,
                body,
                authors,
                status,
                developing,
                publishedAt,
                updatedAt,
                createdAt,
                modifiedAt,
                image,
                notes,
                version,
                newTags,
                newUpdates,
                newCorrections,
                language);
    }

    public String path() {
        return "/articles/" + slug;
    }

    public Optional<FeaturedImage> featuredImage() {
        return Optional.ofNullable(image);
    }

    public boolean isVisibleAt(Instant now) {
        return status == StoryStatus.PUBLISHED && publishedAt != null && !publishedAt.isAfter(now);
    }

    /** The newest time anything readers see changed: the last update, else the first publication. */
    public Instant lastChangedAt() {
        return updatedAt != null && updatedAt.isAfter(publishedAt) ? updatedAt : publishedAt;
    }

    public boolean wasUpdated() {
        return updatedAt != null && publishedAt != null && updatedAt.isAfter(publishedAt);
    }
}
