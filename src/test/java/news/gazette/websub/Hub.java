package news.gazette.websub;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import news.gazette.TestSite;

/** Addresses and waits the WebSub tests share. */
final class Hub {

    private Hub() {}

    /** The hub's URL on the running test server (the base URL of a test site names no port). */
    static String url(int port) {
        return "http://127.0.0.1:" + port + WebSub.PATH;
    }

    /** A topic: the absolute URL of the feed at {@code path}, as the feed's self link names it. */
    static String topic(TestSite site, String path) {
        return site.config.baseUrl() + path;
    }

    static long subscriptions(TestSite site) {
        return site.count("select count(*) from websub_subscription");
    }

    static void await(Duration within, BooleanSupplier condition) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("within " + within).isLessThan(deadline);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
