package news.gazette.web;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * A block of addresses in CIDR notation, such as {@code 10.0.0.0/8} or {@code 2001:db8::/32}; a bare address is a
 * block of one.
 *
 * @param network the first address of the block
 * @param prefixLength how many leading bits every address in the block shares with {@code network}
 */
public record IpRange(InetAddress network, int prefixLength) {

    public IpRange {
        int bits = network.getAddress().length * 8;
        if (prefixLength < 0 || prefixLength > bits) {
            throw new IllegalArgumentException("has a prefix outside /0 to /" + bits);
        }
        byte[] first = mask(network.getAddress(), prefixLength);
        if (!Arrays.equals(first, network.getAddress())) {
            // 10.0.0.1/8 is more likely a typo for 10.0.0.1/32 than a way to write 10.0.0.0/8: let the operator say.
            throw new IllegalArgumentException("has bits set after its /" + prefixLength
                    + " prefix; the block starts at " + IpLiteral.format(toAddress(first)));
        }
    }

    /**
     * Reads {@code 10.0.0.0/8}, {@code 2001:db8::/32}, {@code 192.0.2.1} or {@code ::1}.
     *
     * @throws IllegalArgumentException with a message fit to follow the value in a one-line error
     */
    public static IpRange parse(String text) {
        String t = text == null ? "" : text.strip();
        int slash = t.indexOf('/');
        String addressPart = slash < 0 ? t : t.substring(0, slash);
        InetAddress address = IpLiteral.parse(addressPart)
                .orElseThrow(() -> new IllegalArgumentException("is not an IP address or CIDR range"));
        if (slash < 0) {
            return new IpRange(address, address.getAddress().length * 8);
        }
        int prefix;
        try {
            prefix = Integer.parseInt(t.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("is not an IP address or CIDR range");
        }
        // ::ffff:10.0.0.0/104 reads as an IPv4 address, so its prefix counts from the IPv4 part.
        if (address instanceof Inet4Address && addressPart.indexOf(':') >= 0) {
            if (prefix < 96) {
                throw new IllegalArgumentException("is wider than the IPv4-mapped block ::ffff:0:0/96");
            }
            prefix -= 96;
        }
        return new IpRange(address, prefix);
    }

    /** True when {@code address} lies in this block; an IPv4 address never lies in an IPv6 block, or the reverse. */
    public boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        return candidate.length == network.getAddress().length
                && sharesPrefix(network.getAddress(), candidate, prefixLength);
    }

    @Override
    public String toString() {
        return IpLiteral.format(network) + "/" + prefixLength;
    }

    private static boolean sharesPrefix(byte[] a, byte[] b, int bits) {
        for (int i = 0; i < bits; i++) {
            int bit = 0x80 >>> (i % 8);
            if ((a[i / 8] & bit) != (b[i / 8] & bit)) {
                return false;
            }
        }
        return true;
    }

    private static byte[] mask(byte[] address, int bits) {
        byte[] masked = address.clone();
        for (int i = bits; i < masked.length * 8; i++) {
            masked[i / 8] &= (byte) ~(0x80 >>> (i % 8));
        }
        return masked;
    }

    private static InetAddress toAddress(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 or 16 bytes are always an address", e);
        }
    }
}
