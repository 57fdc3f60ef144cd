package news.gazette.websub;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Which callbacks the hub calls. An anonymous client names the URL, so by default it may not be one that resolves into
 * the network the hub runs in (loopback, private, link-local, multicast and the like): else a subscription would let
 * anyone make the server request its own admin ports or a cloud metadata service. Checked when the request arrives and
 * again before every request to the callback, since a name can resolve elsewhere later; what remains is the moment
 * between that check and the connection (DNS rebinding within the resolver's cache time), which only a proxy that
 * pins the address could close.
 */
final class Callbacks {

    private final boolean allowPrivate;

    Callbacks(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** Null when the hub may call {@code callback}, else the reason it may not, for a plain-text 400. */
    String problem(String callback) {
        if (callback == null || callback.isBlank()) {
            return "hub.callback is required";
        }
        if (callback.length() > Topics.MAX_URL_LENGTH) {
            return "hub.callback is longer than " + Topics.MAX_URL_LENGTH + " characters";
        }
        URI uri;
        try {
            uri = new URI(callback);
        } catch (URISyntaxException e) {
            return "hub.callback is not a valid URL";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            return "hub.callback must be an absolute http or https URL";
        }
        if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            return "hub.callback must not carry user information or a fragment";
        }
        if (allowPrivate) {
            return null;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(hostOf(uri))) {
                if (isPrivate(address)) {
                    return "hub.callback resolves to a loopback, private or otherwise non-public address";
                }
            }
        } catch (UnknownHostException e) {
            return "hub.callback's host cannot be resolved";
        }
        return null;
    }

    /** The callback's host in lower case, which limits count subscriptions by; null for a URL without one. */
    static String host(String callback) {
        try {
            String host = new URI(callback).getHost();
            return host == null ? null : host.toLowerCase(Locale.ROOT);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String hostOf(URI uri) {
        String host = uri.getHost();
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    static boolean isPrivate(InetAddress address) {
        if (address.isAnyLocalAddress()
                || address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 // "this network"
                    || (first == 100 && second >= 64 && second < 128) // carrier-grade NAT, 100.64.0.0/10
                    || (first == 198 && (second == 18 || second == 19)) // benchmarking, 198.18.0.0/15
                    || first >= 240; // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            // Unique local addresses, fc00::/7: IPv6's private ranges, which isSiteLocalAddress (fec0::/10) misses.
            return (b[0] & 0xfe) == 0xfc;
        }
        return false;
    }
}
