package news.gazette.story;

import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.typographic.TypographicExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;
import org.jsoup.safety.Safelist;

/**
 * Turns a story's Markdown into HTML that is safe to put in front of readers, whoever wrote the Markdown.
 *
 * <p>Two independent guards: flexmark escapes any raw HTML in the source, and jsoup then keeps only an allow-list of
 * elements, attributes and URL schemes, so a {@code javascript:} link or an event handler cannot survive either way.
 * This class is the only place that creates {@link RenderedHtml}.
 *
 * <p>The cost of a render is bounded, whatever the body: {@link #render} refuses a body that nests too deep, has too
 * many indented or quoted lines, or whose markup takes too much work to resolve, with a
 * {@link MarkdownTooComplexException} whose message is written for the editor. A 200,000-character body renders or
 * is refused in about a fifth of a second at most.
 */
public final class Markdown {

    /**
     * flexmark matches some constructs with regexes that recurse once per character (an HTML comment, a link title, a
     * line of {@code *}), so 1,500 characters of one overflow a 1 MB request thread's stack. On 64 MB a 190,000
     * character link title or comment, or 140,000 {@code *}, still renders (measured); only longer ones are refused.
     * The stack is reserved, not committed: only a render that recurses that deep touches it, and idle threads end
     * after a minute, which returns what they touched.
     */
    private static final long RENDER_STACK_BYTES = 64L << 20;

    private static final ThreadPoolExecutor RENDERING = renderingThreads();

    /**
     * jsoup, which the budgets do not meter, resolves every link and image URL it keeps: 33,000 links in 200 kB took
     * it 160 ms. Stories have a few hundred at most; this many cost it about 50 ms.
     */
    static final int MAX_LINKS = 10_000;

    private final Parser parser;
    private final HtmlRenderer renderer;
    private final Safelist safelist;

    public Markdown() {
        MutableDataSet options = options()
                // The same heading parser, asked only about lines that could be headings; see HeadingStartFilter.
                .set(Parser.HEADING_PARSER, false);
        this.parser = Parser.builder(options)
                .customBlockParserFactory(new HeadingStartFilter())
                .postProcessorFactory(new InlineNestingCheck())
                .build();
        this.renderer = HtmlRenderer.builder(options).build();
        this.safelist = safelist();
    }

    /** What one render cost, in counts rather than time, so tests can bound it without a clock. */
    record Rendering(RenderedHtml html, long reads, long readBudget, long allocatedBytes, long allocationBudget) {}

    /**
     * Renders {@code markdown}; null or blank input renders as empty HTML.
     *
     * @throws MarkdownTooComplexException if the body would cost too much to format; its message says why, for the
     *     editor, and the caller still has the text to show back in the form
     */
    public RenderedHtml render(String markdown) {
        return renderMeasured(markdown).html();
    }

    /**
     * {@code markdown} shown as the text it is, escaped, one paragraph per blank-line-separated block: for a body
     * stored before the bounds existed that {@link #render} now refuses, so its page still shows every word.
     */
    public RenderedHtml renderAsText(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return RenderedHtml.EMPTY;
        }
        StringBuilder html = new StringBuilder(markdown.length() + 64);
        for (String block : markdown.strip().split("\n\\s*\n")) {
            html.append("<p>").append(Entities.escape(block.strip())).append("</p>");
        }
        return new RenderedHtml(html.toString());
    }

    Rendering renderMeasured(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return new Rendering(RenderedHtml.EMPTY, 0, 0, 0, 0);
        }
        MarkdownLimits.check(markdown);
        Future<Rendering> rendering = RENDERING.submit(() -> renderOnThisThread(markdown));
        try {
            return rendering.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            rendering.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while rendering Markdown", e);
        }
    }

    private Rendering renderOnThisThread(String markdown) {
        MeteredText text = new MeteredText(markdown);
        try {
            String unsafe = renderer.render(parser.parse(BasedSequence.of(text)));
            long reads = text.reads();
            long allocated = text.allocatedBytes();
            int links = countLinks(unsafe);
            if (links > MAX_LINKS) {
                throw MarkdownTooComplexException.tooManyLinks(links, MAX_LINKS).afterWork(text);
            }
            // The base URI only lets jsoup judge relative links; preserveRelativeLinks keeps them relative.
            Document.OutputSettings output = new Document.OutputSettings().prettyPrint(false);
            String safe = Jsoup.clean(unsafe, "http://gazette.invalid/", safelist, output);
            return new Rendering(new RenderedHtml(safe), reads, text.budget(), allocated, text.allocationBudget());
        } catch (MeteredText.BudgetSpent e) {
            throw (e.allocation
                            ? MarkdownTooComplexException.tooManyPieces()
                            : MarkdownTooComplexException.tangledMarkup())
                    .afterWork(text);
        } catch (MarkdownTooComplexException e) {
            throw e.afterWork(text); // from InlineNestingCheck, inside the parse
        } catch (StackOverflowError e) {
            // The last resort, for a construct longer than the big stack allows; the limits and budgets stop the rest.
            throw MarkdownTooComplexException.longConstruct().afterWork(text);
        }
    }

    /** Links and images in flexmark's HTML, which escapes every other {@code <a} or {@code <img} as text. */
    private static int countLinks(String html) {
        int count = 0;
        for (int i = html.indexOf('<'); i >= 0; i = html.indexOf('<', i + 1)) {
            if (html.startsWith("<a ", i) || html.startsWith("<img ", i)) {
                count++;
            }
        }
        return count;
    }

    /** flexmark's options for stories, as flexmark ships them; the constructor swaps in the heading filter. */
    static MutableDataSet options() {
        return new MutableDataSet()
                .set(
                        Parser.EXTENSIONS,
                        List.of(
                                TablesExtension.create(),
                                StrikethroughExtension.create(),
                                AutolinkExtension.create(),
                                TypographicExtension.create()))
                .set(HtmlRenderer.ESCAPE_HTML, true)
                .set(HtmlRenderer.GENERATE_HEADER_ID, true)
                .set(HtmlRenderer.RENDER_HEADER_ID, true)
                .set(HtmlRenderer.HEADER_ID_GENERATOR_NO_DUPED_DASHES, true)
                .set(HtmlRenderer.SOFT_BREAK, "\n")
                .set(TablesExtension.WITH_CAPTION, false)
                .set(TablesExtension.CLASS_NAME, "");
    }

    static Safelist safelist() {
        return Safelist.relaxed()
                .removeTags("div", "span", "colgroup", "col")
                .addTags("del", "s", "hr", "figure", "figcaption")
                .addAttributes("h1", "id")
                .addAttributes("h2", "id")
                .addAttributes("h3", "id")
                .addAttributes("h4", "id")
                .addAttributes("h5", "id")
                .addAttributes("h6", "id")
                .addAttributes("th", "align")
                .addAttributes("td", "align")
                .removeProtocols("a", "href", "ftp")
                .addProtocols("a", "href", "#")
                .removeProtocols("img", "src", "http")
                .addProtocols("img", "src", "http", "https")
                .preserveRelativeLinks(true);
    }

    /**
     * Renders run here rather than on the caller's thread, for the stack. As many threads as cores: rendering is all
     * CPU, so more would only queue inside the OS instead of here.
     */
    private static ThreadPoolExecutor renderingThreads() {
        int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
        ThreadPoolExecutor pool =
                new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
                    Thread thread = new Thread(null, task, "markdown-render", RENDER_STACK_BYTES);
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
