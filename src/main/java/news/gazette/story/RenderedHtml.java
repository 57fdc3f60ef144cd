package news.gazette.story;

import gg.jte.Content;
import gg.jte.TemplateOutput;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * HTML that {@link Markdown} produced and sanitised; templates output it without {@code $unsafe}. A class rather than a
 * record so that nothing outside this package can wrap an arbitrary string as safe HTML.
 */
public final class RenderedHtml implements Content {

    /** An unhurried adult reading pace for news prose. */
    static final int WORDS_PER_MINUTE = 230;

    public static final RenderedHtml EMPTY = new RenderedHtml("", 0);

    private final String html;
    // Counted once, when the body is saved (story.body_words), so that a view never parses the HTML again;
    // -1 until counted.
    private volatile int words;

    RenderedHtml(String html) {
        this(html, -1);
    }

    private RenderedHtml(String html, int words) {
        this.html = html;
        this.words = words;
    }

    /**
     * HTML that {@link Markdown} rendered when the story was saved, read back from the store with the number of words
     * counted then; null HTML (a row not yet rendered) reads as empty, a null count is counted on first use.
     */
    static RenderedHtml stored(String html, Integer words) {
        return html == null || html.isEmpty() ? EMPTY : new RenderedHtml(html, words == null ? -1 : words);
    }

    public String html() {
        return html;
    }

    /** The number of words a reader sees; stored with the body as {@code story.body_words}. */
    public int words() {
        int counted = words;
        if (counted < 0) {
            counted = countWords(html);
            words = counted;
        }
        return counted;
    }

    /** The words of the text of {@code html}, as {@link #words()} counts them. */
    public static int countWords(String html) {
        if (html == null || html.isEmpty()) {
            return 0;
        }
        String text = Jsoup.parseBodyFragment(html).text().strip();
        return text.isEmpty() ? 0 : text.split("\\s+").length;
    }

    /**
     * The same HTML with each image replaced by its description in brackets (or left out when it has none), for the
     * text edition. The HTML is already sanitised; removing elements keeps it so.
     */
    public RenderedHtml withoutImages() {
        if (!html.contains("<img")) {
            return this;
        }
        Document body = Jsoup.parseBodyFragment(html);
        for (Element image : body.select("img")) {
            String alt = image.attr("alt").strip();
            if (alt.isEmpty()) {
                image.remove();
            } else {
                image.replaceWith(new TextNode("[Image: " + alt + "]"));
            }
        }
        return new RenderedHtml(body.body().html(), words);
    }

    /** The text a reader sees, without markup, as one line. */
    public String text() {
        return html.isEmpty() ? "" : Jsoup.parseBodyFragment(html).text().strip();
    }

    /** Whole minutes a reader needs for this text; at least one. */
    public int readingMinutes() {
        return (int) Math.max(1, Math.round((double) words() / WORDS_PER_MINUTE));
    }

    @Override
    public void writeTo(TemplateOutput output) {
        output.writeContent(html);
    }

    @Override
    public boolean isEmptyContent() {
        return html.isEmpty();
    }

    @Override
    public String toString() {
        return html;
    }
}
