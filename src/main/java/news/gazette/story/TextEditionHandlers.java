package news.gazette.story;

import io.javalin.http.Context;
import java.time.Clock;
import java.util.Optional;
import news.gazette.cache.PageCache;
import news.gazette.change.ChangeKey;
import news.gazette.web.Layouts;
import news.gazette.web.Pages;

/**
 * The text edition: the front page and articles as tiny pages (no images, no script, one small stylesheet) for a slow
 * connection or a site under a surge. Same stories, same visibility rule, same page cache as the full pages.
 */
public final class TextEditionHandlers {

    /** Headlines on the text front page: with their times, well under 10 kB. */
    static final int FRONT_SIZE = 30;

    /** Live entries in a text article: the newest, so the page stays tiny during breaking news. */
    static final int LIVE_ENTRIES = 15;

    private final StoryRepository stories;
    private final LiveCoverageRepository live;
    private final Pages pages;
    private final Layouts layouts;
    private final Clock clock;

    public TextEditionHandlers(
            StoryRepository stories, LiveCoverageRepository live, Pages pages, Layouts layouts, Clock clock) {
        this.stories = stories;
        this.live = live;
        this.pages = pages;
        this.layouts = layouts;
        this.clock = clock;
    }

    public void front(Context ctx) {
        PageOf<StoryCard> page = stories.findPublished(1, FRONT_SIZE, clock.instant());
        PageCache.dependsOn(ctx, ChangeKey.LIST);
        for (StoryCard card : page.items()) {
            PageCache.dependsOn(ctx, ChangeKey.story(card.id()));
            PageCache.lastModified(ctx, card.publishedAt());
            PageCache.lastModified(ctx, card.updatedAt());
        }
        var layout = layouts.of("Text edition", "The latest stories, as text.", "/text");
        pages.render(ctx, "text/index.jte", new TextFrontPage(layout, page.items()));
    }

    public void article(Context ctx) {
        Optional<Story> found = ArticleLookup.find(ctx, stories, "/text", "", clock.instant());
        if (found.isEmpty()) {
            return;
        }
        Story story = found.get();
        PageCache.dependsOn(ctx, ChangeKey.story(story.id()));
        PageCache.lastModified(ctx, story.lastChangedAt());
        PageCache.lastModified(ctx, story.modifiedAt());
        LiveCoverage coverage = live.find(story.id(), LIVE_ENTRIES).orElse(null);
        var layout = layouts.of(story.headline(), story.summary(), "/text" + story.path());
        pages.render(ctx, "text/article.jte", new TextArticlePage(layout, story, coverage));
    }
}
