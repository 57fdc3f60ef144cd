package news.gazette.account;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import news.gazette.db.Jdbc;
import news.gazette.web.IpLiteral;

/**
 * Stops password guessing without handing anyone a way to lock an editor out. Three rules, each over the failures of
 * the last {@link #WINDOW}:
 *
 * <ol>
 *   <li>{@link #PER_PAIR} failures for one name from one address refuse that name from that address until the oldest
 *       of them is a window old. Five is room for a fumbled password; nobody else's attempts count here, so they cannot
 *       lock an editor out.
 *   <li>{@link #PER_ADDRESS} failures from one address, whatever the names (made-up ones too), refuse that address.
 *       Higher than per pair because an office may sit behind one address; refusing only that address means a
 *       flood of made-up names locks out its sender, not every editor.
 *   <li>A name with {@link #SLOW_DOWN_AFTER} failures, twice what one address may cause under rule 1, is being guessed
 *       from several addresses. Addresses that have failed in the window must then wait {@link #FIRST_DELAY}
 *       after the name's last failure, doubling with each further failure up to {@link #MAX_DELAY}: a dozen guesses
 *       an hour instead of thousands. An address with no failures is never slowed, so an editor who has not mistyped
 *       signs in at once however hard the name is attacked, and one who has waits at most until that mistake leaves
 *       the window.
 * </ol>
 *
 * <p>A refused attempt is neither checked nor counted, right password or not: checking it would be a guess, and
 * counting it would let the sender push the wait further out. An attempt that is let through is counted as a failure
 * before its password is checked and forgotten if it succeeds, so parallel requests (bcrypt takes a quarter of a
 * second) cannot all slip past one count. Failures live in the database so that every instance enforces the same
 * limits. An IPv6 client owns a whole /64, so it counts as one address.
 */
public final class SignInThrottle {

    public static final Duration WINDOW = Duration.ofMinutes(15);
    public static final int PER_PAIR = 5;
    public static final int PER_ADDRESS = 20;
    public static final int SLOW_DOWN_AFTER = 10;
    public static final Duration FIRST_DELAY = Duration.ofSeconds(5);
    public static final Duration MAX_DELAY = Duration.ofMinutes(5);

    private static final int IPV6_PREFIX_BYTES = 8;

    // Each leaves out the attempt being decided ("id <> ?"), which is already counted.
    private static final String PAIR_FAILURES = """
            select failed_at from sign_in_failure
            where username = ? and ip = ? and failed_at > ? and id <> ?
            order by failed_at desc fetch first ? rows only""";
    private static final String ADDRESS_FAILURES = """
            select failed_at from sign_in_failure
            where ip = ? and failed_at > ? and id <> ?
            order by failed_at desc fetch first ? rows only""";
    private static final String NAME_FAILURES = """
            select count(*) as failures, max(failed_at) as latest from sign_in_failure
            where username = ? and failed_at > ? and id <> ?""";

    /** A refused attempt, which may be made again at {@code retryAt}. */
    public record Refusal(Instant retryAt) {
        /** Whole seconds from {@code now} to {@link #retryAt}, rounded up and at least 1, for {@code Retry-After}. */
        public long retryAfterSeconds(Instant now) {
            Duration left = Duration.between(now, retryAt);
            long seconds = left.getSeconds() + (left.getNano() > 0 ? 1 : 0);
            return Math.max(1, seconds);
        }
    }

    private final Jdbc jdbc;

