package news.gazette.story;

import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.core.HeadingParser;
import com.vladsch.flexmark.util.data.DataHolder;

/**
 * flexmark's own heading parser, asked only about lines that could be headings.
 *
 * <p>flexmark 0.64.8 tries its heading parser on every line of a paragraph that does not start with a letter, and the
 * parser rebuilds the whole paragraph's text before it even looks at the line. For a paragraph of N lines starting
 * with {@code |}, a quote mark or a digit (a table is one), that is N rebuilds of up to N lines: 3 kB of {@code " |"}
 * lines took 2.3 s, 6 kB more than 10 s. A line can only start a heading if, after its indent, it is an ATX opener
 * ({@code #} to {@code ######} then a space, a tab or the end) or a setext underline (only {@code =} or only
 * {@code -}, then spaces or tabs); those are the patterns flexmark matches with the options {@link Markdown} uses, so
 * every other line gets flexmark's own answer for it, "none", without the rebuild.
 *
 * <p>It extends flexmark's factory so that it inherits its place among the block parsers (after block quotes, before
 * fenced code, HTML, thematic breaks, lists and indented code); {@link Markdown} turns the original off.
 */
final class HeadingStartFilter extends HeadingParser.Factory {

    @Override
    public BlockParserFactory apply(DataHolder options) {
        BlockParserFactory headings = super.apply(options);
        return (state, matchedBlockParser) -> couldStartHeading(state.getLine(), state.getNextNonSpaceIndex())
                ? headings.tryStart(state, matchedBlockParser)
                : BlockStart.none();
    }

    static boolean couldStartHeading(CharSequence line, int start) {
        int end = line.length();
        while (end > start && isLineBreak(line.charAt(end - 1))) {
            end--;
        }
        if (start >= end) {
            return false;
        }
        char first = line.charAt(start);
        int i = start;
        while (i < end && line.charAt(i) == first) {
            i++;
        }
        if (first == '#') {
            return i - start <= 6 && (i == end || isSpaceOrTab(line.charAt(i)));
        }
        if (first == '=' || first == '-') {
            while (i < end && isSpaceOrTab(line.charAt(i))) {
                i++;
            }
            return i == end;
        }
        return false;
    }

    private static boolean isSpaceOrTab(char c) {
        return c == ' ' || c == '\t';
    }

    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r';
    }
}
