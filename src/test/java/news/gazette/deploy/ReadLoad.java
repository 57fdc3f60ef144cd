package news.gazette.deploy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Readers asking for {@code paths} in turn, as fast as they are answered, until {@link #stop} or a time limit: every
 * answer other than 200 is kept, with its path.
 */
final class ReadLoad implements AutoCloseable {

    private static final Duration LIMIT = Duration.ofSeconds(90);

    final AtomicLong answered = new AtomicLong();
    final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final ExecutorService readers;

    ReadLoad(Reader reader, List<String> paths, int threads) {
        readers = Executors.newFixedThreadPool(threads);
        long deadline = System.nanoTime() + LIMIT.toNanos();
        for (int t = 0; t < threads; t++) {
            int first = t;
            readers.submit(() -> {
                for (int i = first; !stopping.get() && System.nanoTime() < deadline; i++) {
                    String path = paths.get(i % paths.size());
                    Reader.Page page = reader.get(path);
                    answered.incrementAndGet();
                    if (page.status() != 200) {
                        failures.add(path + " -> " + page.status() + " "
                                + page.body().lines().findFirst().orElse(""));
                    }
                    try {
                        Thread.sleep(5); // a load, not a flood: two cores run everything here
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }
    }

    void stop() throws InterruptedException {
        stopping.set(true);
        readers.shutdown();
        if (!readers.awaitTermination(60, TimeUnit.SECONDS)) {
            readers.shutdownNow();
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
