package news.gazette.admin;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import news.gazette.account.Account;
import news.gazette.text.PlainText;
import news.gazette.web.Dates;
import news.gazette.web.Pages;

/** The editors' front page control: pin a lead until a time, and a breaking-news banner until a time. */
public final class FrontPageHandlers {

    static final int MAX_BANNER = 300;

    private final FrontPageDesk desk;
    private final NewsroomStories newsroom;
    private final Pages pages;
    private final AdminLayouts layouts;
    private final Clock clock;

    public FrontPageHandlers(
            FrontPageDesk desk, NewsroomStories newsroom, Pages pages, AdminLayouts layouts, Clock clock) {
        this.desk = desk;
        this.newsroom = newsroom;
        this.pages = pages;
        this.layouts = layouts;
        this.clock = clock;
    }

    public void form(Context ctx) {
        StoryAccess.requireEditor(AdminAuth.account(ctx));
        Instant now = clock.instant();
        String notice = ctx.queryParam("saved") != null ? "Saved: every page shows it within a second." : null;
        render(
                ctx,
                new FormErrors(),
                "",
                Dates.formValue(now.plus(Duration.ofHours(6))),
                "",
                "",
                Dates.formValue(now.plus(Duration.ofHours(2))),
                notice);
    }

    public void pin(Context ctx) {
        Account me = AdminAuth.account(ctx);
        StoryAccess.requireEditor(me);
        Instant now = clock.instant();
        FormErrors errors = new FormErrors();
        Long storyId = null;
        try {
            storyId = Long.parseLong(String.valueOf(ctx.formParam("story")));
        } catch (NumberFormatException e) {
            errors.add("story", "Choose the story to keep on top.");
        }
        Instant until = Dates.fromForm(ctx.formParam("pin_until"));
        if (until == null || !until.isAfter(now)) {
            errors.add("pin_until", "Give a time still to come (" + Dates.zoneLabel() + ").");
        }
        if (storyId != null
                && newsroom.findById(storyId).filter(s -> s.isVisibleAt(now)).isEmpty()) {
            errors.add("story", "Only a story readers can see can lead the front page.");
        }
        if (!errors.isEmpty()) {
            ctx.status(HttpStatus.BAD_REQUEST);
            render(
                    ctx,
                    errors,
                    String.valueOf(ctx.formParam("story")),
                    String.valueOf(ctx.formParam("pin_until")),
                    "",
                    "",
                    Dates.formValue(now.plus(Duration.ofHours(2))),
                    null);
            return;
        }
        desk.pin(storyId, until, me.username(), now);
        ctx.redirect("/admin/front?saved=1", HttpStatus.SEE_OTHER);
    }

    public void unpin(Context ctx) {
        Account me = AdminAuth.account(ctx);
        StoryAccess.requireEditor(me);
        desk.pin(null, null, me.username(), clock.instant());
        ctx.redirect("/admin/front?saved=1", HttpStatus.SEE_OTHER);
    }

    public void banner(Context ctx) {
        Account me = AdminAuth.account(ctx);
        StoryAccess.requireEditor(me);
        Instant now = clock.instant();
        String text =
                PlainText.line(String.valueOf(ctx.formParam("banner_text"))).strip();
        String url = PlainText.line(String.valueOf(ctx.formParam("banner_url"))).strip();
        String typedUntil = String.valueOf(ctx.formParam("banner_until"));
        Instant until = Dates.fromForm(typedUntil);
        FormErrors errors = new FormErrors();
        if (text.isEmpty() || text.equals("null")) {
            errors.add("banner_text", "Write what the banner says.");
        }
        errors.checkLength("banner_text", "The banner", text, MAX_BANNER);
        if (!url.isEmpty()
                && !url.equals("null")
                && !(url.startsWith("/") && !url.startsWith("//"))
                && !url.matches("https?://[^\\s\"<>]{1,490}")) {
            errors.add("banner_url", "Use a site path such as /articles/… or a full http(s) address.");
        }
        if (until == null || !until.isAfter(now)) {
            errors.add("banner_until", "Give a time still to come (" + Dates.zoneLabel() + ").");
        }
        if (!errors.isEmpty()) {
            ctx.status(HttpStatus.BAD_REQUEST);
            render(ctx, errors, "", Dates.formValue(now.plus(Duration.ofHours(6))), text, url, typedUntil, null);
            return;
        }
        desk.banner(text, url.isEmpty() || url.equals("null") ? null : url, until, me.username(), now);
        ctx.redirect("/admin/front?saved=1", HttpStatus.SEE_OTHER);
    }

    public void clearBanner(Context ctx) {
        Account me = AdminAuth.account(ctx);
        StoryAccess.requireEditor(me);
        desk.banner(null, null, null, me.username(), clock.instant());
        ctx.redirect("/admin/front?saved=1", HttpStatus.SEE_OTHER);
    }

    private void render(
            Context ctx,
            FormErrors errors,
            String story,
            String pinUntil,
            String bannerText,
            String bannerUrl,
            String bannerUntil,
            String notice) {
        Instant now = clock.instant();
        pages.render(
                ctx,
                "admin/front.jte",
                new FrontPagePage(
                        layouts.of(ctx, "Front page", "front"),
                        desk.current(),
                        newsroom.recentlyPublished(30, now),
                        errors,
                        story,
                        pinUntil,
                        bannerText,
                        bannerUrl,
                        bannerUntil,
                        notice,
                        now));
    }
}
