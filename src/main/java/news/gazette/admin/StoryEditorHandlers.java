package news.gazette.admin;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.OptionalLong;
import news.gazette.account.Account;
import news.gazette.admin.ReviewDesk.ReviewState;
import news.gazette.admin.ReviewDesk.ReviewStep;
import news.gazette.admin.ReviewDesk.Workflow;
import news.gazette.db.Jdbc;
import news.gazette.media.MediaStore;
import news.gazette.story.FeaturedImage;
import news.gazette.story.Markdown;
import news.gazette.story.MarkdownTooComplexException;
import news.gazette.story.RenderedHtml;
import news.gazette.story.Slug;
import news.gazette.story.Story;
import news.gazette.story.StoryStatus;
import news.gazette.web.Dates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writing, previewing and saving stories. */
public final class StoryEditorHandlers {

    private static final Logger log = LoggerFactory.getLogger(StoryEditorHandlers.class);

    // Each round of a race for one address has a winner, so this many rounds cover that many editors saving the
    // same headline at the same moment (rounds are cheap: an index look-up and a failed insert).
    private static final int SLUG_ATTEMPTS = 32;

    private final NewsroomStories newsroom;
    private final ReviewDesk review;
    private final PendingChanges pending;
    private final StoryWriter writer;
    private final FeaturedImageField imageField;
    private final Markdown markdown;
    private final EditorView view;
    private final PublishChecklist checklist;
    private final Clock clock;

    public StoryEditorHandlers(
            NewsroomStories newsroom,
            ReviewDesk review,
            PendingChanges pending,
            StoryWriter writer,
            MediaStore media,
            Markdown markdown,
            EditorView view,
            PublishChecklist checklist,
            Clock clock) {
        this.newsroom = newsroom;
        this.review = review;
        this.pending = pending;
        this.writer = writer;
        this.imageField = new FeaturedImageField(media);
        this.markdown = markdown;
        this.view = view;
        this.checklist = checklist;
        this.clock = clock;
    }

    public void newForm(Context ctx) {
        StoryForm form = StoryForm.blank(AdminAuth.account(ctx).displayName());
        view.render(ctx, null, form, new FormErrors(), null, null, false);
    }

    public void editForm(Context ctx) {
        Story story = find(ctx);
        Workflow workflow = review.workflow(story.id());
        StoryAccess.requireOpen(AdminAuth.account(ctx), workflow);
        String notice = EditorNotices.after(ctx, story, workflow, clock.instant());
        view.render(ctx, story, view.formOf(story), new FormErrors(), null, notice, false);
    }

    public void create(Context ctx) {
        save(ctx, null);
    }

    public void update(Context ctx) {
        save(ctx, find(ctx));
    }

