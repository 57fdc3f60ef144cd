package news.gazette.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import news.gazette.story.PageOf;
import news.gazette.web.Layout;

/**
 * The model of {@code search/results.jte}.
 *
 * @param query what was searched for; blank when the reader has not searched yet
 * @param problem why the query could not be run (too long), or null
 * @param results the page of matches; empty for no matches
 * @param suggestion the query with its misspellings corrected, when that finds more; or null
 */
public record SearchPage(
        Layout layout, SearchQuery query, String problem, PageOf<SearchResult> results, String suggestion) {

    public boolean searched() {
        return !query.isBlank() && problem == null;
    }

    /** True when there are so many matches that they were counted only up to the total shown. */
    public boolean countIsLowerBound() {
        return results.total() >= StorySearch.countedUpTo(results.number(), results.size());
    }

    /** What the page says matched: "1 story", "12 stories", or "1000 or more stories". */
    public String matchCount() {
        if (countIsLowerBound()) {
            return StorySearch.countedUpTo(results.number(), results.size()) + " or more stories match";
        }
        return results.total() == 1 ? "1 story matches" : results.total() + " stories match";
    }

    public String pageUrl(int number) {
        String url = urlOf(query.text());
        return number == 1 ? url : url + "&page=" + number;
    }

    public String suggestionUrl() {
        return urlOf(suggestion);
    }

    private static String urlOf(String text) {
        return "/search?q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
