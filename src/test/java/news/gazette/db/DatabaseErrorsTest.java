package news.gazette.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an operator sees when the database URL is wrong: the real entry point in its own JVM, one line, no trace. */
class DatabaseErrorsTest {

    @TempDir
    Path data;

    record Run(int exitCode, List<String> lines) {}

    @Test
    void an_unsupported_database_stops_with_exit_2_and_one_line_naming_the_supported_ones() throws Exception {
        for (String url : List.of("jdbc:mysql://127.0.0.1/news?password=secret", "jdbc:sqlite:/tmp/news.db")) {
            Run run = gazette("--db-url", url);

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.lines().get(0))
                    .startsWith("gazette: unsupported database jdbc:")
                    .contains("H2", "PostgreSQL")
                    .doesNotContain("secret");
            assertThat(run.lines()).noneMatch(line -> line.contains("Exception") || line.startsWith("\tat "));
        }
    }

    @Test
    void an_unreachable_postgresql_stops_with_exit_1_and_one_line() throws Exception {
        Run run = gazette("--db-url", "jdbc:postgresql://127.0.0.1:" + freePort() + "/gazette?user=gazette");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.lines()).hasSize(1);
        assertThat(run.lines().get(0)).contains("Gazette could not start").contains("127.0.0.1");
    }

    @Test
    void a_chore_on_a_store_a_running_server_holds_says_so_in_one_line() throws Exception {
        Path log = data.resolve("server.txt");
        Process server = new ProcessBuilder(
                        java("news.gazette.App", "--host", "127.0.0.1", "--port", "0", "--data", data.toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(log) || !Files.readString(log).contains("Gazette is serving")) {
                assertThat(server.isAlive()).as("the server runs").isTrue();
                assertThat(System.nanoTime()).as("the server started").isLessThan(deadline);
                Thread.sleep(100);
            }
            ProcessBuilder chore = new ProcessBuilder(
                    java("news.gazette.App", "user", "reset-password", "admin", "--data", data.toString()));
            chore.environment().put("GAZETTE_NEW_PASSWORD", "a new password for the admin account");
            Path output = data.resolve("chore.txt");
            Process process = chore.redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.isBlank())
                    .toList();

            assertThat(process.exitValue()).isEqualTo(1);
            assertThat(lines).hasSize(1);
            assertThat(lines.get(0)).startsWith("gazette: ").contains("in use by another process");
        } finally {
            server.destroy();
            server.waitFor(60, TimeUnit.SECONDS);
        }
    }

    private static List<String> java(String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path")));
        command.addAll(List.of(args));
        return command;
    }

    private Run gazette(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "news.gazette.App",
                "--host",
                "127.0.0.1",
                "--port",
                "0",
                "--data",
                data.toString()));
        command.addAll(List.of(args));
        Path output = data.resolve("output.txt");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("gazette did not stop: " + Files.readString(output));
        }
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank())
                .toList();
        return new Run(process.exitValue(), lines);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
