package news.gazette.websub;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The hub's small rules, without a server: which topics, which addresses, the signature. */
class WebSubRulesTest {

    @Test
    void topics_are_feed_urls_under_the_base_url_whatever_the_route() {
        Topics topics = new Topics("https://news.example/edition");
        assertThat(topics.pathOf("https://news.example/edition/feed.xml")).hasValue("/feed.xml");
        assertThat(topics.pathOf("https://news.example/edition/articles/a-story/feed.json"))
                .hasValue("/articles/a-story/feed.json");
        assertThat(topics.pathOf("https://news.example/edition/tags/ai/atom.xml"))
                .hasValue("/tags/ai/atom.xml");
        assertThat(topics.pathOf("https://news.example/feed.xml")).isEmpty();
        assertThat(topics.pathOf("https://news.example/edition/tags/ai")).isEmpty();
        assertThat(topics.pathOf("https://news.example/edition/tags/%2e%2e/feed.xml"))
                .isEmpty();
        assertThat(topics.pathOf("https://news.example/edition/../feed.xml")).isEmpty();
        assertThat(topics.pathOf("https://news.example/edition/feed.xml#x")).isEmpty();
        assertThat(topics.pathOf(null)).isEmpty();
    }

    @Test
    void only_public_addresses_are_callbacks_by_default() throws Exception {
        for (String address : new String[] {
            "127.0.0.1",
            "10.0.0.1",
            "172.16.5.4",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "224.0.0.251",
            "255.255.255.255",
            "::1",
            "fe80::1",
            "fd12:3456::1",
            "::ffff:10.0.0.1"
        }) {
            assertThat(Callbacks.isPrivate(InetAddress.getByName(address)))
                    .as(address)
                    .isTrue();
        }
        for (String address : new String[] {"93.184.216.34", "8.8.8.8", "2606:4700::1111", "172.32.0.1"}) {
            assertThat(Callbacks.isPrivate(InetAddress.getByName(address)))
                    .as(address)
                    .isFalse();
        }
        assertThat(new Callbacks(false).problem("http://127.0.0.1:8080/cb")).contains("non-public");
        assertThat(new Callbacks(true).problem("http://127.0.0.1:8080/cb")).isNull();
        assertThat(new Callbacks(true).problem("http://user:pw@127.0.0.1/cb")).contains("user information");
    }

    @Test
    void the_options_come_from_the_command_line_or_the_environment() {
        news.gazette.Config flags = news.gazette.Config.from(
                new String[] {"--websub-hub", "https://a.example/hub", "--websub-hub", "https://b.example/hub"},
                java.util.Map.of());
        assertThat(flags.websub().externalHubs())
                .extracting(Object::toString)
                .containsExactly("https://a.example/hub", "https://b.example/hub");
        assertThat(flags.websub().allowPrivateCallbacks()).isFalse();
        news.gazette.Config env = news.gazette.Config.from(
                new String[0],
                java.util.Map.of(
                        "GAZETTE_WEBSUB_HUB", "https://a.example/hub,https://c.example/hub",
                        "GAZETTE_WEBSUB_ALLOW_PRIVATE_CALLBACKS", "true"));
        assertThat(env.websub().externalHubs()).hasSize(2);
        assertThat(env.websub().allowPrivateCallbacks()).isTrue();
        assertThat(news.gazette.Config.forTest()
                        .withWebSubPrivateCallbacks(true)
                        .websub()
                        .allowPrivateCallbacks())
                .isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        news.gazette.Config.from(new String[] {"--websub-hub", "ftp://a.example/"}, java.util.Map.of()))
                .isInstanceOf(news.gazette.Config.InvalidConfigException.class)
                .hasMessageContaining("WebSub hub");
    }

    @Test
    void the_signature_is_the_hex_hmac_sha256_of_the_body() {
        // RFC 4231-style check against a well-known vector.
        assertThat(Signature.of("key", "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    }
}
