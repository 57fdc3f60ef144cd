package news.gazette.web;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads and writes IP address literals, never a host name: {@link InetAddress#getByName} would look a name up in DNS,
 * and a value from a request header or the command line must not make Gazette do that.
 */
public final class IpLiteral {

    private static final Pattern IPV4 = Pattern.compile("(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}");
    // Hex groups, colons and an optional dotted tail; no zone ("%eth0"), which names an interface of this machine.
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private IpLiteral() {}

    /**
     * The address written in {@code text}: dotted IPv4 ({@code 203.0.113.7}, no leading zeros, which some parsers
     * read as octal) or IPv6, optionally in brackets. An IPv4-mapped IPv6 address ({@code ::ffff:203.0.113.7}) is the
     * IPv4 address it maps, so a client counts as one address whichever way a socket or proxy wrote it.
     */
    public static Optional<InetAddress> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        if (t.startsWith("[") && t.endsWith("]")) {
            t = t.substring(1, t.length() - 1);
        }
        try {
            if (IPV4.matcher(t).matches()) {
                String[] parts = t.split("\\.");
                byte[] bytes = new byte[4];
                for (int i = 0; i < 4; i++) {
                    int part = Integer.parseInt(parts[i]);
                    if (part > 255) {
                        return Optional.empty();
                    }
                    bytes[i] = (byte) part;
                }
                return Optional.of(InetAddress.getByAddress(bytes));
            }
            if (t.indexOf(':') >= 0 && IPV6.matcher(t).matches()) {
                // With a colon in it, the JDK parses the text as a literal or fails; it never asks DNS.
                return Optional.of(InetAddress.getByName(t));
            }
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** The usual short form: {@code 203.0.113.7}, or IPv6 in lower case with the longest run of zeros as "::". */
    public static String format(InetAddress address) {
        if (address instanceof Inet4Address) {
            return address.getHostAddress();
        }
        if (!(address instanceof Inet6Address)) {
            throw new IllegalArgumentException("not an IP address: " + address);
        }
        byte[] b = address.getAddress();
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        // RFC 5952: "::" replaces the longest run of two or more zero groups, the first such run on a tie.
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }
}
