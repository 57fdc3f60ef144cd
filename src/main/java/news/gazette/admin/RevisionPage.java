package news.gazette.admin;

import java.util.List;
import news.gazette.story.Story;

/**
 * The model of {@code admin/revision.jte}: one revision and what changed since the one before it.
 *
 * @param previous the revision before, or null for the first
 */
public record RevisionPage(
        AdminLayout layout, Story story, StoryRevision revision, StoryRevision previous, List<DiffLine> diff) {

    public RevisionPage {
        diff = List.copyOf(diff);
    }

    /** One line of a unified diff: "add", "remove", "same" or "hunk" (a {@code @@} header). */
    public record DiffLine(String kind, String text) {}
}
