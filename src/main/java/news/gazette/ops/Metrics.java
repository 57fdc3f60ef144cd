package news.gazette.ops;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import news.gazette.web.IpLiteral;

/**
 * Prometheus metrics through Micrometer: request counts and latencies by route (the route template, never the raw
 * path, so a crawler cannot blow up the number of series), JVM and pool gauges, and whatever other parts register.
 *
 * <p>{@code /metrics} answers loopback clients (not requests a proxy forwarded), or anyone presenting {@code Authorization: Bearer <token>} when a
 * token is configured; everyone else gets 403.
 */
public final class Metrics {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final String token;
    // One timer per method, route and status, found by a string key: building and registering a timer for every
    // request allocates a dozen objects and shows in the profile of a cached page.
    private final ConcurrentHashMap<String, Timer> timers = new ConcurrentHashMap<>();

    public Metrics(String token) {
        this.token = token == null || token.isBlank() ? null : token;
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** Called once per request by Javalin's request logger. */
    public void record(Context ctx, Float millis) {
        String route = routeOf(ctx);
        String method = ctx.method().name();
        int status = ctx.statusCode();
        timers.computeIfAbsent(
                        method + ' ' + status + ' ' + route,
                        key -> Timer.builder("gazette.http.requests")
                                .description("HTTP requests by route, method and status")
                                .tag("method", method)
                                .tag("route", route)
                                .tag("status", String.valueOf(status))
                                .publishPercentileHistogram(false)
                                .register(registry))
                .record((long) (millis * 1000), TimeUnit.MICROSECONDS);
    }

    private static String routeOf(Context ctx) {
        try {
            String path = ctx.endpoint().path;
            return path == null || path.isEmpty() ? "unmatched" : path;
        } catch (RuntimeException e) {
            return "unmatched";
        }
    }

    /** Handles {@code GET /metrics}. */
    public void scrape(Context ctx) {
        if (!mayScrape(ctx)) {
            throw new ForbiddenResponse();
        }
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape());
    }

    private boolean mayScrape(Context ctx) {
        String authorization = ctx.header("Authorization");
        if (token != null && authorization != null && authorization.startsWith("Bearer ")) {
            byte[] presented = authorization.substring(7).getBytes(StandardCharsets.UTF_8);
            return MessageDigest.isEqual(presented, token.getBytes(StandardCharsets.UTF_8));
        }
        // A request a proxy forwarded comes from somewhere else, even when the proxy runs on this machine.
        boolean forwarded = ctx.header("X-Forwarded-For") != null
                || ctx.header("Forwarded") != null
                || ctx.header("X-Real-IP") != null;
        return !forwarded && isLoopback(ctx.req().getRemoteAddr());
    }

    private static boolean isLoopback(String address) {
        return address != null
                && IpLiteral.parse(address).map(InetAddress::isLoopbackAddress).orElse(false);
    }
}
