package news.gazette.story;

import java.time.Instant;

/** One line of the public corrections page: the correction and the story it belongs to. */
public record CorrectionListing(String slug, String headline, Instant postedAt, String wrong, String correct) {

    public String path() {
        return "/articles/" + slug;
    }
}
