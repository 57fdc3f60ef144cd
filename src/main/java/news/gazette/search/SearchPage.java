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
 */
public record SearchPage(Layout layout, SearchQuery query, String problem, PageOf<SearchResult> results) {

    public boolean searched() {
        return !query.isBlank() && problem == null;
    }

    public String pageUrl(int number) {
        String url = "/search?q=" + URLEncoder.encode(query.text(), StandardCharsets.UTF_8);
        return number == 1 ? url : url + "&page=" + number;
    }
}
