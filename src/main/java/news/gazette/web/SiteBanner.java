package news.gazette.web;

import java.time.Instant;

/**
 * The breaking-news banner across every page, while it lasts.
 *
 * @param url where the banner leads (a site path or an address); null for none
 */
public record SiteBanner(String text, String url, Instant until) {

    public boolean shownAt(Instant now) {
        return text != null && !text.isBlank() && until != null && until.isAfter(now);
    }
}
