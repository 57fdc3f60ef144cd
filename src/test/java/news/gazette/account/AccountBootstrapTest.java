package news.gazette.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import news.gazette.TestDatabases;
import news.gazette.db.Database;
import news.gazette.db.Jdbc;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag(TestDatabases.BOTH)
class AccountBootstrapTest {

    private static Database freshDatabase() {
        return Database.open(TestDatabases.fresh("boot"), Path.of("unused"));
    }

    @Test
    void the_first_start_creates_admin_with_the_configured_password_and_later_starts_do_nothing() {
        try (Database db = freshDatabase()) {
            AccountRepository accounts = new AccountRepository(new Jdbc(db.dataSource()));
            Passwords passwords = new Passwords();
            AccountBootstrap.ensureAdministrator(accounts, passwords, "configured password", Instant.now());
            var admin = accounts.findCredentials("admin").orElseThrow();
            assertThat(admin.account().role()).isEqualTo(Role.ADMINISTRATOR);
            assertThat(passwords.matches("configured password", admin.passwordHash()))
                    .isTrue();
            assertThat(admin.passwordHash()).startsWith("$2a$12$").doesNotContain("configured");

            AccountBootstrap.ensureAdministrator(accounts, passwords, "another password", Instant.now());
            assertThat(accounts.count()).isEqualTo(1);
            assertThat(passwords.matches(
                            "configured password",
                            accounts.findCredentials("admin").orElseThrow().passwordHash()))
                    .isTrue();
        }
    }

    @Test
    void without_a_configured_password_admin_gets_a_random_one() {
        try (Database db = freshDatabase()) {
            AccountRepository accounts = new AccountRepository(new Jdbc(db.dataSource()));
            AccountBootstrap.ensureAdministrator(accounts, new Passwords(), null, Instant.now());
            assertThat(accounts.findCredentials("admin")).isPresent();
            assertThat(Passwords.random()).hasSize(20).isNotEqualTo(Passwords.random());
        }
    }

    @Test
    void passwords_longer_than_72_bytes_are_not_cut() {
        Passwords passwords = new Passwords();
        String hash = passwords.hash("x".repeat(80) + "a");
        assertThat(passwords.matches("x".repeat(80) + "a", hash)).isTrue();
        assertThat(passwords.matches("x".repeat(80) + "b", hash)).isFalse();
    }
}
