package news.gazette.cache;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A real HTTP server on a free loopback port that records purge requests; the first {@code failFirst} get 503. */
final class PurgeReceiver implements AutoCloseable {

    record Purge(String method, String keys) {}

    final List<Purge> received = new CopyOnWriteArrayList<>();
    /** Requests that arrived, answered or not. */
    final AtomicInteger arrived = new AtomicInteger();
    /** Counted down to let answers go; a receiver made with {@code hold} answers nothing until then. */
    final CountDownLatch release;

    private final AtomicInteger toFail;
    private final HttpServer server;

    PurgeReceiver(int failFirst) {
        this(failFirst, false);
    }

    PurgeReceiver(int failFirst, boolean hold) {
        this.toFail = new AtomicInteger(failFirst);
        this.release = new CountDownLatch(hold ? 1 : 0);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            arrived.incrementAndGet();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            boolean fail = toFail.getAndDecrement() > 0;
            if (!fail) {
                received.add(new Purge(
                        exchange.getRequestMethod(),
                        exchange.getRequestHeaders().getFirst("xkey-purge")));
            }
            exchange.sendResponseHeaders(fail ? 503 : 200, -1);
            exchange.close();
        });
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
    }
}
