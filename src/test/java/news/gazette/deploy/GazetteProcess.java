package news.gazette.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.gazette.TestSite;

/** Gazette as it ships: {@code java -jar target/gazette.jar} in a process of its own, killed or stopped by the test. */
final class GazetteProcess implements AutoCloseable {

    static final Path JAR = Path.of("target/gazette.jar");
    private static final Pattern LISTENING = Pattern.compile("listening on [^ ]+:(\\d+)\\)");
    private static final Duration START = Duration.ofSeconds(120);

    final int port;
    final Path log;
    private final Process process;

    private GazetteProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** An instance on {@code jdbcUrl} with its own data folder, sharing {@code media}, behind the proxy at {@code proxyUrl}. */
    static GazetteProcess start(String name, String jdbcUrl, Path data, Path media, String proxyUrl)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: these tests run after mvn package (mvn verify)");
        }
        Path log = Files.createTempFile("gazette-" + name + "-", ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx192m",
                "-XX:TieredStopAtLevel=1",
                "-jar",
                JAR.toString(),
                "--host",
                "127.0.0.1",
                "--port",
                "0",
                "--data",
                data.toString(),
                "--db-url",
                jdbcUrl,
                "--media-dir",
                media.toString(),
                "--purge-url",
                proxyUrl,
                "--base-url",
                proxyUrl,
                "--trusted-proxy",
                "127.0.0.1"));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("GAZETTE_ADMIN_PASSWORD", TestSite.ADMIN_PASSWORD);
        builder.environment()
                .keySet()
                .removeIf(key -> key.startsWith("GAZETTE_") && !key.equals("GAZETTE_ADMIN_PASSWORD"));
        Process process = builder.start();
        long deadline = System.nanoTime() + START.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            Matcher m = LISTENING.matcher(Files.readString(log, StandardCharsets.UTF_8));
            if (m.find()) {
                return new GazetteProcess(process, Integer.parseInt(m.group(1)), log);
            }
            Thread.sleep(50);
        }
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        throw new IllegalStateException("Gazette " + name + " did not start:\n" + Files.readString(log));
    }

    /** SIGKILL: no shutdown hook, no goodbye to the database or the proxy. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            kill();
        }
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            // A temporary file; the system cleans it up eventually.
        }
    }
}
