package news.gazette;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TrustedProxyConfigTest {

    @Test
    void no_proxy_is_trusted_by_default() {
        assertThat(Config.from(new String[0], Map.of()).trustedProxies()).isEmpty();
        assertThat(Config.forTest().trustedProxies()).isEmpty();
    }

    @Test
    void trusted_proxy_repeats_and_takes_commas() {
        Config config = Config.from(
                new String[] {"--trusted-proxy", "10.0.0.0/8", "--trusted-proxy", "192.0.2.1, 2001:db8::/32"},
                Map.of());
        assertThat(config.trustedProxies()).containsExactly("10.0.0.0/8", "192.0.2.1", "2001:db8::/32");
    }

    @Test
    void the_environment_lists_proxies_separated_by_commas_and_the_command_line_replaces_them() {
        Map<String, String> env = Map.of("GAZETTE_TRUSTED_PROXY", "127.0.0.1,::1,");
        assertThat(Config.from(new String[0], env).trustedProxies()).containsExactly("127.0.0.1", "::1");
        assertThat(Config.from(new String[] {"--trusted-proxy", "10.0.0.1"}, env)
                        .trustedProxies())
                .containsExactly("10.0.0.1");
    }

    @Test
    void a_proxy_that_is_no_address_stops_start_up_with_one_line() {
        assertThatThrownBy(() -> Config.from(new String[] {"--trusted-proxy", "proxy.internal"}, Map.of()))
                .isInstanceOf(Config.InvalidConfigException.class)
                .hasMessage("trusted proxy proxy.internal is not an IP address or CIDR range");
        assertThatThrownBy(() -> Config.from(new String[0], Map.of("GAZETTE_TRUSTED_PROXY", "10.0.0.1/8")))
                .isInstanceOf(Config.InvalidConfigException.class)
                .hasMessage("trusted proxy 10.0.0.1/8 has bits set after its /8 prefix; the block starts at 10.0.0.0");
        assertThatThrownBy(() -> Config.forTest().withTrustedProxies("::1/129"))
                .isInstanceOf(Config.InvalidConfigException.class)
                .hasMessageNotContaining("\n");
    }
}
