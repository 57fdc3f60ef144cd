package news.gazette.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.gazette.TestSite;

/**
 * A Gazette server as a real process on its own data folder, started from the tests' classpath (so a test does not
 * depend on the jar being built), for tests where the process boundary is the point: {@code kill -9} and restarts.
 */
record ServerProcess(Process process, int port, Path log) {

    private static final Pattern LISTENING = Pattern.compile("listening on [^ ]+:(\\d+)\\)");

    /** Starts a server on {@code data} with {@code options} added to its command line; waits until it listens. */
    static ServerProcess start(Path data, String... options) throws IOException, InterruptedException {
        Path log = Files.createTempFile("gazette-process-", ".log");
        log.toFile().deleteOnExit();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                "news.gazette.App",
                "--host",
                "127.0.0.1",
                "--port",
                "0",
                "--data",
                data.toString()));
        command.addAll(List.of(options));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("GAZETTE_ADMIN_PASSWORD", TestSite.ADMIN_PASSWORD);
        builder.environment().remove("GAZETTE_DB_URL");
        Process process = builder.start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        try {
            while (Instant.now().isBefore(deadline) && process.isAlive()) {
                Matcher m = LISTENING.matcher(Files.readString(log, StandardCharsets.UTF_8));
                if (m.find()) {
                    return new ServerProcess(process, Integer.parseInt(m.group(1)), log);
                }
                Thread.sleep(50);
            }
            process.destroyForcibly().waitFor();
            throw new AssertionError("Gazette did not start:\n" + Files.readString(log));
        } catch (IOException | InterruptedException | RuntimeException e) {
            Files.deleteIfExists(log);
            throw e;
        }
    }

    /** What the server has logged so far. */
    String output() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    /** SIGKILL on Linux: no shutdown hook, no close, no compaction. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
}
