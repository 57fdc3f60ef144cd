package news.gazette.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import news.gazette.MovableClock;
import news.gazette.TestDatabases;
import news.gazette.account.SignInThrottle.Refusal;
import news.gazette.db.Database;
import news.gazette.db.Jdbc;
import news.gazette.web.IpLiteral;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The throttle's rules against a real in-memory H2, with time moved by hand. */
@Tag(TestDatabases.BOTH)
class SignInThrottleTest {

    private static final InetAddress A = address("203.0.113.1");
    private static final InetAddress B = address("203.0.113.2");
    private static final InetAddress C = address("203.0.113.3");

    private final Database db = Database.open(TestDatabases.fresh("throttle"), Path.of("unused"));
    private final Jdbc jdbc = new Jdbc(db.dataSource());
    private final SignInThrottle throttle = new SignInThrottle(jdbc);
    private final MovableClock clock = new MovableClock(Instant.parse("2030-03-01T09:00:00Z"));

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void five_failures_for_a_name_from_one_address_refuse_that_pair_until_the_oldest_is_a_window_old() {
        Instant first = clock.instant();
        for (int i = 0; i < SignInThrottle.PER_PAIR; i++) {
            assertThat(fail("maya", A)).isEmpty();
            later(Duration.ofMinutes(1));
        }
        assertThat(attempt("maya", A)).contains(new Refusal(first.plus(SignInThrottle.WINDOW)));
        assertThat(attempt("maya", B)).isEmpty();
        assertThat(attempt("someone-else", A)).isEmpty();

        clock.set(first.plus(SignInThrottle.WINDOW));
        assertThat(attempt("maya", A)).isEmpty();
    }

    @Test
    void refused_attempts_are_not_counted_and_do_not_push_the_wait_further_out() {
        Instant first = clock.instant();
        for (int i = 0; i < SignInThrottle.PER_PAIR; i++) {
            fail("maya", A);
        }
        for (int i = 0; i < 50; i++) {
            later(Duration.ofSeconds(10));
            assertThat(attempt("maya", A)).contains(new Refusal(first.plus(SignInThrottle.WINDOW)));
        }
        assertThat(jdbc.count("select count(*) from sign_in_failure")).isEqualTo(SignInThrottle.PER_PAIR);
    }

    @Test
    void attempts_still_checking_their_password_already_count() {
        // Five parallel requests, none of them answered yet: the sixth may not join them.
        for (int i = 0; i < SignInThrottle.PER_PAIR; i++) {
            assertThat(throttle.begin("maya", A, clock.instant())).isEmpty();
        }
        assertThat(throttle.begin("maya", A, clock.instant())).isPresent();
    }

    @Test
    void twenty_failures_with_made_up_names_refuse_that_address_and_no_other() {
        Instant first = clock.instant();
        for (int i = 0; i < SignInThrottle.PER_ADDRESS; i++) {
            assertThat(fail("made-up-" + i, A)).isEmpty();
            later(Duration.ofSeconds(1));
        }
        assertThat(attempt("maya", A)).contains(new Refusal(first.plus(SignInThrottle.WINDOW)));
        assertThat(attempt("maya", B)).isEmpty();
    }

    @Test
    void success_forgets_the_pair_but_not_the_same_name_from_other_addresses() {
        for (int i = 0; i < SignInThrottle.PER_PAIR; i++) {
            fail("maya", B);
        }
        for (int i = 0; i < SignInThrottle.PER_PAIR - 1; i++) {
            fail("maya", A);
        }
        assertThat(attempt("maya", A)).isEmpty();
        throttle.succeeded("maya", A);

        for (int i = 0; i < SignInThrottle.PER_PAIR - 1; i++) {
            assertThat(fail("maya", A)).isEmpty();
        }
        assertThat(attempt("maya", B)).isPresent();
    }

