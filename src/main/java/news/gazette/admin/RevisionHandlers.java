package news.gazette.admin;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import news.gazette.story.Story;
import news.gazette.web.Dates;
import news.gazette.web.Pages;

/** A story's revisions: the list, one revision with its diff, and restoring one (as a new save, so a new revision). */
public final class RevisionHandlers {

    private final NewsroomStories newsroom;
    private final ReviewDesk review;
    private final EditorView editorView;
    private final Pages pages;
    private final AdminLayouts layouts;
    private final Clock clock;

    public RevisionHandlers(
            NewsroomStories newsroom,
            ReviewDesk review,
            EditorView editorView,
            Pages pages,
            AdminLayouts layouts,
            Clock clock) {
        this.newsroom = newsroom;
        this.review = review;
        this.editorView = editorView;
        this.pages = pages;
        this.layouts = layouts;
        this.clock = clock;
    }

    public void revisions(Context ctx) {
        Story story = story(ctx);
        pages.render(
                ctx,
                "admin/revisions.jte",
                new RevisionsPage(
                        layouts.of(ctx, "Revisions: " + story.headline(), "stories"),
                        story,
                        newsroom.revisions(story.id())));
    }

    public void revision(Context ctx) {
        Story story = story(ctx);
        StoryRevision revision = newsroom.revision(story.id(), AdminPaths.number(ctx.pathParam("revision")))
                .orElseThrow(NotFoundResponse::new);
        StoryRevision previous = newsroom.previous(revision).orElse(null);
        pages.render(
                ctx,
                "admin/revision.jte",
                new RevisionPage(
                        layouts.of(ctx, "Revision " + revision.version() + ": " + story.headline(), "stories"),
                        story,
                        revision,
                        previous,
                        diff(previous, revision)));
    }

    static List<RevisionPage.DiffLine> diff(StoryRevision before, StoryRevision after) {
        List<String> old = before == null ? List.of() : before.lines();
        List<String> now = after.lines();
        List<String> unified =
                UnifiedDiffUtils.generateUnifiedDiff("before", "after", old, DiffUtils.diff(old, now), 3);
        List<RevisionPage.DiffLine> lines = new ArrayList<>();
        for (String line : unified.subList(Math.min(2, unified.size()), unified.size())) {
            String kind = line.startsWith("@@")
                    ? "hunk"
                    : line.startsWith("+") ? "add" : line.startsWith("-") ? "remove" : "same";
            lines.add(new RevisionPage.DiffLine(
                    kind, kind.equals("hunk") ? line : line.isEmpty() ? "" : line.substring(1)));
        }
        return lines;
    }

    /**
     * The editor, filled in with an old revision over the story as it is now: Save restores it, through every check a
     * save makes, as a new revision. Its publication state stays the story's own.
     */
    public void restoreForm(Context ctx) {
        Story story = story(ctx);
        StoryAccess.requireChange(AdminAuth.account(ctx), story, review.workflow(story.id()));
        StoryRevision old = newsroom.revision(story.id(), AdminPaths.number(ctx.pathParam("revision")))
                .orElseThrow(NotFoundResponse::new);
        StoryForm now =
                StoryForm.of(story, clock.instant(), review.workflow(story.id()).embargoedAt(clock.instant()));
        StoryForm restored = new StoryForm(
                now.version(),
                old.headline(),
                old.slug(),
                old.summary(),
                old.bodyMarkdown(),
                old.tags(),
                old.isComplete() ? old.author() : now.author(),
                old.isComplete() ? nullToEmpty(old.imageUrl()) : now.imageUrl(),
                old.isComplete() ? nullToEmpty(old.imageAlt()) : now.imageAlt(),
                old.isComplete() ? nullToEmpty(old.imageCaption()) : now.imageCaption(),
                old.notes(),
                now.publish(),
                now.publishAt(),
                old.isComplete() ? Boolean.TRUE.equals(old.developing()) : now.developing(),
                "",
                "",
                "",
                now.embargo(),
                "",
                old.isComplete() && old.language() != null ? old.language() : now.language(),
                false);
        editorView.render(
                ctx,
                story,
                restored,
                new FormErrors(),
                null,
                "Version " + old.version() + " of " + Dates.human(old.savedAt()) + " is loaded below. Nothing is"
                        + " saved yet: check it, then Save to restore it as a new revision.",
                false);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private Story story(Context ctx) {
        Story story = newsroom.findById(AdminPaths.id(ctx)).orElseThrow(NotFoundResponse::new);
        StoryAccess.requireOpen(AdminAuth.account(ctx), review.workflow(story.id()));
        return story;
    }
}
