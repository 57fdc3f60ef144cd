package news.gazette.admin;

import io.javalin.http.Context;
import java.time.Instant;
import news.gazette.admin.ReviewDesk.ReviewState;
import news.gazette.admin.ReviewDesk.Workflow;
import news.gazette.story.Story;
import news.gazette.story.StoryStatus;
import news.gazette.web.Dates;

/** What the editor says at the top after an action sent the editor back to it (a {@code ?saved=1} and the like). */
final class EditorNotices {

    private EditorNotices() {}

    static String after(Context ctx, Story story, Workflow workflow, Instant now) {
        if (ctx.queryParam("saved") != null) {
            return (workflow.state() == ReviewState.SUBMITTED ? "Submitted for review at " : "Saved at ")
                    + Dates.human(story.modifiedAt()) + ".";
        }
        if (ctx.queryParam("returned") != null) {
            return "Returned to the writer with your note.";
        }
        if (ctx.queryParam("restored") != null) {
            return "Restored from the trash. "
                    + (story.status() == StoryStatus.DRAFT
                            ? "It is a draft: readers cannot see it."
                            : story.isVisibleAt(now)
                                    ? "It is published again: readers can see it now."
                                    : "It is scheduled again for " + Dates.human(story.publishedAt()) + ".");
        }
        if (ctx.queryParam("staged") != null) {
            return "Saved as a pending change: readers still see the live version.";
        }
        if (ctx.queryParam("discarded") != null) {
            return "The pending change is discarded.";
        }
        if (ctx.queryParam("revoked") != null) {
            return "The preview link is revoked: it opens nothing now.";
        }
        return null;
    }
}
