package news.gazette.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    private final ClientAddress behindProxies = new ClientAddress(List.of("10.0.0.0/8", "2001:db8:ffff::/48"));

    private String client(ClientAddress addresses, String peer, String... forwardedFor) {
        return IpLiteral.format(addresses.resolve(peer, List.of(forwardedFor)));
    }

    @Test
    void without_trusted_proxies_the_peer_is_the_client_whatever_the_header_says() {
        ClientAddress none = new ClientAddress(List.of());
        assertThat(client(none, "198.51.100.7", "203.0.113.1")).isEqualTo("198.51.100.7");
        // Not an address at all: such peers share one bucket rather than each getting a fresh one.
        assertThat(client(none, "not-an-address")).isEqualTo("0.0.0.0");
    }

    @Test
    void an_untrusted_peer_cannot_name_another_client() {
        assertThat(client(behindProxies, "198.51.100.7", "203.0.113.1")).isEqualTo("198.51.100.7");
    }

    @Test
    void behind_a_trusted_proxy_the_client_is_the_rightmost_untrusted_hop() {
        assertThat(client(behindProxies, "10.0.0.2", "203.0.113.1")).isEqualTo("203.0.113.1");
        // The client wrote "192.0.2.66" itself; the proxies appended what they saw.
        assertThat(client(behindProxies, "10.0.0.2", "192.0.2.66, 203.0.113.1, 10.1.1.1"))
                .isEqualTo("203.0.113.1");
        assertThat(client(behindProxies, "10.0.0.2", "192.0.2.66", "203.0.113.1"))
                .isEqualTo("203.0.113.1");
        assertThat(client(behindProxies, "10.0.0.2", "garbage, 203.0.113.1")).isEqualTo("203.0.113.1");
    }

    @Test
    void a_malformed_hop_or_no_header_leaves_the_peer() {
        assertThat(client(behindProxies, "10.0.0.2")).isEqualTo("10.0.0.2");
        assertThat(client(behindProxies, "10.0.0.2", "unknown")).isEqualTo("10.0.0.2");
        assertThat(client(behindProxies, "10.0.0.2", "203.0.113.1:4711")).isEqualTo("10.0.0.2");
        assertThat(client(behindProxies, "10.0.0.2", "203.0.113.1, ")).isEqualTo("10.0.0.2");
        assertThat(client(behindProxies, "10.0.0.2", "localhost")).isEqualTo("10.0.0.2");
    }

    @Test
    void when_every_hop_is_trusted_the_leftmost_is_the_client() {
        assertThat(client(behindProxies, "10.0.0.2", "10.9.9.9, 10.1.1.1")).isEqualTo("10.9.9.9");
    }

    @Test
    void ipv6_and_ipv4_mapped_addresses_are_normalised() {
        assertThat(client(behindProxies, "[2001:db8:ffff::1]", "2001:DB8:0:0:0:0:0:7"))
                .isEqualTo("2001:db8::7");
        assertThat(client(behindProxies, "::ffff:10.0.0.2", "::ffff:203.0.113.1"))
                .isEqualTo("203.0.113.1");
        assertThat(client(new ClientAddress(List.of()), "0:0:0:0:0:0:0:1")).isEqualTo("::1");
    }

    @Test
    void literals_are_read_strictly_and_never_looked_up() {
        assertThat(IpLiteral.parse("203.0.113.1")).isPresent();
        assertThat(IpLiteral.parse("[::1]")).isPresent();
        assertThat(IpLiteral.parse("010.0.0.1")).isEmpty();
        assertThat(IpLiteral.parse("256.0.0.1")).isEmpty();
        assertThat(IpLiteral.parse("10.0.1")).isEmpty();
        assertThat(IpLiteral.parse("fe80::1%eth0")).isEmpty();
        assertThat(IpLiteral.parse("cafe.example")).isEmpty();
        assertThat(IpLiteral.parse("")).isEmpty();
    }

    @Test
    void ipv6_is_written_in_its_short_form() {
        assertThat(format("2001:db8:0:0:1:0:0:1")).isEqualTo("2001:db8::1:0:0:1");
        assertThat(format("1:0:0:0:0:0:0:0")).isEqualTo("1::");
        assertThat(format("::")).isEqualTo("::");
        assertThat(format("2001:db8:1:2:3:4:5:6")).isEqualTo("2001:db8:1:2:3:4:5:6");
        assertThat(format("2001:db8:0:1:1:1:1:1")).isEqualTo("2001:db8:0:1:1:1:1:1");
    }

    @Test
    void ranges_contain_their_addresses_and_nothing_of_the_other_family() {
        IpRange ten = IpRange.parse("10.0.0.0/8");
        assertThat(ten.contains(IpLiteral.parse("10.255.0.1").orElseThrow())).isTrue();
        assertThat(ten.contains(IpLiteral.parse("11.0.0.1").orElseThrow())).isFalse();
        assertThat(ten.contains(IpLiteral.parse("::ffff:10.0.0.1").orElseThrow()))
                .isTrue();
        assertThat(ten.contains(IpLiteral.parse("a00::1").orElseThrow())).isFalse();
        assertThat(IpRange.parse("::ffff:10.0.0.0/104")).isEqualTo(ten);
        assertThat(IpRange.parse("0.0.0.0/0")
                        .contains(IpLiteral.parse("203.0.113.1").orElseThrow()))
                .isTrue();
        assertThat(IpRange.parse("192.0.2.1").toString()).isEqualTo("192.0.2.1/32");
        assertThat(IpRange.parse("2001:db8::/33")
                        .contains(IpLiteral.parse("2001:db8:7fff::1").orElseThrow()))
                .isTrue();
        assertThat(IpRange.parse("2001:db8::/33")
                        .contains(IpLiteral.parse("2001:db8:8000::1").orElseThrow()))
                .isFalse();
    }

    @Test
    void a_range_that_is_not_one_says_why() {
        assertThatThrownBy(() -> IpRange.parse("proxy.internal")).hasMessage("is not an IP address or CIDR range");
        assertThatThrownBy(() -> IpRange.parse("10.0.0.0/33")).hasMessage("has a prefix outside /0 to /32");
        assertThatThrownBy(() -> IpRange.parse("10.0.0.0/x")).hasMessage("is not an IP address or CIDR range");
        assertThatThrownBy(() -> IpRange.parse("10.0.0.1/8"))
                .hasMessage("has bits set after its /8 prefix; the block starts at 10.0.0.0");
    }

    private static String format(String literal) {
        return IpLiteral.format(IpLiteral.parse(literal).orElseThrow());
    }
}
