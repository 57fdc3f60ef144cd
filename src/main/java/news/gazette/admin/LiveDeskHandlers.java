package news.gazette.admin;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.time.Instant;
import news.gazette.account.Account;
import news.gazette.media.MediaStore;
import news.gazette.story.LiveCoverageRepository;
import news.gazette.story.Markdown;
import news.gazette.story.Story;
import news.gazette.web.Pages;

/**
 * The live desk of a story, {@code /admin/stories/{id}/live}: start and end its live coverage, post entries quickly
 * (Markdown, an optional picture, whose entry it is, pinned or not), correct, pin, unpin and remove them. Entries go
 * out the moment they are posted, so only editors may post.
 */
public final class LiveDeskHandlers {

    /** Entries the desk lists: every pinned one and the newest. */
    static final int ENTRIES_LISTED = 500;

    private static final String TOO_MANY_PINS =
            "At most " + LiveDesk.MAX_PINNED + " entries can be pinned; unpin one first.";

    private final NewsroomStories stories;
    private final LiveDesk desk;
    private final LiveCoverageRepository coverage;
    private final MediaStore media;
    private final Markdown markdown;
    private final Pages pages;
    private final AdminLayouts layouts;
    private final Clock clock;

    LiveDeskHandlers(
            NewsroomStories stories,
            LiveDesk desk,
            LiveCoverageRepository coverage,
            MediaStore media,
            Markdown markdown,
            Pages pages,
            AdminLayouts layouts,
            Clock clock) {
        this.stories = stories;
        this.desk = desk;
        this.coverage = coverage;
        this.media = media;
        this.markdown = markdown;
        this.pages = pages;
        this.layouts = layouts;
        this.clock = clock;
    }

    public void desk(Context ctx) {
        Account me = AdminAuth.account(ctx);
        Story story = editableStory(ctx, me);
        String notice = ctx.queryParam("posted") != null
                ? "Posted: readers see it within a second."
                : ctx.queryParam("saved") != null ? "Saved: readers see it within a second." : null;
        render(ctx, story, new FormErrors(), LiveEntryForm.blank(me.displayName()), null, notice);
    }

    public void start(Context ctx) {
        Account me = AdminAuth.account(ctx);
        Story story = editableStory(ctx, me);
        desk.start(story.id(), me.username(), clock.instant());
        ctx.redirect(deskPath(story) + "?saved=1", HttpStatus.SEE_OTHER);
    }

    public void end(Context ctx) {
        Account me = AdminAuth.account(ctx);
        Story story = editableStory(ctx, me);
        desk.end(story.id(), clock.instant());
        ctx.redirect(deskPath(story) + "?saved=1", HttpStatus.SEE_OTHER);
    }

    public void post(Context ctx) {
        Account me = AdminAuth.account(ctx);
        Story story = editableStory(ctx, me);
        FormErrors errors = new FormErrors();
        if (coverage.findFresh(story.id(), 0).filter(c -> c.isOn()).isEmpty()) {
            errors.add("body", "Start the live coverage first; this entry is kept below.");
        }
        LiveEntryForm form = LiveEntryForm.read(ctx, markdown, media, errors);
        if (form.pinned() && desk.pinnedCount(story.id()) >= LiveDesk.MAX_PINNED) {
            errors.add("pinned", TOO_MANY_PINS);
        }
        if (!errors.isEmpty()) {
            ctx.status(HttpStatus.BAD_REQUEST);
            render(ctx, story, errors, form, null, null);
            return;
        }
        long id = desk.post(story.id(), form.draft(), me.username(), clock.instant());
        ctx.redirect(deskPath(story) + "?posted=" + id, HttpStatus.SEE_OTHER);
    }

    /** The desk with an entry loaded into the form, to correct it. */
    public void editForm(Context ctx) {
        Account me = AdminAuth.account(ctx);
        Story story = editableStory(ctx, me);
        long entry = AdminPaths.number(ctx.pathParam("entry"));
        LiveDesk.EntryDraft stored = desk.find(story.id(), entry).orElseThrow(NotFoundResponse::new);
        render(ctx, story, new FormErrors(), LiveEntryForm.of(stored), entry, null);
    }

    public void update(Context ctx) {
        Account me = AdminAuth.account(ctx);
        Story story = editableStory(ctx, me);
        long entry = AdminPaths.number(ctx.pathParam("entry"));
        LiveDesk.EntryDraft stored = desk.find(story.id(), entry).orElseThrow(NotFoundResponse::new);
        FormErrors errors = new FormErrors();
        LiveEntryForm form = LiveEntryForm.read(ctx, markdown, media, errors);
        if (!errors.isEmpty()) {
            ctx.status(HttpStatus.BAD_REQUEST);
            render(ctx, story, errors, form, entry, null);
            return;
        }
        LiveDesk.EntryDraft draft = form.draft();
        LiveDesk.EntryDraft kept = new LiveDesk.EntryDraft(
                draft.bodyMarkdown(), draft.body(), draft.authorName(), stored.pinned(), draft.image());
        if (!desk.edit(story.id(), entry, kept, clock.instant())) {
            throw new NotFoundResponse();
        }
        ctx.redirect(deskPath(story) + "?saved=1#entry-" + entry, HttpStatus.SEE_OTHER);
    }

    public void pin(Context ctx) {
        changeEntry(ctx, true);
    }

    public void unpin(Context ctx) {
        changeEntry(ctx, false);
    }

    public void delete(Context ctx) {
        Account me = AdminAuth.account(ctx);
        Story story = editableStory(ctx, me);
        if (!desk.delete(story.id(), AdminPaths.number(ctx.pathParam("entry")), clock.instant())) {
            throw new NotFoundResponse();
        }
        ctx.redirect(deskPath(story) + "?saved=1", HttpStatus.SEE_OTHER);
    }

    private void changeEntry(Context ctx, boolean pinned) {
        Account me = AdminAuth.account(ctx);
        Story story = editableStory(ctx, me);
        long entry = AdminPaths.number(ctx.pathParam("entry"));
        if (pinned && desk.pinnedCount(story.id()) >= LiveDesk.MAX_PINNED) {
            FormErrors errors = new FormErrors();
            errors.add("pinned", TOO_MANY_PINS);
            ctx.status(HttpStatus.BAD_REQUEST);
            render(ctx, story, errors, LiveEntryForm.blank(me.displayName()), null, null);
            return;
        }
        if (!desk.pin(story.id(), entry, pinned, clock.instant())) {
            throw new NotFoundResponse();
        }
        ctx.redirect(deskPath(story) + "?saved=1", HttpStatus.SEE_OTHER);
    }

    private Story editableStory(Context ctx, Account me) {
        StoryAccess.requireEditor(me);
        Story story = stories.findById(AdminPaths.id(ctx)).orElseThrow(NotFoundResponse::new);
        if (stories.isTrashed(story.id())) {
            throw new NotFoundResponse();
        }
        return story;
    }

    private void render(Context ctx, Story story, FormErrors errors, LiveEntryForm form, Long editing, String notice) {
        Instant now = clock.instant();
        pages.render(
                ctx,
                "admin/live.jte",
                new LiveDeskPage(
                        layouts.of(ctx, "Live: " + story.headline(), "stories"),
                        story,
                        coverage.findFresh(story.id(), ENTRIES_LISTED).orElse(null),
                        errors,
                        form,
                        editing,
                        notice,
                        story.isVisibleAt(now)));
    }

    private static String deskPath(Story story) {
        return "/admin/stories/" + story.id() + "/live";
    }
}
