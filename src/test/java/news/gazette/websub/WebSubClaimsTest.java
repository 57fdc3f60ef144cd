package news.gazette.websub;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import news.gazette.TestDatabases;
import news.gazette.TestSite;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The delivery state in the database, as instances racing for it see it. */
@Tag(TestDatabases.BOTH)
class WebSubClaimsTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    @Test
    void instances_racing_for_owed_deliveries_claim_each_exactly_once() throws Exception {
        TestSite site = TestSite.create();
        Subscriptions subscriptions = new Subscriptions(site.jdbc);
        int rows = 60;
        for (int i = 0; i < rows; i++) {
            subscriptions.save(
                    "http://127.0.0.1/feed.xml", "https://reader" + i + ".example/cb", null, 3600, NOW, "old");
        }
        assertThat(subscriptions.state().notice("http://127.0.0.1/feed.xml", "new", NOW))
                .isEqualTo(rows);

        // Four "instances", each its own repository on its own connections, claiming as their senders free up.
        ExecutorService instances = Executors.newFixedThreadPool(4);
        List<Future<List<DeliveryState.Claim>>> claims = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Callable<List<DeliveryState.Claim>> claimer = () -> {
                DeliveryState state = new Subscriptions(site.jdbc).state();
                List<DeliveryState.Claim> mine = new ArrayList<>();
                for (int round = 0; round < 30; round++) {
                    mine.addAll(state.claimDue(NOW, 4, NOW.plusSeconds(60)));
                }
                return mine;
            };
            claims.add(instances.submit(claimer));
        }
        List<Long> claimed = new ArrayList<>();
        for (Future<List<DeliveryState.Claim>> future : claims) {
            future.get().forEach(c -> claimed.add(c.id()));
        }
        instances.shutdown();
        assertThat(claimed).hasSize(rows).doesNotHaveDuplicates();
        assertThat(subscriptions.state().claimDue(NOW, 10, NOW.plusSeconds(60))).isEmpty();
        // A claim that ran out (its instance died mid-send) is anyone's again.
        assertThat(subscriptions.state().claimDue(NOW.plusSeconds(61), 100, NOW.plusSeconds(120)))
                .hasSize(rows);
    }

    @Test
    void a_change_noticed_during_a_send_stays_owed_and_only_the_claims_holder_records_the_outcome() {
        TestSite site = TestSite.create();
        Subscriptions subscriptions = new Subscriptions(site.jdbc);
        DeliveryState state = subscriptions.state();
        String topic = "http://127.0.0.1/atom.xml";
        subscriptions.save(topic, "https://reader.example/cb", "s", 3600, NOW, "v1");

        state.notice(topic, "v2", NOW);
        DeliveryState.Claim claim = state.claimDue(NOW, 1, NOW.plusSeconds(60)).get(0);
        Subscriptions.Subscription sub = subscriptions.claimed(claim).orElseThrow();
        // While it sends v2, another instance notices v3.
        state.notice(topic, "v3", NOW.plusSeconds(1));
        state.finished(new DeliveryState.Claim(claim.id(), "someone else's"), "v9", sub.noticed());
        state.finished(claim, "v2", sub.noticed());
        assertThat(site.count("select count(*) from websub_subscription where delivered_hash = 'v2'"))
                .isEqualTo(1);
        assertThat(state.owed()).as("v3 is still owed").isEqualTo(1);

        DeliveryState.Claim again =
                state.claimDue(NOW.plusSeconds(2), 1, NOW.plusSeconds(60)).get(0);
        Subscriptions.Subscription next = subscriptions.claimed(again).orElseThrow();
        state.retryAt(again, NOW.plus(Duration.ofSeconds(10)));
        assertThat(state.claimDue(NOW.plusSeconds(5), 1, NOW.plusSeconds(60))).isEmpty();
        DeliveryState.Claim retry =
                state.claimDue(NOW.plusSeconds(10), 1, NOW.plusSeconds(60)).get(0);
        assertThat(subscriptions.claimed(retry).orElseThrow().attempts()).isEqualTo(1);
        state.finished(retry, "v3", next.noticed());
        assertThat(state.owed()).isZero();
        // Nothing is owed for a version already delivered.
        assertThat(state.notice(topic, "v3", NOW.plusSeconds(20))).isZero();
    }

    @Test
    void the_limits_count_live_subscriptions_per_callback_host_and_in_all() {
        TestSite site = TestSite.create();
        Subscriptions subscriptions = new Subscriptions(site.jdbc);
        java.time.Clock clock = java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC);
        SubscriptionLimits limits = new SubscriptionLimits(subscriptions, clock, 2, 3);
        subscriptions.save("http://127.0.0.1/feed.xml", "https://a.example/1", null, 3600, NOW, null);
        subscriptions.save("http://127.0.0.1/atom.xml", "https://A.example/2", null, 3600, NOW, null);
        assertThat(limits.refusal("https://a.example/3").status()).isEqualTo(429);
        assertThat(limits.refusal("https://b.example/1")).isNull();
        subscriptions.save("http://127.0.0.1/feed.xml", "https://b.example/1", null, 3600, NOW, null);
        assertThat(limits.refusal("https://c.example/1").status()).isEqualTo(503);
        // An expired one no longer counts.
        subscriptions.save("http://127.0.0.1/feed.json", "https://d.example/1", null, 300, NOW.minusSeconds(600), null);
        Set<String> hosts =
                new HashSet<>(site.jdbc.list("select callback_host from websub_subscription", row -> row.getString(1)));
        assertThat(hosts).containsExactlyInAnyOrder("a.example", "b.example", "d.example");
        assertThat(subscriptions.deleteExpired(NOW)).isEqualTo(1);
    }
}
