package news.gazette.db;

import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --data} and {@code --db-url} for the command-line chores that open the store themselves ({@code user},
 * {@code export}, {@code import}), with the server's {@code GAZETTE_*} fallbacks. Mixed into each such command.
 */
public final class StoreOptions {

    @Option(
            names = "--data",
            paramLabel = "DIR",
            scope = CommandLine.ScopeType.INHERIT,
            description = "Data folder (GAZETTE_DATA, default ./data).")
    Path dataDir;

    @Option(
            names = "--db-url",
            paramLabel = "JDBC_URL",
            scope = CommandLine.ScopeType.INHERIT,
            description = "JDBC URL of the database (GAZETTE_DB_URL).")
    String jdbcUrl;

    public Path dataDir(Map<String, String> env) {
        return dataDir != null ? dataDir : Path.of(env.getOrDefault("GAZETTE_DATA", "./data"));
    }

    /** True when no database URL was given, so the store is the embedded H2 file under the data folder. */
    public boolean isEmbedded(Map<String, String> env) {
        String url = jdbcUrl != null ? jdbcUrl : env.get("GAZETTE_DB_URL");
        return url == null || url.isBlank();
    }

    public String jdbcUrl(Map<String, String> env) {
        return isEmbedded(env)
                ? Database.embeddedJdbcUrl(dataDir(env))
                : jdbcUrl != null ? jdbcUrl : env.get("GAZETTE_DB_URL");
    }

    public Database open(Map<String, String> env) {
        return Database.open(jdbcUrl(env), dataDir(env));
    }

    /**
     * For a chore's {@link CommandLine}: a store it cannot open is one line on standard error and exit code 1, not a
     * stack trace.
     */
    public static CommandLine reportingUnavailableStore(CommandLine cli) {
        CommandLine.IExecutionExceptionHandler fallback = cli.getExecutionExceptionHandler();
        return cli.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            if (e instanceof Database.UnavailableException) {
                commandLine.getErr().println("gazette: " + e.getMessage());
                return 1;
            }
            return fallback.handleExecutionException(e, commandLine, parsed);
        });
    }
}
