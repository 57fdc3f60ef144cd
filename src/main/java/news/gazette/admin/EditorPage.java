package news.gazette.admin;

import java.util.List;
import news.gazette.story.RenderedHtml;
import news.gazette.story.Story;

/**
 * The model of {@code admin/edit.jte}.
 *
 * @param story the story as stored, or null while writing a new one
 * @param live whether readers can see the story now
 * @param preview the body rendered as readers will see it, when the editor asked for a preview
 * @param notice a message at the top of the form: saved, or a conflict with someone else's save
 * @param conflict true when the notice reports a stale save
 * @param workflow who started the story and where it stands in review
 * @param editor whether the signed-in account publishes (an editor or administrator) or only submits (a contributor)
 * @param mayChange whether Save is offered: a contributor's own published story is read-only to them
 * @param returnNote the note to the writer as typed, when sending the story back was refused
 * @param warnings the pre-publish checklist's findings, which the editor may override
 * @param pending the live story's pending change, which the form shows when there is one; null otherwise
 * @param previewLinks the private preview links of a story readers cannot see yet (editors only)
 */
public record EditorPage(
        AdminLayout layout,
        Story story,
        boolean trashed,
        boolean live,
        StoryForm form,
        FormErrors errors,
        RenderedHtml preview,
        String notice,
        boolean conflict,
        List<String> authorNames,
        ReviewDesk.Workflow workflow,
        boolean editor,
        boolean mayChange,
        String returnNote,
        List<PublishChecklist.Warning> warnings,
        PendingChanges.Pending pending,
        List<PreviewLinks.Link> previewLinks,
        java.time.Instant now) {

    public EditorPage {
        authorNames = List.copyOf(authorNames);
        warnings = List.copyOf(warnings);
        previewLinks = List.copyOf(previewLinks);
    }

    public boolean inReview() {
        return workflow.state() == ReviewDesk.ReviewState.SUBMITTED;
    }

    public boolean returned() {
        return workflow.state() == ReviewDesk.ReviewState.RETURNED;
    }

    public boolean isNew() {
        return story == null;
    }

    public String action() {
        return story == null ? "/admin/stories/new" : "/admin/stories/" + story.id();
    }
}
