package news.gazette.websub;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import io.javalin.testtools.JavalinTest;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import news.gazette.TestDatabases;
import news.gazette.TestSite;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Subscribe, verify, deliver: the hub's round trip with a real subscriber on loopback. */
@Tag(TestDatabases.BOTH)
class WebSubDeliveryTest {

    private static final Logger log = LoggerFactory.getLogger(WebSubDeliveryTest.class);
    // The bound the hub promises from an editor's save to the subscriber (the save applies its change at once).
    private static final Duration PROMPTLY = Duration.ofSeconds(1);
    // For the tests of other things: generous, so a busy machine does not fail them.
    private static final Duration SOON = Duration.ofSeconds(5);

    @Test
    void a_verified_subscriber_gets_the_new_feed_signed_within_a_second_of_the_save() throws Exception {
        TestSite site = TestSite.create(c -> c.withWebSubPrivateCallbacks(true));
        java.util.concurrent.atomic.AtomicLong millis = new java.util.concurrent.atomic.AtomicLong(-1);
        java.util.concurrent.atomic.AtomicLong saveMillis = new java.util.concurrent.atomic.AtomicLong(-1);
        try (TestSubscriber subscriber = TestSubscriber.start()) {
            JavalinTest.test(site.app, (server, client) -> {
                String topic = Hub.topic(site, "/feed.xml");
                subscriber.subscribe(Hub.url(server.port()), topic, "a secret of the subscriber's");
                TestSubscriber.Verification verified =
                        subscriber.verifications().get(0);
                assertThat(verified.mode()).isEqualTo("subscribe");
                assertThat(verified.leaseSeconds()).isEqualTo(String.valueOf(HubHandlers.DEFAULT_LEASE_SECONDS));
                assertThat(verified.challenge()).hasSizeGreaterThanOrEqualTo(32);
                Hub.await(SOON, () -> Hub.subscriptions(site) == 1);

                Newsroom editor = Newsroom.signIn(server.port());
                Instant saved = Instant.now();
                Newsroom.Saved answer = editor.publish("Harbour Bridge Reopens", "The bridge is open again.");
                assertThat(answer.status()).isEqualTo(303);
                saveMillis.set(answer.millis());
                TestSubscriber.Delivery delivery =
                        subscriber.awaitDelivery(d -> d.text().contains("Harbour Bridge Reopens"), PROMPTLY);
                millis.set(Duration.between(saved, delivery.at()).toMillis());

                assertThat(delivery.signatureValid()).isTrue();
                assertThat(delivery.header("X-Hub-Signature")).startsWith("sha256=");
                assertThat(delivery.contentType()).isEqualTo("application/rss+xml; charset=utf-8");
                assertThat(delivery.topic()).isEqualTo(topic);
                assertThat(delivery.hub()).isEqualTo(site.config.baseUrl() + "/websub");
                // The full feed, as a reader would fetch it.
                SyndFeed feed = new SyndFeedInput().build(new StringReader(delivery.text()));
                assertThat(feed.getEntries().get(0).getTitle()).isEqualTo("Harbour Bridge Reopens");
                assertThat(delivery.text())
                        .isEqualTo(client.get("/feed.xml").body().string());
                assertThat(subscriber.deliveries()).hasSize(1);
            });
        }
        // After the test: JavalinTest holds back what is logged during it unless it fails.
        log.info(
                "WebSub delivery arrived {} ms after the editor's save was sent (the save answered in {} ms)",
                millis.get(),
                saveMillis.get());
    }

