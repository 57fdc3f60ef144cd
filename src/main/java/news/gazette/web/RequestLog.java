package news.gazette.web;

import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One line per request: method, path, status, milliseconds. Never the query string, which may carry secrets. */
public final class RequestLog {

    private static final Logger log = LoggerFactory.getLogger("gazette.request");

    private RequestLog() {}

    public static void line(Context ctx, Float millis) {
        if (log.isInfoEnabled()) {
            log.info("{} {} {} {}ms", ctx.method(), ctx.path(), ctx.statusCode(), String.format("%.1f", millis));
        }
    }
}
