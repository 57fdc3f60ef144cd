package news.gazette.web;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The address of the client a request comes from, for throttling sign-ins. That is the connection's peer, unless the
 * peer is a trusted proxy ({@code --trusted-proxy}); then it is the rightmost address in {@code X-Forwarded-For} that
 * is not a trusted proxy itself. Each proxy appends the address it received the request from, so everything left of
 * that entry was written by the client and proves nothing, and a peer that is not trusted may write anything at all.
 */
public final class ClientAddress {

    private static final String FORWARDED_FOR = "X-Forwarded-For";

    // Jetty always reports a literal; should it not, such peers share one throttling bucket rather than escape it.
    private static final InetAddress UNKNOWN = IpLiteral.parse("0.0.0.0").orElseThrow();

    private final List<IpRange> trustedProxies;

    /**
     * @param trustedProxies addresses and CIDR ranges, as {@link IpRange#parse} reads them
     * @throws IllegalArgumentException for a value that is neither
     */
    public ClientAddress(List<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream().map(IpRange::parse).toList();
    }

    public InetAddress of(Context ctx) {
        return resolve(ctx.req().getRemoteAddr(), Collections.list(ctx.req().getHeaders(FORWARDED_FOR)));
    }

    /**
     * @param peer the connection's remote address
     * @param forwardedFor every {@code X-Forwarded-For} header in the order received; together one comma-separated list
     */
    InetAddress resolve(String peer, List<String> forwardedFor) {
        InetAddress direct = IpLiteral.parse(peer).orElse(UNKNOWN);
        if (!isTrusted(direct) || forwardedFor.isEmpty()) {
            return direct;
        }
        List<String> hops = new ArrayList<>();
        for (String header : forwardedFor) {
            hops.addAll(List.of(header.split(",", -1)));
        }
        InetAddress client = direct;
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = IpLiteral.parse(hops.get(i));
            if (hop.isEmpty()) {
                // Written by one of our proxies (every hop to its right is trusted), yet no address: "unknown", or
                // one with a port. Rather than guess, count the request against the peer.
                return direct;
            }
            client = hop.get();
            if (!isTrusted(client)) {
                return client;
            }
        }
        // Every hop is one of ours (a health check from inside, say): the leftmost is where the request began.
        return client;
    }

    private boolean isTrusted(InetAddress address) {
        return trustedProxies.stream().anyMatch(range -> range.contains(address));
    }
}