    public SignInThrottle(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Starts a sign-in attempt: either refuses it, or counts it as a failure until {@link #succeeded} says otherwise.
     */
    public Optional<Refusal> begin(String username, InetAddress address, Instant now) {
        String name = truncate(username, 60);
        String ip = addressKey(address);
        Instant since = now.minus(WINDOW);
        // Auto-commit: the row must be visible to every other instance's count before this attempt's own count.
        return jdbc.withConnection(c -> {
            long self = Jdbc.insert(
                    c, "insert into sign_in_failure (username, ip, failed_at) values (?, ?, ?)", name, ip, now);
            List<Instant> pair = newestFirst(c, PAIR_FAILURES, name, ip, since, self, PER_PAIR);
            List<Instant> fromAddress = newestFirst(c, ADDRESS_FAILURES, ip, since, self, PER_ADDRESS);
            NameFailures ofName = Jdbc.list(
                            c,
                            NAME_FAILURES,
                            row -> new NameFailures(row.getLong("failures"), Jdbc.instant(row, "latest")),
                            name,
                            since,
                            self)
                    .get(0);
            Optional<Instant> retryAt = Stream.of(
                            limitReached(pair, PER_PAIR),
                            limitReached(fromAddress, PER_ADDRESS),
                            slowedDown(ofName, fromAddress))
                    .flatMap(Optional::stream)
                    .filter(at -> at.isAfter(now))
                    .max(Instant::compareTo);
            if (retryAt.isPresent()) {
                Jdbc.update(c, "delete from sign_in_failure where id = ?", self);
                return retryAt.map(Refusal::new);
            }
            // Nothing looks further back than the window, so keep no address longer than that.
            Jdbc.update(c, "delete from sign_in_failure where failed_at <= ?", since);
            return Optional.<Refusal>empty();
        });
    }

    /** The right password: this name starts afresh from this address, and only from this one. */
    public void succeeded(String username, InetAddress address) {
        jdbc.update(
                "delete from sign_in_failure where username = ? and ip = ?",
                truncate(username, 60),
                addressKey(address));
    }

    /** The wait after a name's {@code failures}-th failure in the window, once it is being slowed down. */
    static Duration delay(long failures) {
        long doublings = Math.min(failures - SLOW_DOWN_AFTER, 30);
        Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    /** What the failures of {@code address} are counted under: the address itself, or an IPv6 address's /64. */
    static String addressKey(InetAddress address) {
        if (address instanceof Inet4Address) {
            return IpLiteral.format(address);
        }
        byte[] prefix = Arrays.copyOf(Arrays.copyOf(address.getAddress(), IPV6_PREFIX_BYTES), 16);
        try {
            return IpLiteral.format(InetAddress.getByAddress(prefix)) + "/64";
        } catch (UnknownHostException e) {
            throw new IllegalStateException("16 bytes are always an address", e);
        }
    }

    /** The failure times that {@code sql} selects, newest first; its last parameter is how many at most. */
    private static List<Instant> newestFirst(Connection c, String sql, Object... params) throws SQLException {
        return Jdbc.list(c, sql, row -> Jdbc.instant(row, "failed_at"), params);
    }

    /** With {@code limit} failures in the window (newest first), refused until the oldest of them leaves it. */
    private static Optional<Instant> limitReached(List<Instant> newestFirst, int limit) {
        return newestFirst.size() < limit
                ? Optional.empty()
                : Optional.of(newestFirst.get(limit - 1).plus(WINDOW));
    }

    /**
     * Slowed until the name's delay has passed, or until this address's own failures leave the window, whichever comes
     * first; never slowed from an address without failures.
     */
    private static Optional<Instant> slowedDown(NameFailures name, List<Instant> addressNewestFirst) {
        if (name.count() < SLOW_DOWN_AFTER || addressNewestFirst.isEmpty()) {
            return Optional.empty();
        }
        Instant delayEnds = name.latest().plus(delay(name.count()));
        Instant addressClears = addressNewestFirst.get(0).plus(WINDOW);
        return Optional.of(delayEnds.isBefore(addressClears) ? delayEnds : addressClears);
    }

    /** How often a name failed in the window, from any address, and when it last did. */
    private record NameFailures(long count, Instant latest) {}

    private static String truncate(String value, int max) {
        String v = value == null ? "" : value;
        return v.length() > max ? v.substring(0, max) : v;
    }
}
