package news.gazette.account;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * Password hashing with bcrypt (at.favre.lib:bcrypt). Passwords longer than bcrypt's 72 bytes are pre-hashed with
 * SHA-512 rather than silently cut, so two long passphrases that share a prefix stay different.
 */
public final class Passwords {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 200;
    static final int COST = 12;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final BCrypt.Hasher hasher = BCrypt.with(
            BCrypt.Version.VERSION_2A, RANDOM, LongPasswordStrategies.hashSha512(BCrypt.Version.VERSION_2A));
    private final BCrypt.Verifyer verifyer =
            BCrypt.verifyer(BCrypt.Version.VERSION_2A, LongPasswordStrategies.hashSha512(BCrypt.Version.VERSION_2A));
    /**
     * Checked against when the account does not exist, so a wrong name takes as long as a wrong password. A fixed
     * hash (of a random password that was thrown away) costs a check exactly like a fresh one, and the result is
     * never used, so it need not be secret; hashing a new one at cost 12 took 0.3-1.5 s of every start-up.
     */
    static final String DECOY = "$2a$12$cZ3dlIuwvHZo75Syg4MrgeuDDKf3F9Xreigfj8J4ULWSmooosHpHW";

    public String hash(String password) {
        return hasher.hashToString(COST, password.toCharArray());
    }

    public boolean matches(String password, String hash) {
        if (password == null) {
            return false;
        }
        return verifyer.verify(password.getBytes(StandardCharsets.UTF_8), hash.getBytes(StandardCharsets.UTF_8))
                .verified;
    }

    /** Spends the time of one check, for an unknown account. */
    public void matchDecoy(String password) {
        matches(password == null ? "" : password, DECOY);
    }

    /** Why a new password is not acceptable, or null when it is. */
    public static String problemWith(String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            return "Use at least " + MIN_LENGTH + " characters.";
        }
        if (password.length() > MAX_LENGTH) {
            return "Use at most " + MAX_LENGTH + " characters.";
        }
        return null;
    }

    /** A random password of 20 characters from an alphabet without look-alikes (about 116 bits). */
    public static String random() {
        StringBuilder out = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            out.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }
}
