package news.gazette.ops;

import io.javalin.http.Context;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import news.gazette.db.Database;

/** Liveness ({@code /healthz}: the process answers) and readiness ({@code /readyz}: it can reach its database). */
public final class Health {

    // While the database is down the pool waits its whole connection timeout (30 s) for a connection; a readiness
    // probe must answer sooner than that, and must not pile up a waiting thread per probe.
    private static final long READY_WAIT_MS = 1_000;

    private final Database db;
    private final ExecutorService checks = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "gazette-readiness");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicReference<CompletableFuture<Boolean>> running = new AtomicReference<>();

    public Health(Database db) {
        this.db = db;
    }

    public void live(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("text/plain; charset=utf-8").result("ok\n");
    }

    public void ready(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        boolean ready = isReady();
        ctx.status(ready ? 200 : 503)
                .contentType("text/plain; charset=utf-8")
                .result(ready ? "ready\n" : "database unreachable\n");
    }

    /** Whether the database answered within a second; probes that come while one check waits share its answer. */
    private boolean isReady() {
        CompletableFuture<Boolean> check = running.get();
        if (check == null || check.isDone()) {
            CompletableFuture<Boolean> fresh = CompletableFuture.supplyAsync(db::isReachable, checks);
            check = running.compareAndSet(check, fresh) ? fresh : running.get();
        }
        try {
            return check.get(READY_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
