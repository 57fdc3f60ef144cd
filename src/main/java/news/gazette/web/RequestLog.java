package news.gazette.web;

import io.javalin.http.Context;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request: method, path, status, milliseconds. Never the query string, which may carry secrets. Requests
 * the caller calls routine (pages answered from the page cache) are left out at the info level (they are counted in
 * the metrics): a spike of tens of thousands of them a second would otherwise spend more time writing the log than
 * answering.
 */
public final class RequestLog {

    private static final Logger log = LoggerFactory.getLogger("gazette.request");

    private final Predicate<Context> routine;

    /** @param routine requests to log only at the debug level */
    public RequestLog(Predicate<Context> routine) {
        this.routine = routine;
    }

    public void line(Context ctx, Float millis) {
        if (log.isDebugEnabled() || (log.isInfoEnabled() && !routine.test(ctx))) {
            // Tenths of a millisecond, without String.format's parsing of a pattern on every request.
            log.info("{} {} {} {}ms", ctx.method(), ctx.path(), ctx.statusCode(), Math.round(millis * 10) / 10.0);
        }
    }
}
