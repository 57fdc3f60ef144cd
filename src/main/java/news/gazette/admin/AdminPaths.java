package news.gazette.admin;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;

/** Reads the numeric ids in newsroom paths; anything else is a 404, never an exception. */
final class AdminPaths {

    private AdminPaths() {}

    static long id(Context ctx) {
        return number(ctx.pathParam("id"));
    }

    static long number(String raw) {
        if (raw == null || !raw.matches("[1-9][0-9]{0,17}")) {
            throw new NotFoundResponse();
        }
        return Long.parseLong(raw);
    }

    static int page(Context ctx) {
        String raw = ctx.queryParam("page");
        return raw != null && raw.matches("[1-9][0-9]{0,5}") ? Integer.parseInt(raw) : 1;
    }
}
