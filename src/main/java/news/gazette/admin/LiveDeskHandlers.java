package news.gazette.admin;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import news.gazette.account.Account;
import news.gazette.media.MediaStore;
import news.gazette.media.RejectedImageException;
import news.gazette.media.StoredImage;
import news.gazette.story.FeaturedImage;
import news.gazette.story.LiveCoverageRepository;
import news.gazette.story.Markdown;
import news.gazette.story.MarkdownTooComplexException;
import news.gazette.story.RenderedHtml;
import news.gazette.story.Story;
import news.gazette.text.PlainText;
import news.gazette.web.Pages;

/**
 * The live desk of a story, {@code /admin/stories/{id}/live}: start and end its live coverage, post entries quickly
 * (Markdown, an optional picture, whose entry it is, pinned or not), pin, unpin and remove them. Entries go out the
 * moment they are posted, so only editors may post.
 */
public final class LiveDeskHandlers {

    static final int MAX_ENTRY = 20_000;
    static final int MAX_AUTHOR = 200;
    /** Entries the desk lists: every pinned one and the newest. */
    static final int ENTRIES_LISTED = 500;

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
        render(ctx, story, new FormErrors(), "", me.displayName(), false, "", "", notice);
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
        String body = clean(PlainText.multiline(ctx.formParam("body")));
        String author = clean(PlainText.line(ctx.formParam("author"))).strip();
        String alt = clean(PlainText.line(ctx.formParam("image_alt"))).strip();
        String keptImage = clean(ctx.formParam("image_url")).strip();
        boolean pinned = ctx.formParam("pinned") != null;
        FormErrors errors = new FormErrors();
        if (coverage.findFresh(story.id(), 0).filter(c -> c.isOn()).isEmpty()) {
            errors.add("body", "Start the live coverage first; this entry is kept below.");
        }
        if (body.isBlank()) {
            errors.add("body", "Write the entry.");
        }
        errors.checkLength("body", "The entry", body, MAX_ENTRY);
        if (author.isEmpty()) {
            errors.add("author", "Say whose entry this is.");
        }
        errors.checkLength("author", "The name", author, MAX_AUTHOR);
        RenderedHtml html = RenderedHtml.EMPTY;
        if (!errors.has("body")) {
            try {
                html = markdown.render(body);
            } catch (MarkdownTooComplexException e) {
                errors.add("body", e.getMessage());
            }
        }
        FeaturedImage image = image(ctx, keptImage, alt, errors);
        if (image != null) {
            keptImage = image.url();
        }
        if (pinned && desk.pinnedCount(story.id()) >= LiveDesk.MAX_PINNED) {
            errors.add("pinned", "At most " + LiveDesk.MAX_PINNED + " entries can be pinned; unpin one first.");
        }
        if (!errors.isEmpty()) {
            ctx.status(HttpStatus.BAD_REQUEST);
            render(ctx, story, errors, body, author, pinned, keptImage, alt, null);
            return;
        }
        long id = desk.post(
                story.id(), new LiveDesk.EntryDraft(body, html, author, pinned, image), me.username(), clock.instant());
        ctx.redirect(deskPath(story) + "?posted=" + id, HttpStatus.SEE_OTHER);
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
            errors.add("pinned", "At most " + LiveDesk.MAX_PINNED + " entries can be pinned; unpin one first.");
            ctx.status(HttpStatus.BAD_REQUEST);
            render(ctx, story, errors, "", me.displayName(), false, "", "", null);
            return;
        }
        if (!desk.pin(story.id(), entry, pinned, clock.instant())) {
            throw new NotFoundResponse();
        }
        ctx.redirect(deskPath(story) + "?saved=1", HttpStatus.SEE_OTHER);
    }

    /** The entry's picture: a new upload, or the one kept from a refused post; refused ones are named by the field. */
    private FeaturedImage image(Context ctx, String keptUrl, String alt, FormErrors errors) {
        StoredImage stored = null;
        UploadedFile file = ctx.uploadedFile("image");
        if (file != null && file.size() > 0) {
            if (file.size() > MediaStore.MAX_BYTES) {
                errors.add("image", "The image is larger than 10 MB.");
                return null;
            }
            try (InputStream in = file.content()) {
                stored = media.store(in.readNBytes((int) MediaStore.MAX_BYTES + 1));
            } catch (RejectedImageException e) {
                errors.add("image", e.getMessage());
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else if (!keptUrl.isEmpty()) {
            stored = media.find(keptUrl).orElse(null);
            if (stored == null) {
                errors.add("image", "That image is not on this site; upload it again.");
                return null;
            }
        }
        if (stored == null) {
            return null;
        }
        if (alt.isEmpty()) {
            errors.add("image_alt", "Describe the picture for readers who cannot see it.");
        }
        errors.checkLength("image_alt", "The description", alt, 500);
        return new FeaturedImage(stored.url(), alt, "", stored.width(), stored.height());
    }

    private Story editableStory(Context ctx, Account me) {
        StoryAccess.requireEditor(me);
        Story story = stories.findById(AdminPaths.id(ctx)).orElseThrow(NotFoundResponse::new);
        if (stories.isTrashed(story.id())) {
            throw new NotFoundResponse();
        }
        return story;
    }

    private void render(
            Context ctx,
            Story story,
            FormErrors errors,
            String body,
            String author,
            boolean pinned,
            String imageUrl,
            String imageAlt,
            String notice) {
        Instant now = clock.instant();
        pages.render(
                ctx,
                "admin/live.jte",
                new LiveDeskPage(
                        layouts.of(ctx, "Live: " + story.headline(), "stories"),
                        story,
                        coverage.findFresh(story.id(), ENTRIES_LISTED).orElse(null),
                        errors,
                        body,
                        author,
                        pinned,
                        imageUrl,
                        imageAlt,
                        notice,
                        story.isVisibleAt(now)));
    }

    private static String deskPath(Story story) {
        return "/admin/stories/" + story.id() + "/live";
    }

    private static String clean(String value) {
        return value == null ? "" : value;
    }
}
