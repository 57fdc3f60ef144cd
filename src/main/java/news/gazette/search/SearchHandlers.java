package news.gazette.search;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import news.gazette.story.PageOf;
import news.gazette.web.Layouts;
import news.gazette.web.Pages;

/** {@code GET /search?q=…&page=n}: the search form and its results. */
public final class SearchHandlers {

    public static final int PAGE_SIZE = 10;

    /** Deep pages of a search are never useful and each costs an offset scan; stop here. */
    static final int MAX_PAGE = 100;

    // Few matches may mean a misspelling: below this many, a corrected query is tried for a "did you mean".
    private static final int SUGGEST_BELOW = 3;

    private final StorySearch search;
    private final Pages pages;
    private final Layouts layouts;
    private final Clock clock;

    public SearchHandlers(StorySearch search, Pages pages, Layouts layouts, Clock clock) {
        this.search = search;
        this.pages = pages;
        this.layouts = layouts;
        this.clock = clock;
    }

    public void results(Context ctx) {
        int number = pageNumber(ctx.queryParam("page"));
        String raw = ctx.queryParam("q");
        SearchQuery query;
        try {
            query = SearchQuery.parse(raw);
        } catch (IllegalArgumentException e) {
            // Too long to be a real search: say so on the search page rather than a bare error.
            ctx.status(HttpStatus.BAD_REQUEST);
            render(ctx, SearchQuery.none(), "That search is too long. Please use fewer words.", empty(), null);
            return;
        }
        Instant now = clock.instant();
        PageOf<SearchResult> results = query.isBlank() ? empty() : search.search(query, number, PAGE_SIZE, now);
        if (number > 1 && number > results.totalPages()) {
            throw new NotFoundResponse();
        }
        String suggestion = query.isBlank() || results.total() >= SUGGEST_BELOW
                ? null
                : search.suggestion(query, results.total(), now).orElse(null);
        render(ctx, query, null, results, suggestion);
    }

    private void render(
            Context ctx, SearchQuery query, String problem, PageOf<SearchResult> results, String suggestion) {
        String title = query.isBlank() ? "Search" : "Search results for \u201c" + query.text() + "\u201d";
        if (results.number() > 1) {
            title += ", page " + results.number();
        }
        var layout = layouts.of(title, "Search the archive of " + layouts.site().name() + ".", "/search");
        // Result pages are endless variations of one page; keep them out of search engines' indexes.
        ctx.header("X-Robots-Tag", "noindex");
        // Results come from the page cache (every change drops them); a refused query is not worth keeping anywhere.
        if (problem != null) {
            ctx.header("Cache-Control", "no-store");
        }
        pages.render(ctx, "search/results.jte", new SearchPage(layout, query, problem, results, suggestion));
    }

    private static PageOf<SearchResult> empty() {
        return new PageOf<>(List.of(), 1, PAGE_SIZE, 0);
    }

    private static int pageNumber(String raw) {
        if (raw == null || raw.isEmpty()) {
            return 1;
        }
        if (!raw.matches("[1-9][0-9]{0,2}") || Integer.parseInt(raw) > MAX_PAGE) {
            throw new BadRequestResponse();
        }
        return Integer.parseInt(raw);
    }
}