    private void save(Context ctx, Story before) {
        StoryForm form = StoryForm.from(ctx);
        try {
            save(ctx, before, form);
        } catch (Jdbc.DataAccessException e) {
            // The save was one transaction, so nothing of it was written; what the editor typed is still here.
            log.error("Saving a story failed; nothing was written", e);
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE);
            view.render(
                    ctx,
                    before,
                    form,
                    new FormErrors(),
                    null,
                    "Not saved: the database did not take the save, and nothing of it was written. Your text is"
                            + " below, unchanged; try saving again in a moment.",
                    true);
        }
    }

    private void save(Context ctx, Story before, StoryForm typed) {
        Account me = AdminAuth.account(ctx);
        Instant now = clock.instant();
        long id = before == null ? 0 : before.id();
        Workflow workflow = before == null ? Workflow.NONE : review.workflow(id);
        if (before != null) {
            StoryAccess.requireChange(me, before, workflow);
        }
        StoryForm form = typed;
        FormErrors errors = new FormErrors();
        if (!me.publishes() && form.publishes()) {
            errors.add("publish", "Contributors submit stories for review; an editor publishes or schedules them.");
        }
        if (ctx.formParam("remove_image") != null) {
            form = form.withImageUrl("");
        }
        form = imageField.acceptUpload(ctx, form, errors);
        FeaturedImage image = imageField.image(form, before, errors);
        if ("preview".equals(ctx.formParam("action"))) {
            RenderedHtml preview = renderBody(form, errors);
            if (!errors.isEmpty()) {
                ctx.status(HttpStatus.BAD_REQUEST);
            }
            view.render(ctx, before, form, errors, preview, null, false);
            return;
        }
        Instant publishedAt = form.publicationTime(before, now);
        boolean visible = form.status() == StoryStatus.PUBLISHED && publishedAt != null && !publishedAt.isAfter(now);
        form.validate(errors, visible, now);
        Slug slug = null;
        boolean slugFromHeadline = form.slug().isEmpty();
        if (slugFromHeadline && !form.headline().isEmpty()) {
            // Left out of the form, so that a corrected headline still names the story if this save fails.
            slug = writer.uniqueSlug(Slug.from(form.headline()), id);
        } else if (Slug.isValid(form.slug())) {
            slug = new Slug(form.slug());
            if (writer.isSlugTaken(slug.value(), id)) {
                errors.add("slug", "Another story uses this address. Try " + writer.uniqueSlug(slug, id) + ".");
            }
        }
        RenderedHtml body = errors.has("body") ? null : renderBody(form, errors);
        if (!errors.isEmpty() || slug == null) {
            ctx.status(HttpStatus.BAD_REQUEST);
            view.render(ctx, before, form, errors, null, null, false);
            return;
        }
        if (goesOut(before, form, workflow) && !"override".equals(ctx.formParam("checklist"))) {
            var warnings = checklist.check(form, id, now);
            if (!warnings.isEmpty()) {
                ctx.status(HttpStatus.BAD_REQUEST);
                view.render(ctx, before, form, errors, null, null, false, "", warnings);
                return;
            }
        }
        StoryDraft draft = new StoryDraft(
                slug,
                form.headline(),
                form.summary(),
                form.body(),
                body,
                form.author(),
                form.status(),
                form.developing(),
                publishedAt,
                image,
                form.notes(),
                form.tagNames(),
                form.updateNote(),
                form.correctionWrong().isEmpty()
                        ? null
                        : new StoryDraft.Correction(form.correctionWrong(), form.correctionRight()),
                form.languageTag());
        boolean stage = "stage".equals(ctx.formParam("action"));
        if (stage) {
            stage(ctx, before, form, draft, me, now);
            return;
        }
        Instant embargo = !me.publishes() ? null : form.embargo() ? form.scheduledAt() : StoryWriter.SavedBy.NO_EMBARGO;
        var savedBy = new StoryWriter.SavedBy(
                me.username(),
                me.id(),
                reviewStep(me, form, workflow),
                embargo,
                before != null && "1".equals(ctx.formParam("pending")),
                form.minor());
        if (before == null) {
            OptionalLong created = writer.create(draft, savedBy, now);
            // Editors creating stories with the same headline at once race for its address: a made-up address
            // simply moves on to the next free one; a typed one is the editor's to change.
            for (int attempt = 1; created.isEmpty() && slugFromHeadline && attempt < SLUG_ATTEMPTS; attempt++) {
                draft = draft.withSlug(writer.uniqueSlug(Slug.from(form.headline()), 0));
                created = writer.create(draft, savedBy, now);
            }
            if (created.isEmpty()) {
                errors.add("slug", "Another story took this address a moment ago. Try " + writer.uniqueSlug(slug, 0));
                ctx.status(HttpStatus.BAD_REQUEST);
                view.render(ctx, null, form, errors, null, null, false);
                return;
            }
            id = created.getAsLong();
        } else {
            StoryWriter.Outcome outcome = writer.update(id, form.version(), draft, savedBy, now);
            if (outcome == StoryWriter.Outcome.SLUG_TAKEN) {
                errors.add("slug", "Another story took this address a moment ago. Try " + writer.uniqueSlug(slug, id));
                ctx.status(HttpStatus.BAD_REQUEST);
                view.render(ctx, before, form, errors, null, null, false);
                return;
            }
            if (outcome == StoryWriter.Outcome.STALE) {
                conflict(ctx, id, form);
                return;
            }
        }
        ctx.redirect("/admin/stories/" + id + "?saved=1", HttpStatus.SEE_OTHER);
    }

    /** Saves the form as the live story's pending change, to go live at its time or when an editor says. */
    private void stage(Context ctx, Story before, StoryForm form, StoryDraft draft, Account me, Instant now) {
        FormErrors errors = new FormErrors();
        Instant at = form.stagedAt();
        if (before == null || !before.isVisibleAt(now) || !me.publishes()) {
            errors.add("stage_at", "Only an editor can stage a change, and only to a story readers can see.");
        } else if (!form.stageAt().isEmpty() && (at == null || !at.isAfter(now))) {
            errors.add("stage_at", "Give a time still to come, or leave it empty to publish the change yourself.");
        }
        if (!errors.isEmpty()) {
            ctx.status(HttpStatus.BAD_REQUEST);
            view.render(ctx, before, form, errors, null, null, false);
            return;
        }
        pending.stage(before.id(), draft, at, me.username(), now);
        ctx.redirect("/admin/stories/" + before.id() + "?staged=1", HttpStatus.SEE_OTHER);
    }

    /** Whether this save publishes, schedules or submits a story that was not out or in review before. */
    private static boolean goesOut(Story before, StoryForm form, Workflow workflow) {
        boolean wasDraft = before == null || before.status() == StoryStatus.DRAFT;
        return wasDraft
                && (form.publishes() || (form.publish().equals("review") && workflow.state() != ReviewState.SUBMITTED));
    }

    /**
     * Submitting puts the story in review; publishing or scheduling ends its review; a contributor saving a submitted
     * story as a draft takes it back. An editor's draft save leaves the review where it was (editing in review).
     */
    private static ReviewStep reviewStep(Account me, StoryForm form, Workflow workflow) {
        if (form.publish().equals("review")) {
            return ReviewStep.SUBMIT;
        }
        if (form.publishes() || (!me.publishes() && workflow.state() == ReviewState.SUBMITTED)) {
            return ReviewStep.CLEAR;
        }
        return ReviewStep.KEEP;
    }

    /** The body as readers will see it, or null with the reason next to the field when it cannot be formatted. */
    private RenderedHtml renderBody(StoryForm form, FormErrors errors) {
        try {
            return markdown.render(form.body());
        } catch (MarkdownTooComplexException e) {
            errors.add("body", e.getMessage());
            return null;
        }
    }

    /** Someone saved the story since this editor opened it: keep every word typed and say what happened. */
    private void conflict(Context ctx, long id, StoryForm form) {
        Story current = newsroom.findById(id).orElseThrow(NotFoundResponse::new);
        StoryForm kept = form.withVersion(current.version());
        ctx.status(HttpStatus.CONFLICT);
        view.render(
                ctx,
                current,
                kept,
                new FormErrors(),
                null,
                "Not saved: someone else saved this story at " + Dates.human(current.modifiedAt())
                        + " while you were editing. Your text is below, unchanged. Open the story in a new tab to"
                        + " compare; saving again replaces their version with yours.",
                true);
    }

    private Story find(Context ctx) {
        return newsroom.findById(AdminPaths.id(ctx)).orElseThrow(NotFoundResponse::new);
    }
}
