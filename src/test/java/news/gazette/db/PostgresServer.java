package news.gazette.db;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for the tests: Debian's {@code postgresql} package (the test command installs it), a
 * throwaway cluster in a temporary folder, on a free port of 127.0.0.1, started once per test JVM and stopped when the
 * JVM ends. {@code initdb} refuses root, so as root the cluster runs as the {@code postgres} user. Each caller gets a
 * database of its own.
 */
public final class PostgresServer {

    private static final String USER = "gazette";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static volatile PostgresServer running;

    private final Path folder;
    private final Path bin;
    private final int port;

    private PostgresServer(Path folder, Path bin, int port) {
        this.folder = folder;
        this.bin = bin;
        this.port = port;
    }

    /** The server of this JVM, started on first use. */
    public static synchronized PostgresServer get() {
        if (running == null) {
            running = start();
            Runtime.getRuntime().addShutdownHook(new Thread(running::stop, "postgres-stop"));
        }
        return running;
    }

    /** The JDBC URL of a new, empty database on this server. */
    public String newDatabase() {
        String name = "gazette_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection c = DriverManager.getConnection(url("postgres"));
                Statement s = c.createStatement()) {
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return url(name);
    }

    public int port() {
        return port;
    }

    /** Runs {@code pg_ctl} with {@code args} against this cluster (stop, restart...), as the cluster's owner. */
    public void control(String... args) {
        List<String> command = new ArrayList<>(List.of(bin.resolve("pg_ctl").toString(), "-D", data().toString()));
        command.addAll(List.of(args));
        run(command, Duration.ofSeconds(60));
    }

    /** Starts the server again after {@link #control}{@code ("stop")}, on the same port. */
    public void startAgain() {
        control("-w", "-l", folder.resolve("server.log").toString(), "-o", serverOptions(), "start");
    }

    private String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=" + USER;
    }

    private Path data() {
        return folder.resolve("data");
    }

    private String serverOptions() {
        // Durable as in production (fsync stays on); small, since many test databases are made.
        return "-p " + port + " -k " + folder + " -c listen_addresses=127.0.0.1 -c max_connections=500"
                + " -c shared_buffers=32MB";
    }

    private static PostgresServer start() {
        Path bin = binaries();
        try {
            Path folder = Files.createTempDirectory("gazette-pg-");
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxrwx"));
            PostgresServer server = new PostgresServer(folder, bin, freePort());
            server.run(
                    List.of(
                            bin.resolve("initdb").toString(),
                            "-D",
                            server.data().toString(),
                            "-U",
                            USER,
                            "-A",
                            "trust",
                            "-E",
                            "UTF8",
                            "--locale=C.UTF-8"),
                    Duration.ofSeconds(120));
            server.startAgain();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start PostgreSQL for the tests", e);
        }
    }

    private void stop() {
        try {
            control("-m", "immediate", "stop");
        } catch (RuntimeException e) {
            // Already stopped by a test that stops it.
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A temporary folder; the system cleans it up eventually.
        }
    }

    /** Runs a PostgreSQL program, as the {@code postgres} user when we are root (initdb and the server refuse root). */
    private void run(List<String> command, Duration timeout) {
        List<String> full = new ArrayList<>();
        if (isRoot()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        try {
            Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", full) + " failed:\n"
                        + new String(output, StandardCharsets.UTF_8) + "\n" + serverLog());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + full.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String serverLog() {
        try {
            Path log = folder.resolve("server.log");
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static Path binaries() {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("initdb")))
                    .max(Comparator.comparing(Path::toString))
                    .orElseThrow();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(
                    "PostgreSQL is not installed (Debian's postgresql package); bash scripts/test.sh installs it", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Waits until the server answers, after a restart. */
    public void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            try (Connection c = DriverManager.getConnection(url("postgres"))) {
                return;
            } catch (SQLException e) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        throw new IllegalStateException("PostgreSQL did not come back within " + timeout);
    }
}
