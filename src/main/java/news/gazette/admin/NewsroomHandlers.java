package news.gazette.admin;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import news.gazette.account.Account;
import news.gazette.admin.NewsroomStories.Filter;
import news.gazette.story.Story;
import news.gazette.web.Pages;

/** The dashboard, the story list, the trash and the revision history. */
public final class NewsroomHandlers {

    static final int PAGE_SIZE = 25;

    private final NewsroomStories newsroom;
    private final ReviewDesk review;
    private final StoryWriter writer;
    private final Pages pages;
    private final AdminLayouts layouts;
    private final Clock clock;

    public NewsroomHandlers(
            NewsroomStories newsroom,
            ReviewDesk review,
            StoryWriter writer,
            Pages pages,
            AdminLayouts layouts,
            Clock clock) {
        this.newsroom = newsroom;
        this.review = review;
        this.writer = writer;
        this.pages = pages;
        this.layouts = layouts;
        this.clock = clock;
    }

    /** An editor sees the whole newsroom and what waits for review; a contributor sees their own stories. */
    public void dashboard(Context ctx) {
        Instant now = clock.instant();
        Account me = AdminAuth.account(ctx);
        var layout = layouts.of(ctx, "Dashboard", "dashboard");
        DashboardPage page = me.publishes()
                ? new DashboardPage(
                        layout,
                        true,
                        newsroom.counts(now),
                        review.waiting(20),
                        List.of(),
                        newsroom.scheduled(10, now),
                        newsroom.recentlyChanged(10),
                        now)
                : new DashboardPage(
                        layout,
                        false,
                        null,
                        List.of(),
                        review.returnedTo(me.id(), 20),
                        List.of(),
                        newsroom.recentlyChangedBy(me.id(), 10),
                        now);
        pages.render(ctx, "admin/dashboard.jte", page);
    }

    public void list(Context ctx) {
        Instant now = clock.instant();
        Filter filter = Filter.parse(ctx.queryParam("status"));
        String search = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").strip();
        if (search.length() > 200) {
            search = search.substring(0, 200);
        }
        Account me = AdminAuth.account(ctx);
        Long owner = me.publishes() ? null : me.id();
        var page = newsroom.list(filter, search, owner, AdminPaths.page(ctx), PAGE_SIZE, now);
        pages.render(
                ctx,
                "admin/stories.jte",
                new StoryListPage(layouts.of(ctx, "Stories", "stories"), filter, search, page, now));
    }

    public void trash(Context ctx) {
        long id = changeable(ctx).id();
        writer.trash(id, clock.instant());
        ctx.redirect("/admin/stories?status=trash", HttpStatus.SEE_OTHER);
    }

    public void restore(Context ctx) {
        long id = changeable(ctx).id();
        writer.restore(id, clock.instant());
        ctx.redirect("/admin/stories/" + id + "?restored=1", HttpStatus.SEE_OTHER);
    }

    /** Deleting for good is for administrators only, and asks again first. */
    public void emptyTrash(Context ctx) {
        AdminAuth.requireAdministrator(ctx);
        if (!"yes".equals(ctx.formParam("confirm"))) {
            long trashed = newsroom.counts(clock.instant()).trashed();
            pages.render(
                    ctx,
                    "admin/confirm.jte",
                    new ConfirmPage(
                            layouts.of(ctx, "Empty the trash?", "stories"),
                            "Delete " + (trashed == 1 ? "1 story" : trashed + " stories") + " for good?",
                            "Every story in the trash goes, with its revisions, updates and corrections. This cannot"
                                    + " be undone.",
                            "/admin/trash/empty",
                            "Empty the trash for good",
                            "/admin/stories?status=trash"));
            return;
        }
        writer.emptyTrash(clock.instant());
        ctx.redirect("/admin/stories?status=trash", HttpStatus.SEE_OTHER);
    }

    /** The story of the request, if the signed-in account may open it. */
    private Story story(Context ctx) {
        Story story = newsroom.findById(AdminPaths.id(ctx)).orElseThrow(NotFoundResponse::new);
        StoryAccess.requireOpen(AdminAuth.account(ctx), review.workflow(story.id()));
        return story;
    }

    /** The story of the request, if the signed-in account may change it. */
    private Story changeable(Context ctx) {
        Story story = newsroom.findById(AdminPaths.id(ctx)).orElseThrow(NotFoundResponse::new);
        StoryAccess.requireChange(AdminAuth.account(ctx), story, review.workflow(story.id()));
        return story;
    }
}
