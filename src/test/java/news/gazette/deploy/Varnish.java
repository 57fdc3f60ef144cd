package news.gazette.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Varnish ({@code varnishd}, Debian's varnish with varnish-modules) running {@code docs/deploy/varnish.vcl} as
 * shipped, with only its two backend ports replaced, on a free loopback port and a working folder of its own; stopped
 * and removed by {@link #close}.
 */
final class Varnish implements AutoCloseable {

    static final Path VCL = Path.of("docs/deploy/varnish.vcl");
    private static final Path VARNISHD = Path.of("/usr/sbin/varnishd");
    private static final Duration START = Duration.ofSeconds(30);

    final int port;
    private final Path folder;
    private final Process process;

    private Varnish(int port, Path folder, Process process) {
        this.port = port;
        this.folder = folder;
        this.process = process;
    }

    /** A port for a Varnish started later: Gazette's --purge-url must name it before either starts. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts Varnish on {@code port} in front of the instances on {@code backend1} and {@code backend2}. */
    static Varnish start(int port, int backend1, int backend2) throws IOException, InterruptedException {
        if (!Files.isExecutable(VARNISHD)) {
            throw new IllegalStateException("Varnish is not installed (Debian's varnish and varnish-modules); "
                    + "bash scripts/test.sh installs them");
        }
        String shipped = Files.readString(VCL);
        String vcl = shipped.replace(".port = \"7071\";", ".port = \"" + backend1 + "\";")
                .replace(".port = \"7072\";", ".port = \"" + backend2 + "\";");
        if (vcl.contains(".port = \"7071\"")
                || vcl.contains(".port = \"7072\"")
                || !shipped.contains(".port = \"7071\"")) {
            throw new IllegalStateException("the shipped VCL no longer has the backend ports 7071 and 7072");
        }
        Path folder = Files.createTempDirectory("gazette-varnish-");
        // varnishd reads the VCL and keeps its working folder as its own unprivileged users.
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path file = folder.resolve("gazette.vcl");
        Files.writeString(file, vcl);
        Path log = folder.resolve("varnishd.log");
        // -n: a working folder of its own, so it never meets the package's service; -T none: no management port.
        Process process = new ProcessBuilder(List.of(
                        VARNISHD.toString(),
                        "-F",
                        "-n",
                        folder.resolve("work").toString(),
                        "-a",
                        "127.0.0.1:" + port,
                        "-T",
                        "none",
                        "-f",
                        file.toString(),
                        "-s",
                        "malloc,64m",
                        "-p",
                        "thread_pool_min=10"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        Varnish varnish = new Varnish(port, folder, process);
        long deadline = System.nanoTime() + START.toNanos();
        while (!varnish.accepts()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                String output = Files.readString(log, StandardCharsets.UTF_8);
                varnish.close();
                throw new IllegalStateException("varnishd did not start:\n" + output);
            }
            Thread.sleep(50);
        }
        return varnish;
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
        process.destroy();
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
