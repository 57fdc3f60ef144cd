package news.gazette.websub;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which URLs may be a topic: this site's feeds, as their self links name them (absolute, under the base URL). Only the
 * shape is checked here, so any feed route (a tag's, an author's, a story's) qualifies without a list to keep; whether
 * the path answers as a feed is asked of the site itself ({@link LocalFeeds}).
 */
record Topics(String baseUrl) {

    static final int MAX_URL_LENGTH = 2000;
    // Plain segments (no dot segments, nothing to decode), ending in one of the feed file names.
    private static final Pattern FEED_PATH =
            Pattern.compile("(/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)*/(feed\\.xml|atom\\.xml|feed\\.json)");

    /** The site path of {@code topic}, such as {@code /tags/ai/atom.xml}, or empty when it cannot be one of our feeds. */
    Optional<String> pathOf(String topic) {
        if (topic == null || topic.length() > MAX_URL_LENGTH || !topic.startsWith(baseUrl + "/")) {
            return Optional.empty();
        }
        String path = topic.substring(baseUrl.length());
        return FEED_PATH.matcher(path).matches() ? Optional.of(path) : Optional.empty();
    }
}
