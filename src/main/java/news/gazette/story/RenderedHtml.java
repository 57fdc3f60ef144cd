package news.gazette.story;

import gg.jte.Content;
import gg.jte.TemplateOutput;
import org.jsoup.Jsoup;

/**
 * HTML that {@link Markdown} produced and sanitised; templates output it without {@code $unsafe}. A class rather than a
 * record so that nothing outside this package can wrap an arbitrary string as safe HTML.
 */
public final class RenderedHtml implements Content {

    /** An unhurried adult reading pace for news prose. */
    static final int WORDS_PER_MINUTE = 230;

    static final RenderedHtml EMPTY = new RenderedHtml("");

    private final String html;

    RenderedHtml(String html) {
        this.html = html;
    }

    /**
     * HTML that {@link Markdown} rendered when the story was saved, read back from the store; null (a row not yet
     * rendered) reads as empty.
     */
    static RenderedHtml stored(String html) {
        return html == null || html.isEmpty() ? EMPTY : new RenderedHtml(html);
    }

    public String html() {
        return html;
    }

    /** Whole minutes a reader needs for this text; at least one. */
    public int readingMinutes() {
        String text = Jsoup.parse(html).text().strip();
        long words = text.isEmpty() ? 0 : text.split("\\s+").length;
        return (int) Math.max(1, Math.round((double) words / WORDS_PER_MINUTE));
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
