package news.gazette.websub;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.nio.file.Files;
import java.time.Duration;
import news.gazette.App;
import news.gazette.Config;
import news.gazette.TestDatabases;
import news.gazette.TestSite;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Subscriptions and their state are in the database: they outlive an instance, and several deliver each change once. */
@Tag(TestDatabases.BOTH)
class WebSubInstancesTest {

    @Test
    void a_subscription_survives_a_restart_and_the_next_instance_delivers_it() throws Exception {
        TestSite site = TestSite.create(c -> c.withWebSubPrivateCallbacks(true));
        try (TestSubscriber subscriber = TestSubscriber.start()) {
            JavalinTest.test(site.app, (server, client) -> {
                subscriber.subscribe(Hub.url(server.port()), Hub.topic(site, "/atom.xml"), "kept across restarts");
                Hub.await(Duration.ofSeconds(5), () -> Hub.subscriptions(site) == 1);
            });
            Javalin next = App.create(secondInstance(site.config)).start(0);
            try {
                Newsroom.signIn(next.port()).publish("Delivered By The Next Instance", "After the restart.");
                TestSubscriber.Delivery delivery = subscriber.awaitDelivery(
                        d -> d.text().contains("Delivered By The Next Instance"), Duration.ofSeconds(5));
                assertThat(delivery.signatureValid()).isTrue();
            } finally {
                next.stop();
            }
        }
    }

    @Test
    void two_instances_on_one_database_deliver_each_change_once() throws Exception {
        TestSite site = TestSite.create(c -> c.withWebSubPrivateCallbacks(true));
        try (TestSubscriber subscriber = TestSubscriber.start()) {
            JavalinTest.test(site.app, (server, client) -> {
                Javalin other = App.create(secondInstance(site.config)).start(0);
                try {
                    String topic = Hub.topic(site, "/feed.json");
                    subscriber.subscribe(Hub.url(server.port()), topic, "one secret");
                    Hub.await(Duration.ofSeconds(5), () -> Hub.subscriptions(site) == 1);
                    // The same feed, byte for byte, from both: else each would deliver its own version in turn.
                    assertThat(read(other.port(), "/feed.json"))
                            .isEqualTo(client.get("/feed.json").body().string());

                    Newsroom first = Newsroom.signIn(server.port());
                    Newsroom second = Newsroom.signIn(other.port());
                    for (int i = 1; i <= 3; i++) {
                        String headline = "Change Number " + i + " Of Three";
                        (i % 2 == 0 ? first : second).publish(headline, "Saved through one of two instances.");
                        subscriber.awaitDelivery(d -> d.text().contains(headline), Duration.ofSeconds(5));
                    }
                    // Both instances noticed every change; give a second one's duplicate time to arrive, if any.
                    Thread.sleep(1500);
                    assertThat(subscriber.deliveries()).hasSize(3);
                    assertThat(subscriber.deliveries()).allMatch(TestSubscriber.Delivery::signatureValid);
                } finally {
                    other.stop();
                }
            });
        }
    }

    /** Another instance on the same database, with a search index of its own (never shared). */
    private static Config secondInstance(Config config) throws Exception {
        return config.withSearchIndexDir(Files.createTempDirectory("gazette-second-index"));
    }

    private static String read(int port, String path) throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        return http.send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString())
                .body();
    }
}
