package news.gazette.admin;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import news.gazette.story.FeaturedImage;
import news.gazette.story.RenderedHtml;
import news.gazette.story.Slug;
import news.gazette.story.StoryStatus;

/**
 * Everything one save writes: the story's fields, its bylines by name (authors are found or created in the same
 * transaction), its body already rendered, and what readers are told of the change (an update note, a correction).
 * The store adds ids, times and the version.
 *
 * @param bodyHtml {@code bodyMarkdown} rendered and sanitised, stored so that no view parses Markdown
 * @param updateNote a dated "what changed" line for readers; empty for none
 * @param correction a correction to publish with this save; null for none
 * @param language the story's own language (BCP 47); null for the site's
 */
public record StoryDraft(
        Slug slug,
        String headline,
        String summary,
        String bodyMarkdown,
        RenderedHtml bodyHtml,
        String authorName,
        StoryStatus status,
        boolean developing,
        Instant publishedAt,
        FeaturedImage image,
        String notes,
        List<String> tagNames,
        String updateNote,
        Correction correction,
        String language) {

    /** A draft in the site's language. */
    public StoryDraft(
            Slug slug,
            String headline,
            String summary,
            String bodyMarkdown,
            RenderedHtml bodyHtml,
            String authorName,
            StoryStatus status,
            boolean developing,
            Instant publishedAt,
            FeaturedImage image,
            String notes,
            List<String> tagNames,
            String updateNote,
            Correction correction) {
        this(
                slug,
                headline,
                summary,
                bodyMarkdown,
                bodyHtml,
                authorName,
                status,
                developing,
                publishedAt,
                image,
                notes,
                tagNames,
                updateNote,
                correction,
                null);
    }

    /** What a story got wrong and what is right. */
    public record Correction(String wrong, String right) {
        public Correction {
            Objects.requireNonNull(wrong, "wrong");
            Objects.requireNonNull(right, "right");
        }
    }

    public StoryDraft {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(headline, "headline");
        Objects.requireNonNull(bodyHtml, "bodyHtml");
        Objects.requireNonNull(status, "status");
        List<String> names = BylineNames.split(authorName);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a story needs a byline");
        }
        authorName = BylineNames.join(names);
        summary = summary == null ? "" : summary;
        bodyMarkdown = bodyMarkdown == null ? "" : bodyMarkdown;
        notes = notes == null ? "" : notes;
        tagNames = List.copyOf(tagNames);
        updateNote = updateNote == null ? "" : updateNote;
        language = language == null || language.isBlank() ? null : language;
        if (status == StoryStatus.PUBLISHED && publishedAt == null) {
            throw new IllegalArgumentException("a published story needs a publication time");
        }
    }

    /** The bylines in order, lead first: "Ann Writer, Ben Reporter" is two. */
    public List<String> authorNames() {
        return BylineNames.split(authorName);
    }

    public StoryDraft withSlug(Slug newSlug) {
        return new StoryDraft(
                newSlug,
                headline,
                summary,
                bodyMarkdown,
                bodyHtml,
                authorName,
                status,
                developing,
                publishedAt,
                image,
                notes,
                tagNames,
                updateNote,
                correction,
                language);
    }
}
