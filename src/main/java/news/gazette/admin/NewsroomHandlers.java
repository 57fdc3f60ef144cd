package news.gazette.admin;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import news.gazette.admin.NewsroomStories.Filter;
import news.gazette.story.Story;
import news.gazette.web.Pages;

/** The dashboard, the story list, the trash and the revision history. */
public final class NewsroomHandlers {

    static final int PAGE_SIZE = 25;

    private final NewsroomStories newsroom;
    private final StoryWriter writer;
    private final Pages pages;
    private final AdminLayouts layouts;
    private final Clock clock;

    public NewsroomHandlers(
            NewsroomStories newsroom, StoryWriter writer, Pages pages, AdminLayouts layouts, Clock clock) {
        this.newsroom = newsroom;
        this.writer = writer;
        this.pages = pages;
        this.layouts = layouts;
        this.clock = clock;
    }

    public void dashboard(Context ctx) {
        Instant now = clock.instant();
        pages.render(
                ctx,
                "admin/dashboard.jte",
                new DashboardPage(
                        layouts.of(ctx, "Dashboard", "dashboard"),
                        newsroom.counts(now),
                        newsroom.scheduled(10, now),
                        newsroom.recentlyChanged(10),
                        now));
    }

    public void list(Context ctx) {
        Instant now = clock.instant();
        Filter filter = Filter.parse(ctx.queryParam("status"));
        String search = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").strip();
        if (search.length() > 200) {
            search = search.substring(0, 200);
        }
        var page = newsroom.list(filter, search, AdminPaths.page(ctx), PAGE_SIZE, now);
        pages.render(
                ctx,
                "admin/stories.jte",
                new StoryListPage(layouts.of(ctx, "Stories", "stories"), filter, search, page, now));
    }

    public void trash(Context ctx) {
        long id = story(ctx).id();
        writer.trash(id, clock.instant());
        ctx.redirect("/admin/stories?status=trash", HttpStatus.SEE_OTHER);
    }

    public void restore(Context ctx) {
        long id = story(ctx).id();
        writer.restore(id, clock.instant());
        ctx.redirect("/admin/stories/" + id, HttpStatus.SEE_OTHER);
    }

    /** Deleting for good is for administrators only. */
    public void emptyTrash(Context ctx) {
        AdminAuth.requireAdministrator(ctx);
        writer.emptyTrash(clock.instant());
        ctx.redirect("/admin/stories?status=trash", HttpStatus.SEE_OTHER);
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

    private Story story(Context ctx) {
        return newsroom.findById(AdminPaths.id(ctx)).orElseThrow(NotFoundResponse::new);
    }
}
