package news.gazette.websub;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import news.gazette.MovableClock;
import news.gazette.TestDatabases;
import news.gazette.TestSite;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Leases: granted within the hub's bounds, and a subscription whose lease ran out gets nothing and is deleted. */
@Tag(TestDatabases.BOTH)
class WebSubLeaseTest {

    @Test
    void leases_asked_for_are_granted_within_five_minutes_and_thirty_days() {
        TestSite site = TestSite.create(c -> c.withWebSubPrivateCallbacks(true));
        try (TestSubscriber subscriber = TestSubscriber.start()) {
            JavalinTest.test(site.app, (server, client) -> {
                String hub = Hub.url(server.port());
                subscriber.subscribe(hub, Hub.topic(site, "/feed.xml"), null, 60);
                subscriber.subscribe(hub, Hub.topic(site, "/atom.xml"), null, 1_000_000_000);
                subscriber.subscribe(hub, Hub.topic(site, "/feed.json"), null, 86_400);
                assertThat(subscriber.verifications())
                        .extracting(TestSubscriber.Verification::leaseSeconds)
                        .containsExactly("300", "2592000", "86400");
            });
        }
    }

    @Test
    void an_expired_subscription_gets_no_delivery_and_is_deleted() {
        MovableClock clock = new MovableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        TestSite site = TestSite.create(clock, c -> c.withWebSubPrivateCallbacks(true));
        try (TestSubscriber shortLease = TestSubscriber.start();
                TestSubscriber longLease = TestSubscriber.start()) {
            JavalinTest.test(site.app, (server, client) -> {
                String topic = Hub.topic(site, "/feed.xml");
                shortLease.subscribe(Hub.url(server.port()), topic, null, 3600);
                longLease.subscribe(Hub.url(server.port()), topic, null, 7 * 86_400);
                Hub.await(Duration.ofSeconds(5), () -> Hub.subscriptions(site) == 2);

                site.publish("Within The Lease", clock.instant().minusSeconds(1));
                shortLease.awaitDelivery(d -> d.text().contains("Within The Lease"), Duration.ofSeconds(5));

                clock.set(clock.instant().plus(Duration.ofHours(2)));
                site.publish("After The Short Lease", clock.instant().minusSeconds(1));
                longLease.awaitDelivery(d -> d.text().contains("After The Short Lease"), Duration.ofSeconds(5));
                Hub.await(Duration.ofSeconds(5), () -> Hub.subscriptions(site) == 1);
                assertThat(shortLease.deliveries()).hasSize(1);
                assertThat(site.count("select count(*) from websub_subscription where lease_seconds = 3600"))
                        .isZero();
            });
        }
    }
}
