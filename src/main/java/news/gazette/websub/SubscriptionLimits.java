package news.gazette.websub;

import java.time.Clock;

/**
 * What an anonymous client may ask of the hub. Each subscription costs a delivery per change, so the hub holds at most
 * {@value #PER_HOST} per callback host (a reader's feed service follows a handful of our feeds; a hundred is every tag
 * anyone follows) and {@value #TOTAL} in all (each change sends at most that many requests, which the delivery threads
 * work through in seconds). Beyond the first the hub answers 429, beyond the second 503: the first is the client's
 * doing, the second the hub's state.
 */
final class SubscriptionLimits {

    static final int PER_HOST = 100;
    static final int TOTAL = 10_000;

    /** Why a refusal, with its status. */
    record Refusal(int status, String reason) {}

    private final Subscriptions subscriptions;
    private final Clock clock;
    private final int perHost;
    private final int total;

    SubscriptionLimits(Subscriptions subscriptions, Clock clock) {
        this(subscriptions, clock, PER_HOST, TOTAL);
    }

    SubscriptionLimits(Subscriptions subscriptions, Clock clock, int perHost, int total) {
        this.subscriptions = subscriptions;
        this.clock = clock;
        this.perHost = perHost;
        this.total = total;
    }

    /** Null when one more subscription for {@code callback} fits, else why not. */
    Refusal refusal(String callback) {
        String host = Callbacks.host(callback);
        if (subscriptions.countForHost(host, clock.instant()) >= perHost) {
            return new Refusal(429, "this hub holds at most " + perHost + " subscriptions per callback host");
        }
        if (subscriptions.countAll(clock.instant()) >= total) {
            return new Refusal(503, "this hub holds as many subscriptions as it takes; try again later");
        }
        return null;
    }
}
