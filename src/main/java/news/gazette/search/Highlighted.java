package news.gazette.search;

import gg.jte.Content;
import gg.jte.TemplateOutput;

/**
 * Text with the words that matched a search wrapped in {@code <mark>}. The text is HTML-escaped here, character by
 * character, before any markup is added, and {@code <mark>} is the only markup ever added, so it is safe to output
 * without {@code $unsafe}; nothing else can create one.
 */
public final class Highlighted implements Content {

    private static final String ELLIPSIS = "\u2026";

    private final String html;

    private Highlighted(String html) {
        this.html = html;
    }

    /** {@code text} escaped, with nothing marked. */
    static Highlighted plain(String text) {
        return passage(text, 0, text.length(), new int[0], new int[0], Integer.MAX_VALUE);
    }

    /**
     * The passage {@code from}–{@code to} of {@code text} with the matches at {@code starts}/{@code ends} (offsets in
     * {@code text}, in order) marked. A passage longer than {@code maxChars} is cut to a window of about that size
     * around its first match, at word boundaries; an ellipsis stands where text was left out.
     */
    static Highlighted passage(String text, int from, int to, int[] starts, int[] ends, int maxChars) {
        int start = from;
        int end = to;
        if (end - start > maxChars) {
            int first = starts.length == 0 ? start : starts[0];
            start = wordStart(text, Math.max(start, first - maxChars / 4), from);
            end = wordEnd(text, Math.min(end, start + maxChars), to);
        }
        StringBuilder out = new StringBuilder(end - start + 32);
        if (start > 0) {
            out.append(ELLIPSIS).append(' ');
        }
        int at = start;
        for (int i = 0; i < starts.length; i++) {
            // Matches outside the window, or overlapping one already marked, stay plain.
            if (starts[i] < at || ends[i] > end) {
                continue;
            }
            escape(text, at, starts[i], out);
            out.append("<mark>");
            escape(text, starts[i], ends[i], out);
            out.append("</mark>");
            at = ends[i];
        }
        escape(text, at, end, out);
        String html = out.toString().strip();
        return new Highlighted(end < text.length() ? html + " " + ELLIPSIS : html);
    }

    public String html() {
        return html;
    }

    @Override
    public void writeTo(TemplateOutput output) {
        output.writeContent(html);
    }

    @Override
    public String toString() {
        return html;
    }

    private static int wordStart(String text, int index, int floor) {
        while (index > floor && !Character.isWhitespace(text.charAt(index - 1))) {
            index--;
        }
        return index;
    }

    private static int wordEnd(String text, int index, int ceiling) {
        while (index < ceiling && !Character.isWhitespace(text.charAt(index))) {
            index++;
        }
        return index;
    }

    private static void escape(String text, int from, int to, StringBuilder out) {
        for (int i = from; i < to; i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
    }
}
