package news.gazette.story;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import news.gazette.cache.PageCache;
import news.gazette.change.ChangeKey;
import news.gazette.web.Pages;

/**
 * The entries of a live story on their own, {@code /articles/{slug}/live}: what the article's script fetches every
 * few seconds to show new entries without a reload. It sits behind the page cache like the article, so a poll is a
 * 304 from memory (or from the proxy in front) until an entry changes the story.
 */
public final class LiveCoverageHandlers {

    /** Entries an article shows: pinned ones and the newest; the story's feed and older ones wait on the page. */
    public static final int ENTRIES_SHOWN = 200;

    /** How often, in seconds, a reader's page asks for new entries. */
    public static final int REFRESH_SECONDS = 10;

    private final StoryRepository stories;
    private final LiveCoverageRepository live;
    private final Pages pages;
    private final Clock clock;

    public LiveCoverageHandlers(StoryRepository stories, LiveCoverageRepository live, Pages pages, Clock clock) {
        this.stories = stories;
        this.live = live;
        this.pages = pages;
        this.clock = clock;
    }

    public void entries(Context ctx) {
        Instant now = clock.instant();
        Optional<Story> found = ArticleLookup.find(ctx, stories, "", "/live", now);
        if (found.isEmpty()) {
            return;
        }
        Story story = found.get();
        LiveCoverage coverage = live.find(story.id(), ENTRIES_SHOWN).orElseThrow(NotFoundResponse::new);
        PageCache.dependsOn(ctx, ChangeKey.story(story.id()));
        PageCache.lastModified(ctx, coverage.changedAt());
        // Only the script reads this; search engines index the article, which has the same entries.
        ctx.header("X-Robots-Tag", "noindex");
        pages.render(ctx, "story/live.jte", new LiveEntriesPage(story, coverage));
    }
}
