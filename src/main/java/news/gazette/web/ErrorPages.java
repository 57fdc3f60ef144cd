package news.gazette.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every error a visitor can meet, answered in one place with a page in the site's own design and never a stack trace.
 * Unexpected exceptions are logged here, once.
 */
public final class ErrorPages {

    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

    private static final Map<Integer, String[]> TEXTS = Map.of(
            400,
            new String[] {
                "Bad request", "The request could not be understood. Check the address or the form and try again."
            },
            403,
            new String[] {"Forbidden", "You do not have permission to see this page."},
            404,
            new String[] {
                "Page not found",
                "We could not find the page you were looking for. It may have moved, or the address may be mistyped."
            },
            405,
            new String[] {"Method not allowed", "This address does not accept that kind of request."},
            413,
            new String[] {
                "Request too large",
                "What you sent is larger than this site accepts (a story with its image: 32 MB; an image alone: 10 MB)."
                        + " Go back: your browser still has the form as you left it."
            },
            414,
            new String[] {"Address too long", "The address you asked for is longer than this site accepts."},
            429,
            new String[] {"Too many requests", "Please wait a moment before trying again."},
            500,
            new String[] {
                "Something went wrong",
                "An unexpected error stopped this page from loading. It has been logged; please try again shortly."
            },
            503,
            new String[] {"Temporarily unavailable", "The site is busy or under maintenance. Please try again shortly."
            });

    private final Pages pages;
    private final Layouts layouts;

    public ErrorPages(Pages pages, Layouts layouts) {
        this.pages = pages;
        this.layouts = layouts;
    }

    public void register(JavalinConfig config) {
        config.routes.exception(Exception.class, (e, ctx) -> {
            log.error("{} {} failed", ctx.method(), ctx.path(), e);
            ctx.status(HttpStatus.INTERNAL_SERVER_ERROR);
        });
        for (int status : TEXTS.keySet()) {
            config.routes.error(status, "*", ctx -> render(ctx, status));
        }
    }

    private void render(Context ctx, int status) {
        if (Boolean.TRUE.equals(ctx.attribute(Pages.RENDERED))) {
            return; // a handler already answered with its own page, e.g. a form with its errors and status 400
        }
        String[] text = TEXTS.get(status);
        String template = status == 404 ? "error/not-found.jte" : "error/error.jte";
        try {
            ErrorPage page = new ErrorPage(layouts.safelyOf(text[0], ctx.path()), status, text[0], text[1]);
            pages.render(ctx, template, page);
        } catch (RuntimeException e) {
            log.error("error page {} could not be rendered", status, e);
            ctx.contentType("text/plain; charset=utf-8").result(status + " " + text[0]);
        }
        ctx.header("Cache-Control", "no-store");
    }
}
