package news.gazette.story;

import java.time.Instant;

/**
 * One line of the public corrections page and one entry of the corrections feed: the correction and the story it
 * belongs to.
 *
 * @param id the correction's own number, part of its permanent feed id
 */
public record CorrectionListing(
        long id, String slug, String headline, Instant postedAt, String wrong, String correct, String language) {

    public String path() {
        return "/articles/" + slug;
    }
}
