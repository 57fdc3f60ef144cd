package news.gazette.admin;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import news.gazette.account.Account;
import news.gazette.story.Story;
import news.gazette.text.PlainText;

/** An editor's answer to a story submitted for review: send it back to its writer with a note. */
public final class ReviewHandlers {

    static final int MAX_NOTE = 2000;

    private final NewsroomStories newsroom;
    private final ReviewDesk review;
    private final EditorView view;
    private final Clock clock;

    public ReviewHandlers(NewsroomStories newsroom, ReviewDesk review, EditorView view, Clock clock) {
        this.newsroom = newsroom;
        this.review = review;
        this.view = view;
        this.clock = clock;
    }

    public void returnToWriter(Context ctx) {
        Account me = AdminAuth.account(ctx);
        StoryAccess.requireEditor(me);
        Story story = newsroom.findById(AdminPaths.id(ctx)).orElseThrow(NotFoundResponse::new);
        String raw = ctx.formParam("review_note");
        String note = raw == null ? "" : PlainText.multiline(raw).strip();
        FormErrors errors = new FormErrors();
        if (note.isEmpty()) {
            errors.add("review_note", "Tell the writer what to change.");
        }
        errors.checkLength("review_note", "The note", note, MAX_NOTE);
        if (errors.isEmpty() && !review.returnToWriter(story.id(), note, me.username(), clock.instant())) {
            ctx.status(HttpStatus.CONFLICT);
            view.render(
                    ctx,
                    story,
                    view.formOf(story),
                    errors,
                    null,
                    "Not returned: this story is no longer waiting for review (its writer took it back, or it was"
                            + " published).",
                    true,
                    note,
                    java.util.List.of());
            return;
        }
        if (!errors.isEmpty()) {
            ctx.status(HttpStatus.BAD_REQUEST);
            view.render(ctx, story, view.formOf(story), errors, null, null, false, note, java.util.List.of());
            return;
        }
        ctx.redirect("/admin/stories/" + story.id() + "?returned=1", HttpStatus.SEE_OTHER);
    }
}
