package news.gazette.websub;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.javalin.testtools.JavalinTest;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import news.gazette.TestDatabases;
import news.gazette.TestSite;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@code --websub-hub}: each change to the site's feeds is pinged to every external hub, retried until it answers. */
@Tag(TestDatabases.BOTH)
class WebSubExternalHubsTest {

    @Test
    void a_change_pings_each_site_feed_once_and_a_failing_hub_gets_it_on_a_retry() throws Exception {
        HttpServer hub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        List<String> pings = new CopyOnWriteArrayList<>();
        AtomicInteger toFail = new AtomicInteger(2);
        hub.createContext("/", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                boolean fail = toFail.getAndDecrement() > 0;
                if (!fail) {
                    pings.add(exchange.getRequestHeaders().getFirst("Content-Type") + " "
                            + URLDecoder.decode(body, StandardCharsets.UTF_8));
                }
                exchange.sendResponseHeaders(fail ? 503 : 204, -1);
            }
        });
        hub.start();
        URI hubUrl = URI.create("http://127.0.0.1:" + hub.getAddress().getPort() + "/hub");
        TestSite site = TestSite.create(c -> c.withWebSub(c.websub()
                .withExternalHubs(hubUrl)
                .withRetryDelays(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400))));
        try {
            JavalinTest.test(site.app, (server, client) -> {
                String form = "application/x-www-form-urlencoded hub.mode=publish&hub.url=";
                List<String> siteFeeds = List.of(
                        form + Hub.topic(site, "/feed.xml"),
                        form + Hub.topic(site, "/atom.xml"),
                        form + Hub.topic(site, "/feed.json"));
                // A hub new to the site hears of each feed at start-up, as it cannot know them yet; the two refused
                // pings are retried.
                Hub.await(Duration.ofSeconds(5), () -> pings.size() == 3);
                assertThat(pings).containsExactlyInAnyOrderElementsOf(siteFeeds);

                site.publish("Pinged To Another Hub", Instant.now().minusSeconds(1));
                Hub.await(Duration.ofSeconds(5), () -> pings.size() == 6);
                assertThat(pings.subList(3, 6)).containsExactlyInAnyOrderElementsOf(siteFeeds);
                // A change that leaves the site's feeds as they were pings nothing.
                site.jdbc.update(
                        "insert into site_change (changed_at, change_keys) values (?, ?)", Instant.now(), "author:999");
                site.applyChanges();
                Thread.sleep(1000);
                assertThat(pings).hasSize(6);
            });
        } finally {
            hub.stop(0);
        }
    }
}
