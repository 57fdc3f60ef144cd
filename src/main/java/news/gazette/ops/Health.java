package news.gazette.ops;

import io.javalin.http.Context;
import news.gazette.db.Database;

/** Liveness ({@code /healthz}: the process answers) and readiness ({@code /readyz}: it can reach its database). */
public final class Health {

    private final Database db;

    public Health(Database db) {
        this.db = db;
    }

    public void live(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("text/plain; charset=utf-8").result("ok\n");
    }

    public void ready(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        boolean ready = db.isReachable();
        ctx.status(ready ? 200 : 503)
                .contentType("text/plain; charset=utf-8")
                .result(ready ? "ready\n" : "database unreachable\n");
    }
}
