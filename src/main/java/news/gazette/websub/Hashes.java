package news.gazette.websub;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 in hex: a feed version's identity, and the fixed-size keys of the hub's tables. */
final class Hashes {

    private Hashes() {}

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The key of a pair of URLs; the newline cannot occur in either, so two pairs never share a key. */
    static String key(String first, String second) {
        return sha256((first + "\n" + second).getBytes(StandardCharsets.UTF_8));
    }
}
