package news.gazette.websub;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * How Gazette's WebSub hub behaves in its surroundings.
 *
 * @param externalHubs hubs told of every change to the site's feeds with a publish ping ({@code --websub-hub}); they
 *     are named in every feed beside Gazette's own
 * @param allowPrivateCallbacks whether subscribers' callbacks may resolve to loopback, private, link-local or multicast
 *     addresses ({@code --websub-allow-private-callbacks}: tests and intranets); refused by default, so an anonymous
 *     subscriber cannot make the hub call into the network it runs in
 * @param retryDelays the waits before each further attempt at a failed delivery or ping; once they are used up, that
 *     version of the feed is given up on
 */
public record WebSubOptions(List<URI> externalHubs, boolean allowPrivateCallbacks, List<Duration> retryDelays) {

    /**
     * 10 s, 30 s, 2 min, 10 min, 30 min, 1 h, 3 h, 6 h: quick enough for a subscriber restarting, and it stops after
     * some eleven hours, by which time the feed has usually changed again (and that change is tried afresh).
     */
    public static final List<Duration> DEFAULT_RETRY_DELAYS = List.of(
            Duration.ofSeconds(10),
            Duration.ofSeconds(30),
            Duration.ofMinutes(2),
            Duration.ofMinutes(10),
            Duration.ofMinutes(30),
            Duration.ofHours(1),
            Duration.ofHours(3),
            Duration.ofHours(6));

    public static final WebSubOptions NONE = new WebSubOptions(List.of(), false, DEFAULT_RETRY_DELAYS);

    public WebSubOptions {
        externalHubs = externalHubs == null ? List.of() : List.copyOf(externalHubs);
        retryDelays = retryDelays == null ? DEFAULT_RETRY_DELAYS : List.copyOf(retryDelays);
        for (URI hub : externalHubs) {
            String scheme = hub.getScheme();
            if (!("http".equals(scheme) || "https".equals(scheme)) || hub.getHost() == null) {
                throw new IllegalArgumentException("WebSub hub must be an absolute http or https URL, got " + hub);
            }
        }
        for (Duration delay : retryDelays) {
            if (delay.isNegative()) {
                throw new IllegalArgumentException("a retry delay cannot be negative, got " + delay);
            }
        }
    }

    /** Parses the hub URLs as given on the command line; a malformed one is an {@link IllegalArgumentException}. */
    public static WebSubOptions of(List<String> externalHubs, boolean allowPrivateCallbacks) {
        List<URI> hubs = externalHubs == null
                ? List.of()
                : externalHubs.stream()
                        .map(String::strip)
                        .filter(u -> !u.isEmpty())
                        .map(URI::create)
                        .toList();
        return new WebSubOptions(hubs, allowPrivateCallbacks, DEFAULT_RETRY_DELAYS);
    }

    public WebSubOptions withPrivateCallbacks(boolean allowed) {
        return new WebSubOptions(externalHubs, allowed, retryDelays);
    }

    public WebSubOptions withExternalHubs(URI... hubs) {
        return new WebSubOptions(List.of(hubs), allowPrivateCallbacks, retryDelays);
    }

    public WebSubOptions withRetryDelays(Duration... delays) {
        return new WebSubOptions(externalHubs, allowPrivateCallbacks, List.of(delays));
    }
}
