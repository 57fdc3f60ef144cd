package news.gazette.admin;

import io.javalin.http.ForbiddenResponse;
import news.gazette.account.Account;
import news.gazette.admin.ReviewDesk.Workflow;
import news.gazette.story.Story;
import news.gazette.story.StoryStatus;

/**
 * Who may do what to a story, in one place, checked on the server by every handler that reads or changes one. Editors
 * and administrators may do everything here; a contributor may open only the stories they started, and change them
 * only while they are drafts (in review or not).
 */
final class StoryAccess {

    private StoryAccess() {}

    static boolean mayOpen(Account me, Workflow workflow) {
        return me.publishes() || workflow.isOwnedBy(me.id());
    }

    static boolean mayChange(Account me, Story story, Workflow workflow) {
        return me.publishes() || (workflow.isOwnedBy(me.id()) && story.status() == StoryStatus.DRAFT);
    }

    static void requireOpen(Account me, Workflow workflow) {
        if (!mayOpen(me, workflow)) {
            throw new ForbiddenResponse("This story is not yours to open.");
        }
    }

    static void requireChange(Account me, Story story, Workflow workflow) {
        if (!mayChange(me, story, workflow)) {
            throw new ForbiddenResponse("Only an editor can change this story.");
        }
    }

    static void requireEditor(Account me) {
        if (!me.publishes()) {
            throw new ForbiddenResponse("Only an editor can do this.");
        }
    }
}
