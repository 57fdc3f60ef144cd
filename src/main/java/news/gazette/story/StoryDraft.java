package news.gazette.story;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** The fields a newsroom writes when it creates or saves a story; the store adds ids, times and the version. */
public record StoryDraft(
        Slug slug,
        String headline,
        String summary,
        String bodyMarkdown,
        long authorId,
        StoryStatus status,
        boolean developing,
        Instant publishedAt,
        FeaturedImage image,
        String notes,
        List<String> tagNames) {

    public StoryDraft {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(headline, "headline");
        Objects.requireNonNull(status, "status");
        summary = summary == null ? "" : summary;
        bodyMarkdown = bodyMarkdown == null ? "" : bodyMarkdown;
        notes = notes == null ? "" : notes;
        tagNames = List.copyOf(tagNames);
        if (status == StoryStatus.PUBLISHED && publishedAt == null) {
            throw new IllegalArgumentException("a published story needs a publication time");
        }
    }

    public StoryDraft withSlug(Slug newSlug) {
        return new StoryDraft(
                newSlug,
                headline,
                summary,
                bodyMarkdown,
                authorId,
                status,
                developing,
                publishedAt,
                image,
                notes,
                tagNames);
    }
}
