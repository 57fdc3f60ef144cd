package news.gazette.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import news.gazette.TestSite;
import news.gazette.change.ChangeKey;
import news.gazette.change.ChangeLog;
import org.junit.jupiter.api.Test;

/** Gazette purges the caches in front ({@code --purge-url}) for exactly the keys each change names, and retries. */
class PurgeTest {

    @Test
    void a_change_is_purged_by_exactly_its_keys() {
        try (PurgeReceiver cache = new PurgeReceiver(0)) {
            TestSite site = TestSite.create(c -> c.withProxy(new ProxyOptions(List.of(cache.url()), false)));
            JavalinTest.test(site.app, (server, unused) -> {
                site.publish("Purged by its keys", Instant.now().minusSeconds(60), "harbour");
                ChangeLog log = new ChangeLog(site.jdbc);
                Set<ChangeKey> changed = log.after(log.lastId() - 1).get(0).keys();
                String expected = ProxyHeaders.purgeKeys(changed);
                assertThat(expected).contains("list", "any").containsPattern("story:\\d+");
                // A new topic enters the navigation on every page, so "site" goes too. The sender sends what is
                // waiting when it wakes, so the two may arrive in one request or in two: either way, exactly these.
                Set<String> wanted = new java.util.TreeSet<>(List.of(expected.split(" ")));
                wanted.add("site");
                awaitWithin(Duration.ofSeconds(1), () -> purgedKeys(cache).containsAll(wanted));
                assertThat(purgedKeys(cache)).isEqualTo(wanted);
                assertThat(cache.received).allMatch(p -> p.method().equals("PURGE"));
            });
        }
    }

    @Test
    void failed_purges_are_retried_and_counted() {
        try (PurgeReceiver cache = new PurgeReceiver(3)) {
            TestSite site = TestSite.create(c -> c.withProxy(new ProxyOptions(List.of(cache.url()), false)));
            JavalinTest.test(site.app, (server, unused) -> {
                site.publish("Purged at the fourth attempt", Instant.now().minusSeconds(60));
                // Back-off of 0.1, 0.2 and 0.4 s before the fourth attempt.
                awaitWithin(Duration.ofSeconds(5), () -> !cache.received.isEmpty());
                // The receiver records the purge before it answers, and the sender counts it once the answer is in.
                Http http = new Http(server.port());
                awaitWithin(
                        Duration.ofSeconds(5), () -> http.get("/metrics").text().contains("result=\"ok\"} 1.0"));
                String metrics = http.get("/metrics").text();
                assertThat(metrics)
                        .containsPattern(
                                "gazette_purge_requests_total\\{cache=\"127.0.0.1:\\d+\",result=\"failed\"} 3.0");
                assertThat(metrics)
                        .containsPattern("gazette_purge_requests_total\\{cache=\"127.0.0.1:\\d+\",result=\"ok\"} 1.0");
                assertThat(metrics).contains("gazette_change_log_behind", "gazette_change_log_lag_seconds");
            });
        }
    }

    @Test
    void a_save_never_waits_for_a_cache_that_does_not_answer() {
        try (PurgeReceiver cache = new PurgeReceiver(0, true)) {
            TestSite site = TestSite.create(c -> c.withProxy(new ProxyOptions(List.of(cache.url()), false)));
            JavalinTest.test(site.app, (server, unused) -> {
                site.publish("First, its purge held", Instant.now().minusSeconds(60));
                awaitWithin(Duration.ofSeconds(5), () -> cache.arrived.get() == 1);
                // The change is applied (as after every newsroom POST) while the cache still holds the first purge.
                site.publish(
                        "Second, saved and applied all the same", Instant.now().minusSeconds(30));
                assertThat(new Http(server.port()).get("/").text()).contains("Second, saved and applied all the same");
                assertThat(cache.received).isEmpty();
                cache.release.countDown();
                awaitWithin(Duration.ofSeconds(5), () -> cache.received.size() >= 2);
            });
        }
    }

    /** Every key purged so far, over all requests. */
    private static Set<String> purgedKeys(PurgeReceiver cache) {
        Set<String> keys = new java.util.TreeSet<>();
        for (var purge : List.copyOf(cache.received)) {
            keys.addAll(List.of(purge.keys().split(" ")));
        }
        return keys;
    }

    static void awaitWithin(Duration bound, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("within " + bound).isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
