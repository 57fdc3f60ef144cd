package news.gazette.story;

import com.ibm.icu.text.Transliterator;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** The human-readable, URL-safe key of a story, tag or author: lowercase ASCII words joined by hyphens. */
public record Slug(String value) {

    public static final int MAX_LENGTH = 80;
    private static final Pattern VALID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^a-z0-9]+");
    private static final Pattern ASCII = Pattern.compile("\\p{ASCII}*");
    // ICU's own rules: any script to Latin (kana to romaji, Han to pinyin, Cyrillic, Greek, Arabic...), then Latin to
    // ASCII (ß to ss, æ to ae, ł to l). Transliterator instances are not documented as thread-safe, hence the lock.
    private static final Transliterator TO_ASCII = Transliterator.getInstance("Any-Latin; Latin-ASCII");

    public Slug {
        if (value == null
                || value.length() > MAX_LENGTH
                || !VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("not a slug: " + value);
        }
    }

    /** True when {@code candidate} is already a well-formed slug (so a request path can be looked up as is). */
    public static boolean isValid(String candidate) {
        return candidate != null
                && candidate.length() <= MAX_LENGTH
                && VALID.matcher(candidate).matches();
    }

    /**
     * Derives a slug from free text such as a headline: other scripts transliterated to Latin letters, accents
     * dropped, apostrophes removed so that "OpenAI's" becomes "openais", everything else that is not a letter or
     * digit becomes a hyphen, cut at a word boundary. Returns "story" for text with no letters or digits at all.
     */
    public static Slug from(String text) {
        String given = text == null ? "" : text;
        String latin = ASCII.matcher(given).matches() ? given : transliterate(given);
        String ascii = COMBINING_MARKS
                .matcher(Normalizer.normalize(latin, Normalizer.Form.NFKD))
                .replaceAll("");
        String lower = ascii.toLowerCase(Locale.ROOT).replace("'", "").replace("\u2019", "");
        String hyphenated = NOT_WORD.matcher(lower).replaceAll("-");
        String trimmed = trimHyphens(hyphenated);
        if (trimmed.length() > MAX_LENGTH) {
            int cut = trimmed.lastIndexOf('-', MAX_LENGTH);
            trimmed = trimHyphens(trimmed.substring(0, cut > 0 ? cut : MAX_LENGTH));
        }
        return new Slug(trimmed.isEmpty() ? "story" : trimmed);
    }

    private static String transliterate(String text) {
        synchronized (TO_ASCII) {
            return TO_ASCII.transliterate(text);
        }
    }

    private static String trimHyphens(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '-') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '-') {
            end--;
        }
        return s.substring(start, end);
    }

    @Override
    public String toString() {
        return value;
    }
}
