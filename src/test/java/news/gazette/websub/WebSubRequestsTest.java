package news.gazette.websub;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import java.util.LinkedHashMap;
import java.util.Map;
import news.gazette.TestDatabases;
import news.gazette.TestSite;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What the hub refuses at once, with 400 and a reason a subscriber's log can show, before asking any callback. */
@Tag(TestDatabases.BOTH)
class WebSubRequestsTest {

    @Test
    void invalid_topics_callbacks_modes_secrets_and_leases_get_400_with_a_plain_reason() {
        TestSite site = TestSite.create(c -> c.withWebSubPrivateCallbacks(true));
        try (TestSubscriber subscriber = TestSubscriber.start()) {
            JavalinTest.test(site.app, (server, client) -> {
                String hub = Hub.url(server.port());
                String feed = Hub.topic(site, "/feed.xml");
                String callback = subscriber.callbackUrl();
                Map<String, String> refusals = new LinkedHashMap<>();
                refusals.put("elsewhere", "https://other.example/feed.xml");
                refusals.put("not a feed path", Hub.topic(site, "/articles/anything"));
                refusals.put("a feed path that is no feed", Hub.topic(site, "/tags/no-such-tag/feed.xml"));
                refusals.put("dot segments", Hub.topic(site, "/tags/../feed.xml"));
                refusals.put("a query", feed + "?x=1");
                for (Map.Entry<String, String> topic : refusals.entrySet()) {
                    TestSubscriber.HubAnswer answer =
                            subscriber.send(hub, form("subscribe", topic.getValue(), callback));
                    assertThat(answer.status()).as(topic.getKey()).isEqualTo(400);
                    assertThat(answer.body()).as(topic.getKey()).contains("hub.topic");
                }
                for (String bad : new String[] {"ftp://127.0.0.1/cb", "/relative/callback", "not a url at all", ""}) {
                    TestSubscriber.HubAnswer answer = subscriber.send(hub, form("subscribe", feed, bad));
                    assertThat(answer.status()).as(bad).isEqualTo(400);
                    assertThat(answer.body()).as(bad).contains("hub.callback");
                }
                assertThat(subscriber.send(hub, form("publish", feed, callback)).status())
                        .isEqualTo(400);
                Map<String, String> longSecret = form("subscribe", feed, callback);
                longSecret.put("hub.secret", "x".repeat(200));
                assertThat(subscriber.send(hub, longSecret).body()).contains("hub.secret");
                Map<String, String> badLease = form("subscribe", feed, callback);
                badLease.put("hub.lease_seconds", "ten days");
                assertThat(subscriber.send(hub, badLease).status()).isEqualTo(400);

                TestSubscriber.HubAnswer plain = subscriber.send(hub, form("subscribe", "nope", callback));
                assertThat(plain.body()).doesNotContain("<html");
                assertThat(subscriber.verifications())
                        .as("no callback was asked")
                        .isEmpty();
                assertThat(Hub.subscriptions(site)).isZero();
                // A tag's and the corrections feed are topics like the site's, found by asking the site.
                assertThat(subscriber
                                .send(hub, form("subscribe", Hub.topic(site, "/tags/ai/atom.xml"), callback))
                                .status())
                        .isEqualTo(202);
            });
        }
    }

    @Test
    void by_default_callbacks_on_loopback_and_private_addresses_are_refused() {
        TestSite site = TestSite.create();
        try (TestSubscriber subscriber = TestSubscriber.start()) {
            JavalinTest.test(site.app, (server, client) -> {
                String feed = Hub.topic(site, "/feed.xml");
                for (String callback : new String[] {
                    subscriber.callbackUrl(),
                    "http://localhost:8080/cb",
                    "http://10.1.2.3/cb",
                    "http://192.168.0.10/cb",
                    "http://169.254.169.254/latest/meta-data",
                    "http://[::1]/cb",
                    "http://[fd00::1]/cb",
                    "http://224.0.0.1/cb"
                }) {
                    TestSubscriber.HubAnswer answer =
                            subscriber.send(Hub.url(server.port()), form("subscribe", feed, callback));
                    assertThat(answer.status()).as(callback).isEqualTo(400);
                    assertThat(answer.body()).as(callback).contains("non-public address");
                }
                assertThat(subscriber.verifications()).isEmpty();
            });
        }
    }

    static Map<String, String> form(String mode, String topic, String callback) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("hub.mode", mode);
        form.put("hub.topic", topic);
        form.put("hub.callback", callback);
        return form;
    }
}
