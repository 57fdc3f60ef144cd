package news.gazette.deploy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real nginx (Debian's) running {@code docs/deploy/nginx.conf} as shipped, with only its listen port, the two
 * upstream ports and Debian's paths (cache, pid, logs) replaced, in a folder of its own; stopped by {@link #close}.
 */
final class Nginx implements AutoCloseable {

    static final Path CONF = Path.of("docs/deploy/nginx.conf");
    private static final Path NGINX = Path.of("/usr/sbin/nginx");
    private static final Duration START = Duration.ofSeconds(30);

    final int port;
    private final Path folder;
    private final Process process;

    private Nginx(int port, Path folder, Process process) {
        this.port = port;
        this.folder = folder;
        this.process = process;
    }

    static Nginx start(int backend1, int backend2) throws IOException, InterruptedException {
        if (!Files.isExecutable(NGINX)) {
            throw new IllegalStateException(
                    "nginx is not installed (Debian's nginx); bash scripts/test.sh installs it");
        }
        int port = Varnish.freePort();
        Path folder = Files.createTempDirectory("gazette-nginx-");
        // The workers run as www-data and write the cache here.
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxrwx"));
        String shipped = Files.readString(CONF);
        String conf = shipped;
        for (Map.Entry<String, String> change : Map.of(
                        "listen 80;", "listen 127.0.0.1:" + port + ";",
                        "server 127.0.0.1:7071 ", "server 127.0.0.1:" + backend1 + " ",
                        "server 127.0.0.1:7072 ", "server 127.0.0.1:" + backend2 + " ",
                        "/var/cache/nginx/gazette", folder.resolve("cache").toString(),
                        "/run/nginx.pid", folder.resolve("nginx.pid").toString(),
                        "/var/log/nginx/", folder + "/")
                .entrySet()) {
            if (!conf.contains(change.getKey())) {
                throw new IllegalStateException("the shipped nginx.conf no longer has " + change.getKey());
            }
            conf = conf.replace(change.getKey(), change.getValue());
        }
        Path file = folder.resolve("nginx.conf");
        Files.writeString(file, conf);
        Path log = folder.resolve("stderr.log");
        Process process = new ProcessBuilder(
                        List.of(NGINX.toString(), "-c", file.toString(), "-p", folder.toString(), "-g", "daemon off;"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        Nginx nginx = new Nginx(port, folder, process);
        long deadline = System.nanoTime() + START.toNanos();
        while (!nginx.accepts()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                String output = Files.readString(log, StandardCharsets.UTF_8);
                nginx.close();
                throw new IllegalStateException("nginx did not start:\n" + output);
            }
            Thread.sleep(50);
        }
        return nginx;
    }

    private boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy(); // SIGTERM: nginx's fast shutdown, workers included
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A temporary folder; the system cleans it up eventually.
        }
    }
}
