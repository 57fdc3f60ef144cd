package news.gazette.text;

/**
 * The one rule for text that enters Gazette (the editor's form, an import, the command line): no character that some
 * output format cannot carry. Control characters other than tab and newline are removed (XML 1.0 forbids them, HTML
 * calls them parse errors, and they are invisible anyway), as are C1 controls, unpaired surrogates (broken UTF-16,
 * which no encoder can write) and the non-characters U+FFFE and U+FFFF. Line ends become {@code \n}.
 *
 * <p>Applied where text enters, so that every stored value is safe for HTML, RSS, Atom, JSON Feed, sitemaps and
 * JSON-LD alike; the migration {@code V45} applied it once to what was stored before.
 */
public final class PlainText {

    private PlainText() {}

    /** Text that may span lines (a body, notes): tabs and newlines stay. */
    public static String multiline(String text) {
        return clean(text, false);
    }

    /** Text of one line (a headline, a tag, a name): tabs and line breaks become spaces. */
    public static String line(String text) {
        return clean(text, true);
    }

    /** Whether {@code text} is already what {@link #multiline} makes of it. */
    public static boolean isClean(String text) {
        return text == null || clean(text, false).equals(text);
    }

    private static String clean(String text, boolean oneLine) {
        if (text == null || isPlain(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char ch = text.charAt(i);
            if (Character.isHighSurrogate(ch) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(ch).append(text.charAt(++i));
            } else if (ch == '\r') {
                out.append(oneLine ? ' ' : '\n');
                if (i + 1 < length && text.charAt(i + 1) == '\n') {
                    i++;
                }
            } else if (ch == '\t' || ch == '\n') {
                out.append(oneLine ? ' ' : ch);
            } else if (!isForbidden(ch)) {
                out.append(ch);
            }
        }
        return out.toString();
    }

    /** True when nothing in {@code text} needs changing, whichever rule applies: the common case, without copying. */
    private static boolean isPlain(String text) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char ch = text.charAt(i);
            if (Character.isHighSurrogate(ch) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (ch < 0x20 || isForbidden(ch)) {
                return false;
            }
        }
        return true;
    }

    /** Characters no output keeps: controls (but tab and line ends, handled apart), lone surrogates, U+FFFE/U+FFFF. */
    private static boolean isForbidden(char ch) {
        return (ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r')
                || (ch >= 0x7F && ch <= 0x9F)
                || Character.isSurrogate(ch)
                || ch == '\uFFFE'
                || ch == '\uFFFF';
    }
}
