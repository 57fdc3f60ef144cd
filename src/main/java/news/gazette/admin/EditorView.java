package news.gazette.admin;

import io.javalin.http.Context;
import java.time.Clock;
import java.util.List;
import news.gazette.account.Account;
import news.gazette.admin.ReviewDesk.Workflow;
import news.gazette.story.RenderedHtml;
import news.gazette.story.Story;
import news.gazette.web.Pages;

/** Shows the story editor: the form as typed, with whatever the last action has to say about it. */
final class EditorView {

    private final NewsroomStories newsroom;
    private final ReviewDesk review;
    private final Pages pages;
    private final AdminLayouts layouts;
    private final Clock clock;

    EditorView(NewsroomStories newsroom, ReviewDesk review, Pages pages, AdminLayouts layouts, Clock clock) {
        this.newsroom = newsroom;
        this.review = review;
        this.pages = pages;
        this.layouts = layouts;
        this.clock = clock;
    }

    void render(
            Context ctx,
            Story story,
            StoryForm form,
            FormErrors errors,
            RenderedHtml preview,
            String notice,
            boolean conflict) {
        render(ctx, story, form, errors, preview, notice, conflict, "", List.of());
    }

    /** The editor, with {@code returnNote} as typed in the form that sends a story back to its writer. */
    void render(
            Context ctx,
            Story story,
            StoryForm form,
            FormErrors errors,
            RenderedHtml preview,
            String notice,
            boolean conflict,
            String returnNote,
            List<PublishChecklist.Warning> warnings) {
        Account me = AdminAuth.account(ctx);
        String title = story == null ? "New story" : "Edit: " + story.headline();
        boolean trashed = story != null && newsroom.isTrashed(story.id());
        boolean live = story != null && !trashed && story.isVisibleAt(clock.instant());
        Workflow workflow = story == null ? Workflow.NONE : review.workflow(story.id());
        pages.render(
                ctx,
                "admin/edit.jte",
                new EditorPage(
                        layouts.of(ctx, title, story == null ? "new" : "stories"),
                        story,
                        trashed,
                        live,
                        form,
                        errors,
                        preview,
                        notice,
                        conflict,
                        newsroom.authorNames(),
                        workflow,
                        me.publishes(),
                        story == null || StoryAccess.mayChange(me, story, workflow),
                        returnNote,
                        warnings));
    }
}