    @Test
    void a_name_failing_from_many_addresses_slows_addresses_that_failed_with_a_doubling_delay() {
        guessFromTwoAddresses("maya");
        fail("nobody", C);
        Instant lastFailure = clock.instant();

        assertThat(attempt("maya", C)).contains(new Refusal(lastFailure.plus(SignInThrottle.FIRST_DELAY)));
        // Never slowed: an address without failures in the window, such as the editor's own.
        assertThat(attempt("maya", address("198.51.100.9"))).isEmpty();

        clock.set(lastFailure.plus(SignInThrottle.FIRST_DELAY));
        assertThat(fail("maya", C)).isEmpty();
        assertThat(attempt("maya", C)).contains(new Refusal(clock.instant().plus(Duration.ofSeconds(10))));
    }

    @Test
    void the_slow_down_delay_doubles_from_five_seconds_and_stops_at_five_minutes() {
        assertThat(SignInThrottle.delay(10)).isEqualTo(Duration.ofSeconds(5));
        assertThat(SignInThrottle.delay(11)).isEqualTo(Duration.ofSeconds(10));
        assertThat(SignInThrottle.delay(15)).isEqualTo(Duration.ofSeconds(160));
        assertThat(SignInThrottle.delay(16)).isEqualTo(Duration.ofMinutes(5));
        assertThat(SignInThrottle.delay(10_000)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void an_address_is_slowed_only_until_its_own_failures_leave_the_window() {
        Instant cFailed = clock.instant();
        fail("nobody", C);
        later(Duration.ofMinutes(11));
        guessFromTwoAddresses("maya");
        for (int i = 0; i < 6; i++) {
            assertThat(fail("maya", address("198.51.100." + i))).isEmpty();
        }
        later(Duration.ofMinutes(1));

        assertThat(attempt("maya", C)).contains(new Refusal(cFailed.plus(SignInThrottle.WINDOW)));
    }

    @Test
    void an_ipv6_client_counts_as_its_whole_64_block() {
        for (int i = 1; i <= SignInThrottle.PER_PAIR; i++) {
            fail("maya", address("2001:db8:1:2::" + i));
        }
        assertThat(attempt("maya", address("2001:db8:1:2:ffff:ffff:ffff:ffff"))).isPresent();
        assertThat(attempt("maya", address("2001:db8:1:3::1"))).isEmpty();
        assertThat(SignInThrottle.addressKey(address("2001:db8:1:2:3:4:5:6"))).isEqualTo("2001:db8:1:2::/64");
        assertThat(SignInThrottle.addressKey(address("::ffff:203.0.113.1"))).isEqualTo("203.0.113.1");
    }

    @Test
    void failures_older_than_the_window_are_deleted() {
        fail("maya", A);
        fail("nobody", B);
        later(SignInThrottle.WINDOW);
        fail("maya", C);
        assertThat(jdbc.count("select count(*) from sign_in_failure")).isEqualTo(1);
    }

    @Test
    void retry_after_is_the_seconds_left_rounded_up_and_never_zero() {
        Instant now = clock.instant();
        assertThat(new Refusal(now.plusMillis(240_001)).retryAfterSeconds(now)).isEqualTo(241);
        assertThat(new Refusal(now.plusSeconds(240)).retryAfterSeconds(now)).isEqualTo(240);
        assertThat(new Refusal(now).retryAfterSeconds(now)).isEqualTo(1);
    }

    /** Ten failures for {@code name} a second apart, five from A and five from B, the last one now. */
    private void guessFromTwoAddresses(String name) {
        for (InetAddress from : new InetAddress[] {A, B}) {
            for (int i = 0; i < SignInThrottle.PER_PAIR; i++) {
                later(Duration.ofSeconds(1));
                assertThat(fail(name, from)).isEmpty();
            }
        }
    }

    /** An attempt whose password turns out wrong: begun, and never succeeded. */
    private Optional<Refusal> fail(String name, InetAddress from) {
        return throttle.begin(name, from, clock.instant());
    }

    /** An attempt with the right password: begun and, if let through, succeeded. */
    private Optional<Refusal> attempt(String name, InetAddress from) {
        Optional<Refusal> refusal = throttle.begin(name, from, clock.instant());
        if (refusal.isEmpty()) {
            throttle.succeeded(name, from);
        }
        return refusal;
    }

    private void later(Duration duration) {
        clock.set(clock.instant().plus(duration));
    }

    private static InetAddress address(String literal) {
        return IpLiteral.parse(literal).orElseThrow();
    }
}
