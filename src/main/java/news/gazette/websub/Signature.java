package news.gazette.websub;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Hub-Signature} of a delivery (WebSub 7, authenticated content distribution): {@code sha256=} and the hex
 * HMAC-SHA256 of the body, keyed with the subscriber's {@code hub.secret}. SHA-256 is the strongest of the spec's
 * methods that every subscriber library knows; SHA-1 is no longer fit to sign with.
 */
final class Signature {

    static final String HEADER = "X-Hub-Signature";

    private Signature() {}

    static String of(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }
}
