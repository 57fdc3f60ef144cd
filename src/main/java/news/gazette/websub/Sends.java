package news.gazette.websub;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One claimed delivery or ping, sent and its outcome recorded: delivered (that version is the row's now), failed
 * (another attempt after the next delay, by whichever instance claims it then; after the last one that version is
 * given up on and logged, and the feed's next version is tried afresh), or for a subscriber answering {@code 410 Gone},
 * the subscription ended.
 */
final class Sends {

    private static final Logger log = LoggerFactory.getLogger(Sends.class);

    private final Subscriptions subscriptions;
    private final HubPings pings;
    private final Topics topics;
    private final LocalFeeds feeds;
    private final Callbacks callbacks;
    private final Outgoing outgoing;
    private final String hubUrl;
    private final List<Duration> retryDelays;
    private final Clock clock;

    Sends(
            Subscriptions subscriptions,
            HubPings pings,
            Topics topics,
            LocalFeeds feeds,
            Callbacks callbacks,
            Outgoing outgoing,
            String hubUrl,
            List<Duration> retryDelays,
            Clock clock) {
        this.subscriptions = subscriptions;
        this.pings = pings;
        this.topics = topics;
        this.feeds = feeds;
        this.callbacks = callbacks;
        this.outgoing = outgoing;
        this.hubUrl = hubUrl;
        this.retryDelays = List.copyOf(retryDelays);
        this.clock = clock;
    }

    void deliver(DeliveryState.Claim claim) {
        Subscriptions.Subscription sub = subscriptions.claimed(claim).orElse(null);
        if (sub == null) {
            return; // unsubscribed meanwhile, or the claim ran out and is someone else's
        }
        DeliveryState state = subscriptions.state();
        if (!sub.expiresAt().isAfter(clock.instant())) {
            subscriptions.delete(sub.id());
            return;
        }
        LocalFeeds.Body body;
        try {
            body = read(sub.topic());
        } catch (LocalFeeds.UnavailableException e) {
            failed(state, claim, sub.attempts(), sub.deliveredHash(), sub.noticed(), sub.callback(), e.getMessage());
            return;
        }
        if (body == null || body.hash().equals(sub.deliveredHash())) {
            // Nothing new to send (or the topic is no feed any more): the row is up to date.
            state.finished(claim, body == null ? sub.deliveredHash() : body.hash(), sub.noticed());
            return;
        }
        String refused = callbacks.problem(sub.callback());
        Outgoing.Answer answer = refused != null
                ? new Outgoing.Answer(0, "", refused)
                : outgoing.deliver(sub.callback(), hubUrl, sub.topic(), body, sub.secret());
        if (answer.ok()) {
            state.finished(claim, body.hash(), sub.noticed());
            log.debug("Delivered {} to {}", sub.topic(), sub.callback());
        } else if (answer.status() == 410) {
            subscriptions.delete(sub.id());
            log.info("{} answered 410 Gone: its subscription to {} ended", sub.callback(), sub.topic());
        } else {
            failed(state, claim, sub.attempts(), body.hash(), sub.noticed(), sub.callback(), answer.describe());
        }
    }

    void ping(DeliveryState.Claim claim) {
        HubPings.Ping ping = pings.claimed(claim).orElse(null);
        if (ping == null) {
            return;
        }
        DeliveryState state = pings.state();
        LocalFeeds.Body body;
        try {
            body = read(ping.topic());
        } catch (LocalFeeds.UnavailableException e) {
            failed(state, claim, ping.attempts(), ping.deliveredHash(), ping.noticed(), ping.hub(), e.getMessage());
            return;
        }
        if (body == null || body.hash().equals(ping.deliveredHash())) {
            state.finished(claim, body == null ? ping.deliveredHash() : body.hash(), ping.noticed());
            return;
        }
        Outgoing.Answer answer = outgoing.ping(ping.hub(), ping.topic());
        if (answer.ok()) {
            state.finished(claim, body.hash(), ping.noticed());
            log.debug("Pinged {} for {}", ping.hub(), ping.topic());
        } else {
            failed(state, claim, ping.attempts(), body.hash(), ping.noticed(), ping.hub(), answer.describe());
        }
    }

    private LocalFeeds.Body read(String topic) throws LocalFeeds.UnavailableException {
        String path = topics.pathOf(topic).orElse(null);
        return path == null ? null : feeds.fetch(path);
    }

    private void failed(
            DeliveryState state,
            DeliveryState.Claim claim,
            int attempts,
            String hash,
            long noticed,
            String target,
            String problem) {
        if (attempts >= retryDelays.size()) {
            log.warn(
                    "Gave up sending to {} after {} attempts ({}); its next change is tried afresh",
                    target,
                    attempts + 1,
                    problem);
            state.finished(claim, hash, noticed);
            return;
        }
        if (attempts == 0) {
            // Once per version: a subscriber that is down must not fill the log.
            log.info("Cannot send to {} ({}); trying again", target, problem);
        }
        Instant next = clock.instant().plus(retryDelays.get(attempts));
        state.retryAt(claim, next);
    }
}
