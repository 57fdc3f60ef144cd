package news.gazette.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import news.gazette.account.Passwords;
import news.gazette.db.Database;
import news.gazette.db.Jdbc;
import news.gazette.db.StoreOptions;
import news.gazette.media.MediaStore;
import news.gazette.web.Words;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gazette export FILE} and {@code gazette import FILE}: the whole site in one portable file, and back into an
 * empty instance. Both open the store themselves, so they run while the server is stopped (the embedded H2 file
 * admits one process); while it serves, an administrator downloads the same export from the Accounts page.
 */
@Command(
        name = "gazette",
        mixinStandardHelpOptions = true,
        description = "Exports the site to one file, or imports such a file into an empty instance.",
        subcommands = {SiteFileCommand.Export.class, SiteFileCommand.Import.class})
public final class SiteFileCommand {

    @Mixin
    StoreOptions store;

    @Option(
            names = "--media-dir",
            paramLabel = "DIR",
            scope = CommandLine.ScopeType.INHERIT,
            description = "Folder of uploaded images (GAZETTE_MEDIA_DIR, default <data>/media).")
    Path mediaDir;

    private final Map<String, String> env;
    private final Consumer<Jdbc> deriveImported;

    /**
     * @param deriveImported gives imported stories what a save derives from them (rendered bodies, search terms); the
     *     newsroom's {@code StoryBackfill}, handed in by {@code App} because the newsroom depends on this package
     */
    public SiteFileCommand(Map<String, String> env, Consumer<Jdbc> deriveImported) {
        this.env = env;
        this.deriveImported = deriveImported;
    }

    /** Runs {@code export ...} or {@code import ...} and returns the process exit code. */
    public static int run(String[] args, Map<String, String> env, Consumer<Jdbc> deriveImported) {
        return StoreOptions.reportingUnavailableStore(new CommandLine(new SiteFileCommand(env, deriveImported)))
                .execute(args);
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = "Writes the whole site to FILE (a zip).")
    static final class Export implements Callable<Integer> {
        @CommandLine.ParentCommand
        SiteFileCommand parent;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            if (parent.isEmbedded() && !Files.exists(parent.data().resolve("gazette.mv.db"))) {
                err.println("There is no Gazette database in " + parent.data() + "; give its folder with --data.");
                return 2;
            }
            try (Database db = parent.open(err)) {
                if (db == null) {
                    return 1;
                }
                // Write next to the target and move into place, so a failed export never leaves half a file.
                Path absolute = file.toAbsolutePath();
                Path temp = Files.createTempFile(absolute.getParent(), ".gazette-export-", ".part");
                try {
                    try (OutputStream out = Files.newOutputStream(temp)) {
                        new SiteExport(new Jdbc(db.dataSource()), parent.media()).write(out, Instant.now());
                    }
                    Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
                } finally {
                    Files.deleteIfExists(temp);
                }
            }
            spec.commandLine().getOut().println("Exported the site to " + file + ".");
            return 0;
        }
    }

    @Command(
            name = "import",
            mixinStandardHelpOptions = true,
            description = "Loads an export into an empty instance. Accounts arrive without passwords: give each one"
                    + " with 'gazette user reset-password NAME'.")
    static final class Import implements Callable<Integer> {
        @CommandLine.ParentCommand
        SiteFileCommand parent;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (!Files.isRegularFile(file)) {
                err.println("There is no file " + file + ".");
                return 2;
            }
            try (Database db = parent.open(err)) {
                if (db == null) {
                    return 1;
                }
                Passwords passwords = new Passwords();
                SiteImport site = new SiteImport(
                        new Jdbc(db.dataSource()), parent.media(), () -> passwords.hash(Passwords.random()));
                Map<String, Long> counts = site.load(file);
                parent.deriveImported.accept(new Jdbc(db.dataSource()));
                out.println("Imported " + Words.count(counts.get("story"), "story", "stories") + ", "
                        + Words.count(counts.get("story_revision"), "revision", "revisions") + ", "
                        + Words.count(counts.get("account"), "account", "accounts") + " and "
                        + Words.count(counts.get("media"), "image file", "image files") + ".");
                if (counts.get("account") > 0) {
                    out.println("Imported accounts have no password yet: set one with"
                            + " 'gazette user reset-password NAME' before signing in.");
                }
                // A load appends all it writes to the embedded file, several times its data: give it back now.
                db.compactAndClose();
                return 0;
            } catch (SiteImport.ImportRefusedException e) {
                err.println("Not imported: " + e.getMessage());
                return 1;
            }
        }
    }

    private boolean isEmbedded() {
        return store.isEmbedded(env);
    }

    private Path data() {
        return store.dataDir(env);
    }

    private MediaStore media() {
        String fromEnv = env.get("GAZETTE_MEDIA_DIR");
        Path folder = mediaDir != null
                ? mediaDir
                : fromEnv != null && !fromEnv.isBlank() ? Path.of(fromEnv) : data().resolve("media");
        return new MediaStore(folder);
    }

    /** The store, or null after telling the operator why it cannot be opened (usually: the server is running). */
    private Database open(PrintWriter err) {
        String url = store.jdbcUrl(env);
        try {
            return Database.open(url, data());
        } catch (RuntimeException e) {
            err.println("Cannot open the database at " + url + ". If Gazette is running on it, stop it first, or"
                    + " download an export from the newsroom's Accounts page. (" + rootMessage(e) + ")");
            return null;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
