package news.gazette.admin;

import java.time.Instant;
import java.util.List;

/**
 * A snapshot of a story as one save left it: every field a reader can see, and the notes. The fields after
 * {@code tags} are null in revisions saved before they were recorded.
 *
 * @param updateNote the update note published with this save; empty or null for none
 * @param correction the correction published with this save, as "wrong → right"; null for none
 */
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
        String tags,
        String author,
        Boolean developing,
        String imageUrl,
        String imageAlt,
        String imageCaption,
        String updateNote,
        String correction,
        String language) {

    /** Whether this revision recorded every field a reader sees (those saved since they were recorded). */
    public boolean isComplete() {
        return author != null;
    }

    /** The revision as lines of text, the unit of the diff view. */
    public List<String> lines() {
        StringBuilder text = new StringBuilder()
                .append("Headline: ")
                .append(headline)
                .append("\nAddress: /articles/")
                .append(slug)
                .append("\nStatus: ")
                .append(status)
                .append("\nPublished at: ")
                .append(publishedAt == null ? "-" : publishedAt.toString());
        if (isComplete()) {
            text.append("\nLanguage: ")
                    .append(language == null ? "the site's" : language)
                    .append("\nByline: ")
                    .append(author)
                    .append("\nDeveloping story: ")
                    .append(Boolean.TRUE.equals(developing) ? "yes" : "no")
                    .append("\nImage: ")
                    .append(imageUrl == null ? "-" : imageUrl)
                    .append("\nAlt text: ")
                    .append(imageAlt == null ? "-" : imageAlt)
                    .append("\nCaption: ")
                    .append(imageCaption == null || imageCaption.isEmpty() ? "-" : imageCaption);
        }
        text.append("\nTags: ").append(tags).append("\nSummary: ").append(summary);
        text.append("\n\n").append(bodyMarkdown).append("\n\nNotes: ").append(notes);
        if (updateNote != null && !updateNote.isEmpty()) {
            text.append("\n\nUpdate note published: ").append(updateNote);
        }
        if (correction != null) {
            text.append("\n\nCorrection published: ").append(correction);
        }
        return text.toString().lines().toList();
    }
}
