package news.gazette.admin;

import java.util.List;
import news.gazette.story.Story;

/** The model of {@code admin/revisions.jte}: every saved revision of a story, newest first. */
public record RevisionsPage(AdminLayout layout, Story story, List<StoryRevision> revisions) {

    public RevisionsPage {
        revisions = List.copyOf(revisions);
    }
}
