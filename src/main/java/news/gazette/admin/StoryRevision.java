package news.gazette.admin;

import java.time.Instant;

/** A snapshot of a story as one save left it. */
public record StoryRevision(
        long id,
        long storyId,
        int version,
        Instant savedAt,
        String savedBy,
        String slug,
        String headline,
        String summary,
        String bodyMarkdown,
        String notes,
        String status,
        Instant publishedAt,
        String tags) {

    /** The revision as lines of text, the unit of the diff view. */
    public java.util.List<String> lines() {
        String text = "Headline: " + headline + "\nSlug: " + slug + "\nStatus: " + status + "\nPublished at: "
                + (publishedAt == null ? "-" : publishedAt.toString()) + "\nTags: " + tags + "\nSummary: " + summary
                + "\n\n" + bodyMarkdown + "\n\nNotes: " + notes;
        return text.lines().toList();
    }
}
