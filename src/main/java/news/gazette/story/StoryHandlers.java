package news.gazette.story;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import news.gazette.cache.PageCache;
import news.gazette.change.ChangeKey;
import news.gazette.web.Layouts;
import news.gazette.web.Pages;

/** The reader's pages: the front page and its archive pages, articles, tag pages and author pages. */
public final class StoryHandlers {

    /** Stories per list page; the front page's first page shows the lead plus the rest of this many. */
    public static final int PAGE_SIZE = 10;

    private static final int RELATED_LIMIT = 4;

    private final StoryRepository stories;
    private final LiveCoverageRepository live;
    private final FrontPageControl frontPage;
    private final Pages pages;
    private final Layouts layouts;
    private final Clock clock;

    public StoryHandlers(
            StoryRepository stories,
            LiveCoverageRepository live,
            FrontPageControl frontPage,
            Pages pages,
            Layouts layouts,
            Clock clock) {
        this.stories = stories;
        this.live = live;
        this.frontPage = frontPage;
        this.pages = pages;
        this.layouts = layouts;
        this.clock = clock;
    }

    public void front(Context ctx) {
        renderFront(ctx, 1);
    }

    public void frontArchive(Context ctx) {
        int number = pageNumber(ctx);
        if (!redirectedFirstPage(ctx, number, "/")) {
            renderFront(ctx, number);
        }
    }

    public void show(Context ctx) {
        Instant now = clock.instant();
        Optional<Story> found = ArticleLookup.find(ctx, stories, "", "", now);
        if (found.isEmpty()) {
            return;
        }
        Story story = found.get();
        List<StoryCard> related = stories.findRelated(story, RELATED_LIMIT, now);
        // Related stories come from the newest of each tag: a story joining or leaving one of them may change the list.
        PageCache.dependsOn(ctx, ChangeKey.story(story.id()));
        story.tags().forEach(tag -> PageCache.dependsOn(ctx, ChangeKey.tag(tag.id())));
        dependsOnCards(ctx, related);
        // A save without an update note (a typo fixed) changes what readers see as well: modifiedAt counts too.
        PageCache.lastModified(ctx, story.lastChangedAt());
        PageCache.lastModified(ctx, story.modifiedAt());
        LiveCoverage coverage =
                live.find(story.id(), LiveCoverageHandlers.ENTRIES_SHOWN).orElse(null);
        if (coverage != null) {
            PageCache.lastModified(ctx, coverage.changedAt());
        }
        var layout = layouts.of(story.headline(), story.summary(), story.path());
        pages.render(ctx, "story/show.jte", new ArticlePage(layout, story, story.body(), related, coverage));
    }

    /** What changed in a published story since publication, from the newsroom's revisions (never its notes). */
    public void history(Context ctx) {
        Optional<Story> found = ArticleLookup.find(ctx, stories, "", "/history", clock.instant());
        if (found.isEmpty()) {
            return;
        }
        Story story = found.get();
        StoryHistory history = StoryHistory.of(stories.findPublicRevisions(story, StoryHistory.MOST_CHANGES));
        PageCache.dependsOn(ctx, ChangeKey.story(story.id()));
        PageCache.lastModified(ctx, story.modifiedAt());
        var layout = layouts.of(
                "History of “" + story.headline() + "”",
                "Every change to this story since it was published.",
                story.path() + "/history");
        pages.render(ctx, "story/history.jte", new HistoryPage(layout, story, history));
    }

    public void corrections(Context ctx) {
        var layout = layouts.of("Corrections", "Corrections to our stories, newest first.", "/corrections");
        List<CorrectionListing> corrections = stories.findCorrections(200, clock.instant());
        corrections.forEach(correction -> PageCache.lastModified(ctx, correction.postedAt()));
        pages.render(ctx, "story/corrections.jte", new CorrectionsPage(layout, corrections));
    }

    public void tag(Context ctx) {
        String slug = ctx.pathParam("slug");
        Tag tag =
                (Slug.isValid(slug) ? stories.findTag(slug) : Optional.<Tag>empty()).orElseThrow(NotFoundResponse::new);
        int number = pageNumberOrFirst(ctx);
        if (redirectedFirstPage(ctx, number, tag.path())) {
            return;
        }
        PageOf<StoryCard> page = stories.findPublishedByTag(tag, number, PAGE_SIZE, clock.instant());
        PageCache.dependsOn(ctx, ChangeKey.tag(tag.id()));
        renderList(ctx, "Topic", tag.name(), "The latest stories about " + tag.name() + ".", tag.path(), page, null);
    }

