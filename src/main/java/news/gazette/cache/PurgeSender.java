package news.gazette.cache;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import news.gazette.change.ChangeKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends purges to the caches in front ({@code --purge-url}): {@code PURGE <url>} with the changed keys in
 * {@code xkey-purge}, space-separated, as {@code docs/deploy/varnish.vcl} takes them. Fed by {@link SiteChangePoller}
 * after this instance dropped its own copies, so a cache that refetches at once gets the new page from here.
 *
 * <p>Every instance sends a purge for every change it reads from the log, its own and the others': purges are
 * idempotent, and an instance that purges only after dropping its own pages closes the window in which a cache could
 * refetch the old page from an instance that had not yet polled. One thread per cache, so a dead cache delays no other;
 * keys that arrive while a purge is failing join the next attempt; after {@value #ATTEMPTS} failed attempts in a row the
 * keys are dropped (counted), since a page in a shared cache lives at most {@code s-maxage} anyway. Nothing here ever
 * runs on a request or an editor's save.
 */
public final class PurgeSender implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PurgeSender.class);
    // Keeps the header well under the 8 kB most servers accept.
    private static final int KEYS_PER_REQUEST = 200;
    static final int ATTEMPTS = 8;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Target> targets = new ArrayList<>();

    public PurgeSender(List<URI> urls, MeterRegistry registry) {
        for (URI url : urls) {
            targets.add(new Target(url, registry));
        }
    }

    /** Queues purges of {@code keys} for every cache; returns at once. */
    public void purge(Collection<ChangeKey> keys) {
        if (keys.isEmpty()) {
            return;
        }
        for (Target target : targets) {
            target.add(keys);
        }
    }

    public void start() {
        for (Target target : targets) {
            target.thread.start();
        }
    }

    @Override
    public void close() {
        for (Target target : targets) {
            target.thread.interrupt();
        }
        for (Target target : targets) {
            try {
                target.thread.join(TIMEOUT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** One cache: the keys waiting for it and the thread that sends them. */
    private final class Target {
        private final URI url;
        private final Set<ChangeKey> pending = new LinkedHashSet<>();
        private final Thread thread;
        private final Counter sent;
        private final Counter failed;
        private final Counter dropped;

        Target(URI url, MeterRegistry registry) {
            this.url = url;
            String name = url.getHost() + ":" + url.getPort();
            this.thread = new Thread(this::run, "gazette-purge-" + name);
            thread.setDaemon(true);
            this.sent = Counter.builder("gazette.purge.requests")
                    .description("Purge requests sent to a cache in front, by result")
                    .tag("cache", name)
                    .tag("result", "ok")
                    .register(registry);
            this.failed = Counter.builder("gazette.purge.requests")
                    .description("Purge requests sent to a cache in front, by result")
                    .tag("cache", name)
                    .tag("result", "failed")
                    .register(registry);
            this.dropped = Counter.builder("gazette.purge.dropped.keys")
                    .description("Keys given up on after every attempt to purge them failed")
                    .tag("cache", name)
                    .register(registry);
            Gauge.builder("gazette.purge.pending.keys", this, t -> t.pendingCount())
                    .description("Keys waiting to be purged from a cache in front")
                    .tag("cache", name)
                    .register(registry);
        }

        synchronized void add(Collection<ChangeKey> keys) {
            pending.addAll(keys);
            notifyAll();
        }

        synchronized int pendingCount() {
            return pending.size();
        }

        private synchronized List<ChangeKey> take() throws InterruptedException {
            while (pending.isEmpty()) {
                wait();
            }
            List<ChangeKey> batch = new ArrayList<>();
            for (var it = pending.iterator(); it.hasNext() && batch.size() < KEYS_PER_REQUEST; ) {
                batch.add(it.next());
                it.remove();
            }
            return batch;
        }

        private void run() {
            int failures = 0;
            Duration backoff = FIRST_BACKOFF;
            try {
                while (true) {
                    List<ChangeKey> batch = take();
                    String problem = send(batch);
                    if (problem == null) {
                        sent.increment();
                        if (failures > 0) {
                            log.info("Purges reach {} again", url);
                        }
                        failures = 0;
                        backoff = FIRST_BACKOFF;
                        continue;
                    }
                    failed.increment();
                    if (++failures == 1) {
                        // Once per outage: a cache that is down must not fill the log.
                        log.warn("Cannot purge {} ({}); retrying", url, problem);
                    }
                    if (failures >= ATTEMPTS) {
                        dropped.increment(batch.size());
                        log.warn("Gave up purging {} keys at {} after {} attempts", batch.size(), url, failures);
                        failures = 0;
                    } else {
                        add(batch);
                    }
                    Thread.sleep(backoff.toMillis());
                    backoff =
                            backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
                }
            } catch (InterruptedException e) {
                // Stopping: whatever is pending stays in the caches until their s-maxage runs out.
            }
        }

        /** Null when the cache accepted the purge, else what went wrong. */
        private String send(List<ChangeKey> batch) throws InterruptedException {
            HttpRequest request = HttpRequest.newBuilder(url)
                    .method("PURGE", HttpRequest.BodyPublishers.noBody())
                    .header("xkey-purge", ProxyHeaders.purgeKeys(batch))
                    .timeout(TIMEOUT)
                    .build();
            try {
                int status = http.send(request, HttpResponse.BodyHandlers.discarding())
                        .statusCode();
                return status >= 200 && status < 300 ? null : "status " + status;
            } catch (java.io.IOException e) {
                return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            }
        }
    }
}
