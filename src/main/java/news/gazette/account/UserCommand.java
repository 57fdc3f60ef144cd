package news.gazette.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import news.gazette.db.Database;
import news.gazette.db.Jdbc;
import news.gazette.db.StoreOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gazette user add NAME --role editor} and {@code gazette user reset-password NAME}: account chores for whoever
 * runs the server, without a browser. The new password comes from GAZETTE_NEW_PASSWORD, else from standard input when
 * it is piped, else it is generated and printed once. A password is never an argument, where {@code ps} would show it.
 */
@Command(
        name = "user",
        mixinStandardHelpOptions = true,
        description = "Manages newsroom accounts.",
        subcommands = {UserCommand.Add.class, UserCommand.ResetPassword.class})
public final class UserCommand {

    @Mixin
    StoreOptions store;

    private final Map<String, String> env;
    private final InputStream stdin;
    private final boolean interactive;

    public UserCommand(Map<String, String> env, InputStream stdin, boolean interactive) {
        this.env = env;
        this.stdin = stdin;
        this.interactive = interactive;
    }

    /** Runs {@code user ...} and returns the process exit code. */
    public static int run(String[] args, Map<String, String> env) {
        CommandLine cli = StoreOptions.reportingUnavailableStore(
                new CommandLine(new UserCommand(env, System.in, System.console() != null)));
        return cli.execute(args);
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Adds an account.")
    static final class Add implements Callable<Integer> {
        @CommandLine.ParentCommand
        UserCommand parent;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "NAME", description = "Lowercase letters, digits, '.', '-', '_'.")
        String name;

        @Option(names = "--role", paramLabel = "ROLE", description = "contributor, editor (default) or administrator.")
        String role = "editor";

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Role parsed = Role.parse(role).orElse(null);
            if (parsed == null || !Account.isValidUsername(name)) {
                err.println(parsed == null ? "Unknown role: " + role : "Not a valid user name: " + name);
                return 2;
            }
            Password password = parent.newPassword(err);
            if (password == null) {
                return 2;
            }
            try (Database db = parent.open()) {
                AccountRepository accounts = new AccountRepository(new Jdbc(db.dataSource()));
                if (accounts.create(name, new Passwords().hash(password.value()), parsed, Instant.now())
                        .isEmpty()) {
                    err.println("There is already an account called " + name + ".");
                    return 1;
                }
            }
            out.println("Added " + parsed.label().toLowerCase(java.util.Locale.ROOT) + " " + name + "."
                    + (password.generated() ? " Password: " + password.value() : ""));
            return 0;
        }
    }

    @Command(name = "reset-password", mixinStandardHelpOptions = true, description = "Sets a new password.")
    static final class ResetPassword implements Callable<Integer> {
        @CommandLine.ParentCommand
        UserCommand parent;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Password password = parent.newPassword(err);
            if (password == null) {
                return 2;
            }
            try (Database db = parent.open()) {
                AccountRepository accounts = new AccountRepository(new Jdbc(db.dataSource()));
                if (!accounts.changePassword(name, new Passwords().hash(password.value()))) {
                    err.println("There is no account called " + name + ".");
                    return 1;
                }
            }
            out.println("New password set for " + name + "; its sessions are signed out."
                    + (password.generated() ? " Password: " + password.value() : ""));
            return 0;
        }
    }

    private record Password(String value, boolean generated) {}

    private Password newPassword(PrintWriter err) throws IOException {
        String given = env.get("GAZETTE_NEW_PASSWORD");
        if ((given == null || given.isEmpty()) && !interactive) {
            String line = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)).readLine();
            given = line == null ? null : line.strip();
        }
        if (given == null || given.isEmpty()) {
            return new Password(Passwords.random(), true);
        }
        String problem = Passwords.problemWith(given);
        if (problem != null) {
            err.println("That password will not do: " + problem);
            return null;
        }
        return new Password(given, false);
    }

    private Database open() {
        return store.open(env);
    }
}
