package news.gazette.account;

import java.time.Duration;
import java.time.Instant;
import news.gazette.db.Jdbc;

/**
 * Slows down password guessing: after {@link #PER_ACCOUNT} failed sign-ins for one name, or {@link #PER_ADDRESS} from
 * one address, within {@link #WINDOW}, further attempts are refused, right password or not. Failures are counted in
 * the database so that every instance enforces the same limit.
 */
public final class SignInThrottle {

    public static final int PER_ACCOUNT = 5;
    /** Higher than per account: a newsroom may share one office address. */
    public static final int PER_ADDRESS = 20;

    public static final Duration WINDOW = Duration.ofMinutes(15);

    private final Jdbc jdbc;

    public SignInThrottle(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public boolean isBlocked(String username, String ip, Instant now) {
        Instant since = now.minus(WINDOW);
        return jdbc.count("select count(*) from sign_in_failure where username = ? and failed_at > ?", username, since)
                        >= PER_ACCOUNT
                || jdbc.count("select count(*) from sign_in_failure where ip = ? and failed_at > ?", ip, since)
                        >= PER_ADDRESS;
    }

    public void recordFailure(String username, String ip, Instant now) {
        jdbc.update(
                "insert into sign_in_failure (username, ip, failed_at) values (?, ?, ?)",
                truncate(username, 60),
                truncate(ip, 64),
                now);
        jdbc.update("delete from sign_in_failure where failed_at < ?", now.minus(WINDOW.multipliedBy(4)));
    }

    /** After a successful sign-in, the account starts afresh. */
    public void clear(String username) {
        jdbc.update("delete from sign_in_failure where username = ?", username);
    }

    private static String truncate(String value, int max) {
        String v = value == null ? "" : value;
        return v.length() > max ? v.substring(0, max) : v;
    }
}