    @Test
    void after_unsubscribing_no_more_deliveries_come() {
        TestSite site = TestSite.create(c -> c.withWebSubPrivateCallbacks(true));
        try (TestSubscriber subscriber = TestSubscriber.start();
                TestSubscriber witness = TestSubscriber.start()) {
            JavalinTest.test(site.app, (server, client) -> {
                String topic = Hub.topic(site, "/atom.xml");
                subscriber.subscribe(Hub.url(server.port()), topic, null);
                witness.subscribe(Hub.url(server.port()), topic, null);
                site.publish("First Story After Subscribing", Instant.now().minusSeconds(5));
                TestSubscriber.Delivery first =
                        subscriber.awaitDelivery(d -> d.text().contains("First Story After Subscribing"), SOON);
                assertThat(first.signatureValid())
                        .as("unsigned, as no secret was given")
                        .isTrue();
                assertThat(first.header("X-Hub-Signature")).isNull();

                subscriber.unsubscribe(Hub.url(server.port()), topic);
                assertThat(subscriber.verifications().get(1).mode()).isEqualTo("unsubscribe");
                Hub.await(SOON, () -> Hub.subscriptions(site) == 1);
                site.publish("Second Story After Leaving", Instant.now().minusSeconds(1));
                // The witness, still subscribed, gets it; by then the one who left would have too.
                witness.awaitDelivery(d -> d.text().contains("Second Story After Leaving"), SOON);
                assertThat(subscriber.deliveries()).hasSize(1);
            });
        }
    }

    @Test
    void a_refused_verification_stores_nothing() {
        TestSite site = TestSite.create(c -> c.withWebSubPrivateCallbacks(true));
        try (TestSubscriber subscriber = TestSubscriber.start();
                TestSubscriber witness = TestSubscriber.start()) {
            subscriber.refuseVerifications(true);
            JavalinTest.test(site.app, (server, client) -> {
                String topic = Hub.topic(site, "/feed.json");
                TestSubscriber.HubAnswer answer = subscriber.send(
                        Hub.url(server.port()),
                        java.util.Map.of(
                                "hub.mode", "subscribe", "hub.topic", topic, "hub.callback", subscriber.callbackUrl()));
                assertThat(answer.status()).isEqualTo(202);
                Hub.await(SOON, () -> !subscriber.verifications().isEmpty());
                assertThat(subscriber.verifications().get(0).confirmed()).isFalse();
                witness.subscribe(Hub.url(server.port()), topic, null);
                Hub.await(SOON, () -> Hub.subscriptions(site) == 1);
                site.publish("Nobody Refusing Gets This", Instant.now().minusSeconds(1));
                // Delivered to the one that confirmed, so the one that refused would have had it by now.
                witness.awaitDelivery(d -> d.text().contains("Nobody Refusing Gets This"), SOON);
                assertThat(Hub.subscriptions(site)).isEqualTo(1);
                assertThat(subscriber.deliveries()).isEmpty();
            });
        }
    }

    @Test
    void subscribing_again_renews_the_lease_and_replaces_the_secret() {
        TestSite site = TestSite.create(c -> c.withWebSubPrivateCallbacks(true));
        try (TestSubscriber subscriber = TestSubscriber.start()) {
            JavalinTest.test(site.app, (server, client) -> {
                String topic = Hub.topic(site, "/feed.json");
                subscriber.subscribe(Hub.url(server.port()), topic, "first secret", 3600);
                Hub.await(SOON, () -> Hub.subscriptions(site) == 1);
                Instant firstExpiry = expiry(site);
                subscriber.subscribe(Hub.url(server.port()), topic, "second secret", 7200);
                Hub.await(SOON, () -> !expiry(site).equals(firstExpiry));
                assertThat(Hub.subscriptions(site)).isEqualTo(1);
                assertThat(subscriber.verifications().get(1).leaseSeconds()).isEqualTo("7200");
                assertThat(Duration.between(firstExpiry, expiry(site))).isGreaterThan(Duration.ofMinutes(59));

                site.publish("Signed With The Second Secret", Instant.now().minusSeconds(1));
                TestSubscriber.Delivery delivery =
                        subscriber.awaitDelivery(d -> d.text().contains("Signed With The Second Secret"), SOON);
                // The subscriber checks against the secret it last gave: the hub signed with the new one.
                assertThat(delivery.signatureValid()).isTrue();
                assertThat(delivery.contentType()).isEqualTo("application/feed+json; charset=utf-8");
            });
        }
    }

    private static Instant expiry(TestSite site) {
        return site.jdbc
                .first(
                        "select expires_at from websub_subscription",
                        row -> news.gazette.db.Jdbc.instant(row, "expires_at"))
                .orElseThrow();
    }
}
