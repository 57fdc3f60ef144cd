package news.gazette.websub;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies a subscriber's intent (WebSub 5.3) after the hub has answered {@code 202}: a GET to the callback with
 * {@code hub.mode}, {@code hub.topic}, a random {@code hub.challenge} and, to subscribe, {@code hub.lease_seconds};
 * only a 2xx whose body is exactly the challenge confirms, and only then is the subscription stored or removed.
 *
 * <p>Two threads and a queue of {@value #QUEUE} per instance: an anonymous flood of requests costs at most that many
 * outgoing requests at once, and beyond the queue the hub answers 503. A verification waiting here when the instance
 * stops is lost; the subscriber, which got no confirmation, asks again (WebSub leaves retrying to it), so nothing of it
 * needs to be in the database.
 */
final class IntentVerifier implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IntentVerifier.class);
    static final int QUEUE = 64;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Subscriptions subscriptions;
    private final Topics topics;
    private final LocalFeeds feeds;
    private final Callbacks callbacks;
    private final Outgoing outgoing;
    private final SubscriptionLimits limits;
    private final Clock clock;
    private final Runnable afterStore;
    private final ThreadPoolExecutor threads;

    IntentVerifier(
            Subscriptions subscriptions,
            Topics topics,
            LocalFeeds feeds,
            Callbacks callbacks,
            Outgoing outgoing,
            SubscriptionLimits limits,
            Clock clock,
            Runnable afterStore) {
        this.subscriptions = subscriptions;
        this.topics = topics;
        this.feeds = feeds;
        this.callbacks = callbacks;
        this.outgoing = outgoing;
        this.limits = limits;
        this.clock = clock;
        this.afterStore = afterStore;
        this.threads = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE), r -> {
            Thread thread = new Thread(r, "gazette-websub-verify");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Queues the verification; false when too many are waiting already. */
    boolean submit(HubRequest request) {
        try {
            threads.execute(() -> verifyQuietly(request));
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    private void verifyQuietly(HubRequest request) {
        try {
            verify(request);
        } catch (RuntimeException e) {
            log.warn(
                    "Verifying {} of {} for {} failed", request.mode().value(), request.topic(), request.callback(), e);
        }
    }

    /** Runs one verification now, on the calling thread; true when the callback confirmed it and it was applied. */
    boolean verify(HubRequest request) {
        // Again here, not only when the request came: the name may resolve elsewhere by now.
        String refused = callbacks.problem(request.callback());
        if (refused != null) {
            log.info("Not verifying {} for {}: {}", request.mode().value(), request.callback(), refused);
            return false;
        }
        // Read before asking, so that a change made while the callback answers is one the subscriber is owed.
        String hashBefore = request.mode() == HubRequest.Mode.SUBSCRIBE ? currentHash(request.topic()) : null;
        String challenge = challenge();
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("hub.mode", request.mode().value());
        parameters.put("hub.topic", request.topic());
        parameters.put("hub.challenge", challenge);
        if (request.mode() == HubRequest.Mode.SUBSCRIBE) {
            parameters.put("hub.lease_seconds", String.valueOf(request.leaseSeconds()));
        }
        Outgoing.Answer answer = outgoing.verify(request.callback(), parameters);
        if (!answer.ok() || !answer.body().equals(challenge)) {
            log.info(
                    "{} of {} for {} not confirmed ({})",
                    request.mode().value(),
                    request.topic(),
                    request.callback(),
                    answer.ok() ? "the body was not the challenge" : answer.describe());
            return false;
        }
        if (request.mode() == HubRequest.Mode.UNSUBSCRIBE) {
            subscriptions.remove(request.topic(), request.callback());
            log.info("{} unsubscribed from {}", request.callback(), request.topic());
            return true;
        }
        if (!subscriptions.exists(request.topic(), request.callback()) && limits.refusal(request.callback()) != null) {
            log.info("Not storing {} for {}: the hub is full", request.topic(), request.callback());
            return false;
        }
        subscriptions.save(
                request.topic(),
                request.callback(),
                request.secret(),
                request.leaseSeconds(),
                clock.instant(),
                hashBefore);
        log.info("{} subscribed to {} for {} s", request.callback(), request.topic(), request.leaseSeconds());
        // A change the distributor looked at before the row existed is noticed now.
        afterStore.run();
        return true;
    }

    private String currentHash(String topic) {
        try {
            String path = topics.pathOf(topic).orElse(null);
            LocalFeeds.Body body = path == null ? null : feeds.fetch(path);
            return body == null ? null : body.hash();
        } catch (LocalFeeds.UnavailableException e) {
            // Unknown: the next change delivers whatever the feed is then.
            return null;
        }
    }

    private static String challenge() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
