package news.gazette.admin;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
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
    private final PendingChanges pending;
    private final PreviewLinks links;
    private final Pages pages;
    private final AdminLayouts layouts;
    private final Clock clock;

    EditorView(
            NewsroomStories newsroom,
            ReviewDesk review,
            PendingChanges pending,
            PreviewLinks links,
            Pages pages,
            AdminLayouts layouts,
            Clock clock) {
        this.newsroom = newsroom;
        this.review = review;
        this.pending = pending;
        this.links = links;
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
        PendingChanges.Pending change = live ? pending.find(story.id()).orElse(null) : null;
        List<PreviewLinks.Link> previewLinks =
                story == null || live || !me.publishes() ? List.of() : links.of(story.id());
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
                        warnings,
                        change,
                        previewLinks,
                        clock.instant()));
    }

    /**
     * The editor's form for a stored story as it stands: its pending change when it has one, its embargo, and "keep
     * in review" while it waits for an editor. Every page that shows a stored story in the editor starts here, so a
     * save from any of them keeps what the story holds.
     */
    StoryForm formOf(Story story) {
        Instant now = clock.instant();
        Workflow workflow = review.workflow(story.id());
        StoryForm form = pendingOf(story)
                .map(p -> PendingChanges.formOf(story, p))
                .orElse(StoryForm.of(story, now, workflow.embargoedAt(now)));
        return workflow.state() == ReviewDesk.ReviewState.SUBMITTED ? form.withPublish("review") : form;
    }

    /** The pending change of a live story, if there is one. */
    java.util.Optional<PendingChanges.Pending> pendingOf(Story story) {
        return story.isVisibleAt(clock.instant()) ? pending.find(story.id()) : java.util.Optional.empty();
    }

    /** The story as its pending change would make it, or {@code story} itself when it has none. */
    Story pendingOrStored(Story story) {
        return pendingOf(story).map(p -> withChange(story, p.draft())).orElse(story);
    }

    private static Story withChange(Story s, StoryDraft d) {
        // The stored author of each name when the story has it (its page, photo and kind), else a new byline as it
        // will be created.
        List<news.gazette.story.Author> authors = d.authorNames().stream()
                .map(name -> s.authors().stream()
                        .filter(known -> known.name().equals(name))
                        .findFirst()
                        .orElseGet(() -> new news.gazette.story.Author(
                                0, news.gazette.story.Slug.from(name).value(), name, "")))
                .toList();
        List<news.gazette.story.Tag> tags = d.tagNames().stream()
                .map(name -> new news.gazette.story.Tag(
                        0, news.gazette.story.Slug.from(name).value(), name))
                .toList();
        return new Story(
                s.id(),
                d.slug().value(),
                d.headline(),
                d.summary(),
                d.bodyMarkdown(),
                d.bodyHtml(),
                authors,
                s.status(),
                d.developing(),
                s.publishedAt(),
                s.updatedAt(),
                s.createdAt(),
                s.modifiedAt(),
                d.image(),
                d.notes(),
                s.version(),
                tags,
                s.updates(),
                s.corrections(),
                d.language());
    }
}
