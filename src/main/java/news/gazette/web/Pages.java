package news.gazette.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import gg.jte.resolve.DirectoryCodeResolver;
import io.javalin.http.Context;
import java.nio.file.Path;

/**
 * Renders jte templates. In production the templates are precompiled into the jar; in development ({@code --dev}) they
 * are compiled from the {@code templates/} folder and recompiled when they change.
 */
public final class Pages {

    public static final String HTML_UTF8 = "text/html; charset=utf-8";

    /** Set on a request whose page was rendered, so that an error status (a form's 400) keeps its own page. */
    static final String RENDERED = "gazette.rendered";

    private final TemplateEngine engine;

    public Pages(Path templatesDir) {
        this.engine = templatesDir == null
                ? TemplateEngine.createPrecompiled(ContentType.Html)
                : TemplateEngine.create(
                        new DirectoryCodeResolver(templatesDir),
                        Path.of("target", "jte-dev-classes"),
                        ContentType.Html);
    }

    /** Renders {@code template} with its one page record and sends it as the HTML response. */
    public void render(Context ctx, String template, Object page) {
        ctx.contentType(HTML_UTF8).result(renderToString(template, page));
        ctx.attribute(RENDERED, Boolean.TRUE);
    }

    public String renderToString(String template, Object page) {
        StringOutput output = new StringOutput(16 * 1024);
        engine.render(template, page, output);
        return output.toString();
    }
}