    public void author(Context ctx) {
        String slug = ctx.pathParam("slug");
        Author author = (Slug.isValid(slug) ? stories.findAuthor(slug) : Optional.<Author>empty())
                .orElseThrow(NotFoundResponse::new);
        int number = pageNumberOrFirst(ctx);
        if (redirectedFirstPage(ctx, number, author.path())) {
            return;
        }
        PageOf<StoryCard> page = stories.findPublishedByAuthor(author, number, PAGE_SIZE, clock.instant());
        PageCache.dependsOn(ctx, ChangeKey.author(author.id()));
        String intro = author.bio().isBlank() ? "Stories by " + author.name() + "." : author.bio();
        renderList(ctx, author.organization() ? "Desk" : "Author", author.name(), intro, author.path(), page, author);
    }

    private void renderFront(Context ctx, int number) {
        PageOf<StoryCard> page = stories.findPublished(number, PAGE_SIZE, clock.instant());
        PageCache.dependsOn(ctx, ChangeKey.LIST);
        if (number > 1 && number > page.totalPages()) {
            throw new NotFoundResponse();
        }
        dependsOnCards(ctx, page.items());
        lastModifiedOfCards(ctx, page.items());
        StoryCard lead = number == 1 && !page.isEmpty() ? page.items().get(0) : null;
        List<StoryCard> latest = lead == null
                ? page.items()
                : page.items().subList(1, page.items().size());
        // An editor's pinned lead goes first; the rest keep their order, one fewer so the page keeps its length.
        var pinned = number == 1 ? frontPage.pinnedLead(clock.instant()) : java.util.OptionalLong.empty();
        if (number == 1) {
            PageCache.lastModified(ctx, frontPage.changedAt());
        }
        if (pinned.isPresent() && (lead == null || lead.id() != pinned.getAsLong())) {
            var card = stories.findCard(pinned.getAsLong());
            if (card.isPresent()) {
                PageCache.dependsOn(ctx, ChangeKey.story(card.get().id()));
                List<StoryCard> rest = new java.util.ArrayList<>(page.items());
                rest.removeIf(c -> c.id() == pinned.getAsLong());
                lead = card.get();
                latest = rest.subList(0, Math.min(rest.size(), Math.max(0, PAGE_SIZE - 1)));
            }
        }
        String title = number == 1 ? "" : "Page " + number;
        var layout = layouts.of(title, null, number == 1 ? "/" : "/page/" + number);
        pages.render(ctx, "story/index.jte", new FrontPage(layout, lead, latest, page));
    }

    private void renderList(
            Context ctx,
            String kicker,
            String heading,
            String intro,
            String basePath,
            PageOf<StoryCard> page,
            Author author) {
        if (page.number() > 1 && page.number() > page.totalPages()) {
            throw new NotFoundResponse();
        }
        dependsOnCards(ctx, page.items());
        lastModifiedOfCards(ctx, page.items());
        String path = page.number() == 1 ? basePath : basePath + "/page/" + page.number();
        String title = page.number() == 1 ? heading : heading + ", page " + page.number();
        var layout = layouts.of(title, intro, path);
        pages.render(ctx, "story/list.jte", new StoryListPage(layout, kicker, heading, intro, basePath, page, author));
    }

    /** The page shows these stories: an edit to any of them drops it from the page cache. */
    private static void dependsOnCards(Context ctx, List<StoryCard> cards) {
        cards.forEach(card -> PageCache.dependsOn(ctx, ChangeKey.story(card.id())));
    }

    /** A list shows each story's headline, summary and dates, which change when it is published or updated. */
    private static void lastModifiedOfCards(Context ctx, List<StoryCard> cards) {
        for (StoryCard card : cards) {
            PageCache.lastModified(ctx, card.publishedAt());
            PageCache.lastModified(ctx, card.updatedAt());
        }
    }

    /** {@code /page/1} of any list is its plain address; send readers and crawlers there for good. */
    private static boolean redirectedFirstPage(Context ctx, int number, String firstPagePath) {
        if (number == 1 && ctx.pathParamMap().containsKey("n")) {
            ctx.redirect(firstPagePath, HttpStatus.MOVED_PERMANENTLY);
            return true;
        }
        return false;
    }

    private static int pageNumberOrFirst(Context ctx) {
        return ctx.pathParamMap().containsKey("n") ? pageNumber(ctx) : 1;
    }

    /** The {@code n} of {@code /page/n}: a positive number of at most six digits, else the page does not exist. */
    private static int pageNumber(Context ctx) {
        String raw = ctx.pathParam("n");
        if (!raw.matches("[1-9][0-9]{0,5}")) {
            throw new NotFoundResponse();
        }
        return Integer.parseInt(raw);
    }
}
