package news.gazette.admin;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import news.gazette.account.Account;
import news.gazette.story.ArticlePage;
import news.gazette.story.Markdown;
import news.gazette.story.MarkdownTooComplexException;
import news.gazette.story.Story;
import news.gazette.text.PlainText;
import news.gazette.web.Dates;
import news.gazette.web.Layouts;
import news.gazette.web.Pages;
import org.jsoup.nodes.Entities;

/**
 * A story as readers will see it, before they can: the newsroom's full-page preview of a draft, a scheduled story or
 * a pending change, and private preview links for someone outside the newsroom. Neither is ever kept by a cache or
 * indexed: both answer {@code private, no-store} and {@code noindex}.
 */
public final class PreviewHandlers {

    private final NewsroomStories newsroom;
    private final ReviewDesk review;
    private final Markdown markdown;
    private final PreviewLinks links;
    private final PendingChanges pending;
    private final EditorView editorView;
    private final Pages pages;
    private final Layouts readerLayouts;
    private final Clock clock;

    public PreviewHandlers(
            NewsroomStories newsroom,
            ReviewDesk review,
            Markdown markdown,
            PreviewLinks links,
            PendingChanges pending,
            EditorView editorView,
            Pages pages,
            Layouts readerLayouts,
            Clock clock) {
        this.newsroom = newsroom;
        this.review = review;
        this.markdown = markdown;
        this.links = links;
        this.pending = pending;
        this.editorView = editorView;
        this.pages = pages;
        this.readerLayouts = readerLayouts;
        this.clock = clock;
    }

    /** For the editor's script: the body rendered as readers will see it, as an HTML fragment. */
    public void bodyFragment(Context ctx) {
        String body = PlainText.multiline(ctx.formParam("body"));
        if (body != null && body.length() > StoryForm.MAX_BODY) {
            ctx.status(HttpStatus.CONTENT_TOO_LARGE);
            return;
        }
        String html;
        try {
            html = markdown.render(body).html();
        } catch (MarkdownTooComplexException e) {
            // Shown where the preview goes, so the editor learns why while typing, not only on Save.
            html = "<p class=\"notice notice-error\" role=\"alert\">" + Entities.escape(e.getMessage()) + "</p>";
        }
        ctx.contentType(Pages.HTML_UTF8).result(html);
    }

    public void newsroomPreview(Context ctx) {
        Story story = story(ctx);
        StoryAccess.requireOpen(AdminAuth.account(ctx), review.workflow(story.id()));
        Story shown = editorView.pendingOrStored(story);
        String what =
                shown != story ? "the pending change" : story.isVisibleAt(clock.instant()) ? "the live story" : "";
        render(ctx, shown, "Newsroom preview of " + (what.isEmpty() ? stateOf(story) : what) + ". Not public.");
    }

    /** Makes a link and shows it once, on the editor page (never in an address, so never in a log). */
    public void createLink(Context ctx) {
        Account me = AdminAuth.account(ctx);
        StoryAccess.requireEditor(me);
        Story story = story(ctx);
        Instant now = clock.instant();
        if (story.isVisibleAt(now) || newsroom.isTrashed(story.id())) {
            ctx.status(HttpStatus.BAD_REQUEST);
            editorView.render(
                    ctx,
                    story,
                    editorView.formOf(story),
                    new FormErrors(),
                    null,
                    "No preview link made: "
                            + (newsroom.isTrashed(story.id())
                                    ? "the story is in the trash."
                                    : "readers can already see the story; share its own address."),
                    true,
                    "",
                    List.of());
            return;
        }
        int days = days(ctx.formParam("days"));
        String token = links.create(story.id(), Duration.ofDays(days), me.username(), now);
        String address = readerLayouts.site().url("/preview/" + token);
        editorView.render(
                ctx,
                story,
                editorView.formOf(story),
                new FormErrors(),
                null,
                "Preview link made, valid for " + (days == 1 ? "1 day" : days + " days") + " (until it is revoked): "
                        + address + " — it is shown only now, so copy it.",
                false,
                "",
                List.of());
    }

    public void discardPending(Context ctx) {
        StoryAccess.requireEditor(AdminAuth.account(ctx));
        Story story = story(ctx);
        pending.discard(story.id());
        ctx.redirect("/admin/stories/" + story.id() + "?discarded=1", HttpStatus.SEE_OTHER);
    }

    public void revokeLink(Context ctx) {
        StoryAccess.requireEditor(AdminAuth.account(ctx));
        Story story = story(ctx);
        if (!links.revoke(story.id(), AdminPaths.number(ctx.pathParam("link")), clock.instant())) {
            throw new NotFoundResponse();
        }
        ctx.redirect("/admin/stories/" + story.id() + "?revoked=1#preview-links", HttpStatus.SEE_OTHER);
    }

    /** The page behind a private link: the story as it will appear, until it does (then its public address). */
    public void sharedPreview(Context ctx) {
        ctx.header("Cache-Control", "private, no-store");
        ctx.header("X-Robots-Tag", "noindex, nofollow");
        ctx.header("Referrer-Policy", "no-referrer"); // the address is the key: never pass it on
        Instant now = clock.instant();
        OptionalLong storyId = links.storyFor(ctx.pathParam("token"), now);
        Story story = storyId.isEmpty()
                ? null
                : newsroom.findById(storyId.getAsLong()).orElse(null);
        if (story == null || newsroom.isTrashed(story.id())) {
            throw new NotFoundResponse("This preview link has expired or was revoked.");
        }
        if (story.isVisibleAt(now)) {
            ctx.redirect(story.path(), HttpStatus.SEE_OTHER);
            return;
        }
        Instant embargo = review.workflow(story.id()).embargoUntil();
        String when = embargo != null && embargo.isAfter(now)
                ? "Embargoed until " + Dates.human(embargo) + ": not for publication before then."
                : story.publishedAt() != null && story.publishedAt().isAfter(now)
                        ? "Scheduled for " + Dates.human(story.publishedAt()) + "."
                        : "Not yet published.";
        render(ctx, story, "Private preview. " + when + " Please do not share this link.");
    }

    private void render(Context ctx, Story story, String banner) {
        ctx.header("Cache-Control", "private, no-store");
        ctx.header("X-Robots-Tag", "noindex, nofollow");
        var layout = readerLayouts
                .of(story.headline(), story.summary(), story.path())
                .asPreview(banner);
        pages.render(ctx, "story/show.jte", new ArticlePage(layout, story, story.body(), List.of()));
    }

    private String stateOf(Story story) {
        if (story.status() == news.gazette.story.StoryStatus.DRAFT) {
            return "a draft";
        }
        return story.publishedAt().isAfter(clock.instant()) ? "a scheduled story" : "the live story";
    }

    private Story story(Context ctx) {
        return newsroom.findById(AdminPaths.id(ctx)).orElseThrow(NotFoundResponse::new);
    }

    private static int days(String value) {
        try {
            int days = Integer.parseInt(value == null ? "7" : value.strip());
            return Math.max(1, Math.min(days, (int) PreviewLinks.LONGEST.toDays()));
        } catch (NumberFormatException e) {
            return 7;
        }
    }
}
