package news.gazette.websub;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import java.time.Duration;
import java.time.Instant;
import news.gazette.TestDatabases;
import news.gazette.TestSite;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A subscriber that is down slows nothing, and gets the feed once it is back. */
@Tag(TestDatabases.BOTH)
class WebSubRetriesTest {

    @Test
    void a_subscriber_that_is_down_never_holds_up_a_save_and_gets_the_feed_once_back() {
        // Retries 0.2, 0.4, 0.8 ... s apart instead of 10 s, 30 s, 2 min: the same code, sooner.
        TestSite site = TestSite.create(c -> c.withWebSub(c.websub()
                .withPrivateCallbacks(true)
                .withRetryDelays(
                        Duration.ofMillis(200),
                        Duration.ofMillis(400),
                        Duration.ofMillis(800),
                        Duration.ofMillis(800),
                        Duration.ofMillis(800),
                        Duration.ofMillis(800))));
        try (TestSubscriber subscriber = TestSubscriber.start()) {
            JavalinTest.test(site.app, (server, client) -> {
                String topic = Hub.topic(site, "/feed.xml");
                subscriber.subscribe(Hub.url(server.port()), topic, "s");
                Hub.await(Duration.ofSeconds(5), () -> Hub.subscriptions(site) == 1);
                subscriber.down(true);

                Newsroom editor = Newsroom.signIn(server.port());
                Newsroom.Saved saved = editor.publish("Published While The Reader Was Down", "Still published.");
                assertThat(saved.status()).isEqualTo(303);
                // Two failed attempts seen, so the hub is retrying; a later save is answered as promptly as ever.
                Hub.await(
                        Duration.ofSeconds(5),
                        () -> subscriber.failedDeliveries().size() >= 2);
                Newsroom.Saved during = editor.publish("A Second Story Meanwhile", "Also published.");
                assertThat(during.status()).isEqualTo(303);
                assertThat(client.get("/").body().string()).contains("A Second Story Meanwhile");
                assertThat(subscriber.deliveries()).isEmpty();

                subscriber.down(false);
                TestSubscriber.Delivery delivery = subscriber.awaitDelivery(
                        d -> d.text().contains("A Second Story Meanwhile")
                                && d.text().contains("Published While The Reader Was Down"),
                        Duration.ofSeconds(5));
                assertThat(delivery.signatureValid()).isTrue();
                Hub.await(
                        Duration.ofSeconds(5),
                        () -> site.count(
                                        "select count(*) from websub_subscription where due_at is null and attempts = 0")
                                == 1);
                assertThat(subscriber.deliveries())
                        .as("the newest version, once")
                        .hasSize(1);
            });
        }
    }

    @Test
    void a_410_from_the_callback_ends_the_subscription() throws Exception {
        TestSite site = TestSite.create(c -> c.withWebSubPrivateCallbacks(true));
        try (GoneReceiver gone = new GoneReceiver()) {
            JavalinTest.test(site.app, (server, client) -> {
                TestSubscriber.HubAnswer answer = gone.subscribe(Hub.url(server.port()), Hub.topic(site, "/feed.xml"));
                assertThat(answer.status()).isEqualTo(202);
                Hub.await(Duration.ofSeconds(5), () -> Hub.subscriptions(site) == 1);
                site.publish("Nobody Reads This Any More", Instant.now().minusSeconds(1));
                Hub.await(Duration.ofSeconds(5), () -> Hub.subscriptions(site) == 0);
                assertThat(gone.posts.get()).isEqualTo(1);
            });
        }
    }

    /** A callback that confirms its subscription, then answers every delivery 410 Gone. */
    private static final class GoneReceiver implements AutoCloseable {
        final java.util.concurrent.atomic.AtomicInteger posts = new java.util.concurrent.atomic.AtomicInteger();
        private final com.sun.net.httpserver.HttpServer server;

        GoneReceiver() throws java.io.IOException {
            server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                try (exchange) {
                    if (exchange.getRequestMethod().equals("GET")) {
                        String query = exchange.getRequestURI().getQuery();
                        String challenge = query.replaceAll(".*hub\\.challenge=([^&]*).*", "$1");
                        byte[] body = challenge.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                        exchange.sendResponseHeaders(200, body.length);
                        exchange.getResponseBody().write(body);
                    } else {
                        exchange.getRequestBody().readAllBytes();
                        posts.incrementAndGet();
                        exchange.sendResponseHeaders(410, -1);
                    }
                }
            });
            server.start();
        }

        TestSubscriber.HubAnswer subscribe(String hub, String topic) {
            try (TestSubscriber sender = TestSubscriber.start()) {
                return sender.send(
                        hub,
                        WebSubRequestsTest.form(
                                "subscribe",
                                topic,
                                "http://127.0.0.1:" + server.getAddress().getPort() + "/cb"));
            }
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
