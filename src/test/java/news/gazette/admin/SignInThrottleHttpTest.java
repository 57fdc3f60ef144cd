package news.gazette.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import java.time.Duration;
import java.time.Instant;
import news.gazette.App;
import news.gazette.Config;
import news.gazette.MovableClock;
import news.gazette.TestDatabases;
import news.gazette.TestSite;
import news.gazette.account.SignInThrottle;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Sign-in throttling through the real app. Every in-process request comes from 127.0.0.1, so the site trusts that as
 * its proxy and each client names the address it plays in {@code X-Forwarded-For}.
 */
@Tag(TestDatabases.BOTH)
class SignInThrottleHttpTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2030-03-01T09:00:00Z"));

    private Config behindProxy() {
        return Config.forTest()
                .withJdbcUrl(TestDatabases.fresh("throttle-http"))
                .withAdminPassword(TestSite.ADMIN_PASSWORD)
                .withTrustedProxies("127.0.0.1");
    }

    @Test
    void twenty_made_up_names_from_one_address_refuse_that_address_but_not_an_editor_at_another() {
        JavalinTest.test(App.create(behindProxy(), clock), (server, client) -> {
            NewsroomClient attacker = playing(server.port(), "203.0.113.66");
            for (int i = 0; i < SignInThrottle.PER_ADDRESS; i++) {
                assertThat(attacker.signIn("made-up-" + i, "guess " + i).status())
                        .isEqualTo(401);
            }
            assertThat(attacker.signIn("admin", TestSite.ADMIN_PASSWORD).status())
                    .isEqualTo(429);

            NewsroomClient editor = playing(server.port(), "198.51.100.7");
            assertThat(editor.signIn("admin", TestSite.ADMIN_PASSWORD).status()).isEqualTo(303);
        });
    }

    @Test
    void five_wrong_passwords_from_one_address_do_not_stop_the_editor_signing_in_from_another() {
        JavalinTest.test(App.create(behindProxy(), clock), (server, client) -> {
            NewsroomClient attacker = playing(server.port(), "203.0.113.66");
            for (int i = 0; i < SignInThrottle.PER_PAIR; i++) {
                assertThat(attacker.signIn("admin", "guess " + i).status()).isEqualTo(401);
            }
            assertThat(attacker.signIn("admin", TestSite.ADMIN_PASSWORD).status())
                    .isEqualTo(429);

            NewsroomClient editor = playing(server.port(), "198.51.100.7");
            assertThat(editor.signIn("admin", TestSite.ADMIN_PASSWORD).status()).isEqualTo(303);
            assertThat(editor.cookie).isNotNull();
        });
    }

    @Test
    void a_refused_pair_is_told_the_real_seconds_left() {
        JavalinTest.test(App.create(behindProxy(), clock), (server, client) -> {
            NewsroomClient c = playing(server.port(), "203.0.113.66");
            for (int i = 0; i < SignInThrottle.PER_PAIR; i++) {
                c.signIn("admin", "guess " + i);
            }
            var refused = c.signIn("admin", TestSite.ADMIN_PASSWORD);
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.header("Retry-After")).isEqualTo("900");
            assertThat(refused.doc().select("#login-error").text())
                    .isEqualTo("Too many failed sign-ins. Try again in 15 minutes.");

            later(Duration.ofMinutes(5));
            var later = c.signIn("admin", TestSite.ADMIN_PASSWORD);
            assertThat(later.status()).isEqualTo(429);
            assertThat(later.header("Retry-After")).isEqualTo("600");
            assertThat(later.body()).contains("Try again in 10 minutes");
            assertThat(c.cookie).isNull();

            later(Duration.ofMinutes(10));
            assertThat(c.signIn("admin", TestSite.ADMIN_PASSWORD).status()).isEqualTo(303);
        });
    }

    @Test
    void a_refused_address_is_told_the_real_seconds_left() {
        JavalinTest.test(App.create(behindProxy(), clock), (server, client) -> {
            NewsroomClient c = playing(server.port(), "2001:db8:66::1");
            for (int i = 0; i < SignInThrottle.PER_ADDRESS; i++) {
                c.signIn("made-up-" + i, "guess");
            }
            later(Duration.ofMinutes(5));
            var refused = c.signIn("admin", TestSite.ADMIN_PASSWORD);
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.header("Retry-After")).isEqualTo("600");
        });
    }

    @Test
    void an_untrusted_peer_cannot_escape_the_limit_by_naming_new_addresses() {
        Config elsewhere = Config.forTest()
                .withJdbcUrl(TestDatabases.fresh("throttle-http"))
                .withAdminPassword(TestSite.ADMIN_PASSWORD)
                .withTrustedProxies("192.0.2.1");
        JavalinTest.test(App.create(elsewhere, clock), (server, client) -> {
            NewsroomClient c = new NewsroomClient(server.port());
            for (int i = 0; i < SignInThrottle.PER_PAIR; i++) {
                c.forwardedFor = "203.0.113." + i;
                assertThat(c.signIn("admin", "guess " + i).status()).isEqualTo(401);
            }
            c.forwardedFor = "198.51.100.7";
            assertThat(c.signIn("admin", TestSite.ADMIN_PASSWORD).status()).isEqualTo(429);
        });
    }

    @Test
    void a_name_guessed_from_many_addresses_slows_failed_addresses_but_not_a_fresh_one() {
        JavalinTest.test(App.create(behindProxy(), clock), (server, client) -> {
            for (String from : new String[] {"203.0.113.1", "203.0.113.2"}) {
                NewsroomClient guesser = playing(server.port(), from);
                for (int i = 0; i < SignInThrottle.PER_PAIR; i++) {
                    assertThat(guesser.signIn("admin", "guess " + i).status()).isEqualTo(401);
                }
            }
            NewsroomClient failedElsewhere = playing(server.port(), "203.0.113.3");
            assertThat(failedElsewhere.signIn("nobody", "guess").status()).isEqualTo(401);

            var slowed = failedElsewhere.signIn("admin", TestSite.ADMIN_PASSWORD);
            assertThat(slowed.status()).isEqualTo(429);
            assertThat(slowed.header("Retry-After")).isEqualTo("5");
            assertThat(slowed.body()).contains("Try again in 5 seconds");

            NewsroomClient editor = playing(server.port(), "198.51.100.7");
            assertThat(editor.signIn("admin", TestSite.ADMIN_PASSWORD).status()).isEqualTo(303);

            later(SignInThrottle.FIRST_DELAY);
            assertThat(failedElsewhere.signIn("admin", TestSite.ADMIN_PASSWORD).status())
                    .isEqualTo(303);
        });
    }

    @Test
    void signing_in_forgets_the_failures_of_that_name_from_that_address() {
        JavalinTest.test(App.create(behindProxy(), clock), (server, client) -> {
            NewsroomClient c = playing(server.port(), "198.51.100.7");
            for (int round = 0; round < 2; round++) {
                for (int i = 0; i < SignInThrottle.PER_PAIR - 1; i++) {
                    assertThat(c.signIn("admin", "typo " + i).status()).isEqualTo(401);
                }
                assertThat(c.signIn("admin", TestSite.ADMIN_PASSWORD).status()).isEqualTo(303);
            }
        });
    }

    private static NewsroomClient playing(int port, String address) {
        NewsroomClient c = new NewsroomClient(port);
        c.forwardedFor = address;
        return c;
    }

    private void later(Duration duration) {
        clock.set(clock.instant().plus(duration));
    }
}
