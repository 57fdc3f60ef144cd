package news.gazette.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import news.gazette.db.Jdbc;

/**
 * Sign-in sessions, kept in the database so that every instance knows them. The cookie carries 256 random bits; the
 * table keeps only their SHA-256, so reading the table does not let anyone sign in.
 */
public final class SessionRepository {

    /** A session's length: a working day and a bit, after which the editor signs in again. */
    public static final Duration LIFETIME = Duration.ofHours(12);

    private static final SecureRandom RANDOM = new SecureRandom();

    /** The cookie value of a new session and its CSRF token. */
    public record NewSession(String cookieValue, String csrfToken) {}

    /** A signed-in request: who, and the token its forms must carry. */
    public record SignedIn(Account account, String csrfToken) {}

    private final Jdbc jdbc;

    public SessionRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public NewSession create(Account account, Instant now) {
        String id = randomToken();
        String csrf = randomToken();
        jdbc.update("""
                insert into admin_session (id_hash, account_id, csrf_token, created_at, expires_at)
                values (?, ?, ?, ?, ?)""", hash(id), account.id(), csrf, now, now.plus(LIFETIME));
        // Expired rows are cleared now and then by whoever signs in, so no job is needed.
        jdbc.update("delete from admin_session where expires_at < ?", now);
        return new NewSession(id, csrf);
    }

    public Optional<SignedIn> find(String cookieValue, Instant now) {
        if (cookieValue == null || cookieValue.length() != 43) {
            return Optional.empty();
        }
        return jdbc.first(
                """
                select a.id, a.username, a.display_name, a.role, a.disabled_at, a.created_at, s.csrf_token
                from admin_session s join account a on a.id = s.account_id
                where s.id_hash = ? and s.expires_at > ? and a.disabled_at is null""",
                row -> new SignedIn(AccountRepository.toAccount(row), row.getString("csrf_token")),
                hash(cookieValue),
                now);
    }

    public void delete(String cookieValue) {
        if (cookieValue != null) {
            jdbc.update("delete from admin_session where id_hash = ?", hash(cookieValue));
        }
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String hash(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
