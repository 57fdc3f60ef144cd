package news.gazette.story;

/**
 * A linear scan of a body, before flexmark sees it, for the two shapes whose cost flexmark does not pay by reading
 * characters, so {@link MeteredText} alone could not stop them in time.
 *
 * <p><b>Nesting.</b> flexmark walks its tree recursively, so 1,000 {@code >} (or {@code "> - "} 600 times) overflowed
 * the stack, and every line re-matches every open container. A line opens containers only with markers ({@code >},
 * {@code -}, {@code +}, {@code *}, {@code 1.}, {@code 1)}) and stays inside a list only by indenting at least two
 * columns per level, so its markers plus half its other leading whitespace bound its depth.
 *
 * <p><b>Segments.</b> flexmark assembles a block's text from segments of the source: a line starting at column 0
 * extends the previous line's segment, but each line it strips a prefix from (quote markers, list or code
 * indentation) starts a new one, as does each tab, backslash escape or entity. Its segment builder grows its array one slot at a time, so a block of S segments costs S squared, before any
 * character is read: 20,000 lines of {@code " a"} took 1.8 s. Every block's segments come from those sources, so
 * counting them over the whole body bounds the biggest block, without guessing where flexmark's blocks end.
 */
final class MarkdownLimits {

    /** Deeper than any real story; far below where flexmark's recursion or its per-line cost hurts. */
    static final int MAX_NESTING = 32;

    /**
     * A block of this many segments allocates 4 x 12,000 squared bytes, 576 MB, in one go, about 60 ms, before
     * {@link MeteredText} can look at the allocation again; it stops a body that keeps assembling such blocks. A
     * 200 kB story with a quote, a nested list, a table and some code every 600 characters counts about 3,700.
     */
    static final int MAX_SEGMENT_SOURCES = 12_000;

    private static final int SEGMENTS_PER_INDENTED_LINE = 3;

    /** What the scan found; line numbers are 1-based. */
    record Shape(int deepest, int deepestLine, int prefixedLines, int escapes, int segmentSources) {}

    private MarkdownLimits() {}

    static void check(String markdown) {
        Shape shape = measure(markdown);
        if (shape.deepest() > MAX_NESTING) {
            throw MarkdownTooComplexException.nesting(MAX_NESTING, shape.deepestLine());
        }
        if (shape.segmentSources() > MAX_SEGMENT_SOURCES) {
            throw MarkdownTooComplexException.tooManyLines(shape.prefixedLines(), shape.escapes());
        }
    }

    static Shape measure(String text) {
        int deepest = 0;
        int deepestLine = 0;
        int sources = 0;
        int lineNumber = 0;
        int prefixedLines = 0;
        int escapes = 0;
        int start = 0;
        while (true) {
            lineNumber++;
            int end = start;
            while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            int depth = depth(text, start, end);
            if (depth > deepest) {
                deepest = depth;
                deepestLine = lineNumber;
            }
            // A line starting at column 0 continues the previous line's segment; one with a prefix to strip cannot.
            // Measured: a quoted line adds one segment, an indented one up to three (flexmark re-prefixes it).
            char first = start < end ? text.charAt(start) : '\n';
            int segments = first == '>' ? 1 : first == ' ' || first == '\t' ? SEGMENTS_PER_INDENTED_LINE : 0;
            if (segments > 0) {
                prefixedLines++;
            }
            int lineEscapes = escapesTabsAndEntities(text, start, end);
            escapes += lineEscapes;
            sources += segments + lineEscapes;
            if (end == text.length()) {
                return new Shape(deepest, deepestLine, prefixedLines, escapes, sources);
            }
            // Like flexmark: \n, \r and \r\n each end a line.
            boolean crlf = text.charAt(end) == '\r' && end + 1 < text.length() && text.charAt(end + 1) == '\n';
            start = end + (crlf ? 2 : 1);
        }
    }

    /** Container markers at the start of the line plus half the whitespace among them; 0 for a line with none. */
    private static int depth(String text, int start, int end) {
        int markers = 0;
        int whitespace = 0;
        int column = 0;
        int i = start;
        while (i < end) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t') {
                int width = c == '\t' ? 4 - column % 4 : 1;
                column += width;
                whitespace += width;
                i++;
                continue;
            }
            int markerEnd = markerEnd(text, i, end);
            if (markerEnd < 0) {
                break;
            }
            markers++;
            column += markerEnd - i;
            i = markerEnd;
            // One space or tab after a marker is part of the marker, not indentation.
            if (i < end && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                column += text.charAt(i) == '\t' ? 4 - column % 4 : 1;
                i++;
            }
        }
        return markers == 0 ? 0 : markers + whitespace / 2;
    }

    /** The end of a block quote or list marker at {@code i}, or -1 if there is none. */
    private static int markerEnd(String text, int i, int end) {
        char c = text.charAt(i);
        if (c == '>') {
            return i + 1;
        }
        int j = i;
        if (c == '-' || c == '+' || c == '*') {
            j = i + 1;
        } else {
            while (j < end && j - i < 10 && text.charAt(j) >= '0' && text.charAt(j) <= '9') {
                j++;
            }
            if (j == i || j - i > 9 || j == end || (text.charAt(j) != '.' && text.charAt(j) != ')')) {
                return -1;
            }
            j++;
        }
        return j == end || text.charAt(j) == ' ' || text.charAt(j) == '\t' ? j : -1;
    }

    private static int escapesTabsAndEntities(String text, int start, int end) {
        int count = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            char next = i + 1 < end ? text.charAt(i + 1) : ' ';
            if (c == '\t'
                    || (c == '\\' && isAsciiPunctuation(next))
                    || (c == '&' && (next == '#' || isAsciiLetter(next)))) {
                count++;
            }
        }
        return count;
    }

    private static boolean isAsciiPunctuation(char c) {
        return c > ' ' && c < 127 && !isAsciiLetter(c) && (c < '0' || c > '9');
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
