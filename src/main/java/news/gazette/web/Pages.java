package news.gazette.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import gg.jte.resolve.DirectoryCodeResolver;
import io.javalin.http.Context;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Renders jte templates. In production the templates are precompiled into the jar; in development ({@code --dev}) they
 * are compiled from the {@code templates/} folder and recompiled when they change.
 */
public final class Pages {

    public static final String HTML_UTF8 = "text/html; charset=utf-8";

    /** Set on a request whose page was rendered, so that an error status (a form's 400) keeps its own page. */
    static final String RENDERED = "gazette.rendered";

    /** Where {@link #render} leaves the page's bytes with the stream it handed Javalin, for {@link #renderedBytes}. */
    private static final String BYTES = "gazette.rendered.bytes";

    private record Rendered(InputStream stream, byte[] bytes) {}

    private final TemplateEngine engine;

    public Pages(Path templatesDir) {
        this.engine = templatesDir == null
                ? TemplateEngine.createPrecompiled(ContentType.Html)
                : TemplateEngine.create(
                        new DirectoryCodeResolver(templatesDir),
                        Path.of("target", "jte-dev-classes"),
                        ContentType.Html);
        // The templates' static parts are UTF-8 bytes made once (the build's binaryStaticContent): a page is written
        // as bytes straight away, not built as a String and encoded after. On a crawl's uncached articles the String
        // road spent more time copying and encoding than the templates themselves.
        engine.setBinaryStaticContent(true);
    }

    /** Renders {@code template} with its one page record and sends it as the HTML response. */
    public void render(Context ctx, String template, Object page) {
        byte[] bytes = renderToBytes(template, page);
        InputStream stream = new ByteArrayInputStream(bytes);
        ctx.contentType(HTML_UTF8).result(stream);
        ctx.attribute(RENDERED, Boolean.TRUE);
        ctx.attribute(BYTES, new Rendered(stream, bytes));
    }

    /**
     * The bytes of the page {@link #render} made for this request, if it is still the response's result; null
     * otherwise. Lets the page cache keep them without copying them out of the result stream again.
     */
    public static byte[] renderedBytes(Context ctx) {
        Rendered rendered = ctx.attribute(BYTES);
        return rendered != null && rendered.stream() == ctx.resultInputStream() ? rendered.bytes() : null;
    }

    /**
     * Sends {@code text} as a plain-text answer with {@code status}, which {@link ErrorPages} leaves as it is: for
     * clients that are programs (a WebSub subscriber), which read the reason, not a page.
     */
    public static void plainText(Context ctx, int status, String text) {
        ctx.status(status).contentType("text/plain; charset=utf-8").result(text);
        ctx.header("Cache-Control", "no-store");
        ctx.attribute(RENDERED, Boolean.TRUE);
    }

    /** The page as UTF-8 bytes. */
    public byte[] renderToBytes(String template, Object page) {
        Utf8ByteOutput output = new Utf8ByteOutput();
        engine.render(template, page, output);
        return output.toByteArray();
    }
}
