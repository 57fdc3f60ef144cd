package news.gazette.websub;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import news.gazette.web.Pages;

/**
 * {@code POST /websub}: subscription requests (WebSub 5.1). A request is checked at once and refused with 400 and a
 * plain-text reason, or 429/503 when the hub holds enough; an acceptable one is answered {@code 202} before the hub
 * asks the callback to confirm it ({@link IntentVerifier}), so a slow subscriber never holds a request thread.
 */
final class HubHandlers {

    /** Ten days when the subscriber asks for none, the common hubs' default: it renews well before a feed goes stale. */
    static final int DEFAULT_LEASE_SECONDS = 10 * 24 * 3600;
    /** At most thirty days: a callback that went away for good stops costing deliveries within a month. */
    static final int MAX_LEASE_SECONDS = 30 * 24 * 3600;
    /** At least five minutes: a shorter lease would cost a verification every few seconds for nothing. */
    static final int MIN_LEASE_SECONDS = 300;

    private static final int MAX_SECRET_BYTES = 199;

    private final Topics topics;
    private final LocalFeeds feeds;
    private final Callbacks callbacks;
    private final Subscriptions subscriptions;
    private final SubscriptionLimits limits;
    private final IntentVerifier verifier;

    HubHandlers(
            Topics topics,
            LocalFeeds feeds,
            Callbacks callbacks,
            Subscriptions subscriptions,
            SubscriptionLimits limits,
            IntentVerifier verifier) {
        this.topics = topics;
        this.feeds = feeds;
        this.callbacks = callbacks;
        this.subscriptions = subscriptions;
        this.limits = limits;
        this.verifier = verifier;
    }

    void request(Context ctx) {
        HubRequest.Mode mode = HubRequest.Mode.of(ctx.formParam("hub.mode"));
        if (mode == null) {
            Pages.plainText(ctx, 400, "hub.mode must be subscribe or unsubscribe");
            return;
        }
        String topic = ctx.formParam("hub.topic");
        String path = topics.pathOf(topic).orElse(null);
        if (path == null) {
            Pages.plainText(ctx, 400, "hub.topic must be the URL of one of this site's feeds");
            return;
        }
        String callback = ctx.formParam("hub.callback");
        String refused = callbacks.problem(callback);
        if (refused != null) {
            Pages.plainText(ctx, 400, refused);
            return;
        }
        String secret = ctx.formParam("hub.secret");
        if (secret != null && (secret.isEmpty() || secret.getBytes(StandardCharsets.UTF_8).length > MAX_SECRET_BYTES)) {
            Pages.plainText(ctx, 400, "hub.secret must be 1 to " + MAX_SECRET_BYTES + " bytes");
            return;
        }
        Integer lease = lease(ctx.formParam("hub.lease_seconds"));
        if (lease == null) {
            Pages.plainText(ctx, 400, "hub.lease_seconds must be a whole number of seconds");
            return;
        }
        if (mode == HubRequest.Mode.SUBSCRIBE && !checkTopicAndRoom(ctx, path, topic, callback)) {
            return;
        }
        if (!verifier.submit(new HubRequest(mode, topic, callback, lease, secret))) {
            ctx.header("Retry-After", "10");
            Pages.plainText(ctx, 503, "too many requests are waiting for verification; try again shortly");
            return;
        }
        Pages.plainText(ctx, 202, "Accepted: the hub will confirm this " + mode.value() + " with the callback.");
    }

    /** Whether the topic answers as a feed now and one more subscription fits; answers the request when not. */
    private boolean checkTopicAndRoom(Context ctx, String path, String topic, String callback) {
        try {
            if (feeds.fetch(path) == null) {
                Pages.plainText(ctx, 400, "hub.topic must be the URL of one of this site's feeds");
                return false;
            }
        } catch (LocalFeeds.UnavailableException e) {
            ctx.header("Retry-After", "10");
            Pages.plainText(ctx, 503, "the feed cannot be read just now; try again shortly");
            return false;
        }
        // A renewal takes no more room.
        SubscriptionLimits.Refusal full = subscriptions.exists(topic, callback) ? null : limits.refusal(callback);
        if (full != null) {
            Pages.plainText(ctx, full.status(), full.reason());
            return false;
        }
        return true;
    }

    /** The lease to grant: the one asked for within the bounds, the default when none; null when it is no number. */
    private static Integer lease(String asked) {
        if (asked == null || asked.isBlank()) {
            return DEFAULT_LEASE_SECONDS;
        }
        try {
            long seconds = Long.parseLong(asked.strip());
            return (int) Math.max(MIN_LEASE_SECONDS, Math.min(MAX_LEASE_SECONDS, seconds));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
