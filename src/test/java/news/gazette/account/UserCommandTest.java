package news.gazette.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.UUID;
import news.gazette.db.Database;
import news.gazette.db.Jdbc;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class UserCommandTest {

    private static int run(Map<String, String> env, String stdin, StringWriter out, String... args) {
        CommandLine cli = new CommandLine(new UserCommand(env, new ByteArrayInputStream(stdin.getBytes()), false));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        return cli.execute(args);
    }

    @Test
    void add_creates_an_account_and_reset_password_changes_it() {
        String url = "jdbc:h2:mem:cli-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        StringWriter out = new StringWriter();
        int added = run(
                Map.of("GAZETTE_NEW_PASSWORD", "first long password"),
                "",
                out,
                "--db-url",
                url,
                "add",
                "alice",
                "--role",
                "editor");
        assertThat(added).as(out.toString()).isZero();
        assertThat(out.toString()).contains("Added editor alice").doesNotContain("first long password");

        StringWriter out2 = new StringWriter();
        assertThat(run(Map.of(), "second long password\n", out2, "--db-url", url, "reset-password", "alice"))
                .as(out2.toString())
                .isZero();

        try (Database db = Database.open(url, java.nio.file.Path.of("unused"))) {
            var credentials = new AccountRepository(new Jdbc(db.dataSource()))
                    .findCredentials("alice")
                    .orElseThrow();
            assertThat(credentials.account().role()).isEqualTo(Role.EDITOR);
            Passwords passwords = new Passwords();
            assertThat(passwords.matches("second long password", credentials.passwordHash()))
                    .isTrue();
            assertThat(passwords.matches("first long password", credentials.passwordHash()))
                    .isFalse();
        }
        StringWriter out3 = new StringWriter();
        assertThat(run(Map.of(), "", out3, "--db-url", url, "reset-password", "nobody"))
                .isEqualTo(1);
    }
}
