package news.gazette.story;

import java.text.NumberFormat;
import java.util.Locale;

/**
 * Thrown by {@link Markdown#render(String)} for a body it refuses to format because formatting it would cost more
 * than a story is allowed to: nesting too deep, too many indented or quoted lines, too many pieces or links, or markup
 * too tangled. {@link #getMessage()} is written for the editor who typed the body, so a form can show it next to the
 * field as it is; nothing about the body itself is lost, the caller still has the text.
 */
public final class MarkdownTooComplexException extends RuntimeException {

    /** Why the body was refused, for logs and tests; the message already says it in words. */
    public enum Reason {
        /**
         * Quotes or lists nested deeper than {@link MarkdownLimits#MAX_NESTING}, or emphasis and links deeper than
         * {@link InlineNestingCheck#MAX_INLINE_NESTING}.
         */
        NESTING,
        /** More indented or quoted lines, tabs, escapes and entities than {@link MarkdownLimits#MAX_SEGMENT_SOURCES}. */
        TOO_MANY_LINES,
        /** Markup (brackets, emphasis, backticks, entities...) that takes too many reads to resolve. */
        TANGLED_MARKUP,
        /**
         * So many nodes, or such long quoted, listed or indented blocks, that building them allocates too much; or
         * more links and images than {@link Markdown#MAX_LINKS}.
         */
        TOO_MANY_PIECES,
        /** One construct (a link title, an HTML comment or tag, a line of symbols) too long to match. */
        LONG_CONSTRUCT
    }

    private final Reason reason;
    private long reads = -1;
    private long allocatedBytes = -1;

    private MarkdownTooComplexException(Reason reason, String message) {
        // No stack trace: this is an answer to the editor, not a fault to debug.
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** Characters flexmark had read when the render was refused; -1 if it was refused before flexmark ran. */
    long reads() {
        return reads;
    }

    /** Bytes the render had allocated when it was refused; -1 if refused before flexmark ran or unknown. */
    long allocatedBytes() {
        return allocatedBytes;
    }

    MarkdownTooComplexException afterWork(MeteredText text) {
        this.reads = text.reads();
        this.allocatedBytes = text.allocatedBytes();
        return this;
    }

    static MarkdownTooComplexException nesting(int limit, int line) {
        return new MarkdownTooComplexException(
                Reason.NESTING,
                "The body nests quotes or lists more than " + limit + " levels deep (on line " + number(line)
                        + "). Flatten some of that nesting so the story can be formatted.");
    }

    static MarkdownTooComplexException inlineNesting(int limit, int line) {
        return new MarkdownTooComplexException(
                Reason.NESTING,
                "The body nests emphasis, strikethrough or links more than " + limit + " levels deep (on line "
                        + number(line) + "). Remove some of the * _ ~ or [ ] markers there.");
    }

    static MarkdownTooComplexException tooManyLines(int prefixedLines, int escapes) {
        String lines = number(prefixedLines) + " indented or quoted lines";
        String others = number(escapes) + " tabs, \\ escapes and &-entities";
        String what = prefixedLines == 0 ? others : escapes == 0 ? lines : lines + " and " + others;
        return new MarkdownTooComplexException(
                Reason.TOO_MANY_LINES,
                "The body is too long to format: it has " + what + ", more than one story can hold. Split it into"
                        + " more than one story, or remove indentation, escapes and entities that are not needed.");
    }

    static MarkdownTooComplexException tangledMarkup() {
        return new MarkdownTooComplexException(
                Reason.TANGLED_MARKUP,
                "The body is too complex to format: it has too much unmatched or tangled markup, such as long runs"
                        + " of [ ( * _ ` & < | characters. Remove or escape (with \\) the ones that are not meant"
                        + " as formatting.");
    }

    static MarkdownTooComplexException tooManyPieces() {
        return new MarkdownTooComplexException(
                Reason.TOO_MANY_PIECES,
                "The body is too complex to format: it has too many pieces for one story (lines in one quote, list"
                        + " or code block, list items, table cells, headings or links). Split it into more than one"
                        + " story, or break up its longest quote, list, table or code block.");
    }

    static MarkdownTooComplexException tooManyLinks(int links, int limit) {
        return new MarkdownTooComplexException(
                Reason.TOO_MANY_PIECES,
                "The body is too complex to format: it has " + number(links) + " links and images (counting web and"
                        + " email addresses), and one story may have at most " + number(limit)
                        + ". Split it into more than one story.");
    }

    static MarkdownTooComplexException longConstruct() {
        return new MarkdownTooComplexException(
                Reason.LONG_CONSTRUCT,
                "The body is too complex to format: one piece of markup is too long, such as a link title, an"
                        + " HTML comment or tag, or a line of * - _ symbols. Shorten or split it.");
    }

    private static String number(int value) {
        return NumberFormat.getIntegerInstance(Locale.ENGLISH).format(value);
    }
}
