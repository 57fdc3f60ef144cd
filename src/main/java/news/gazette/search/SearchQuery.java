package news.gazette.search;

import java.util.ArrayList;
import java.util.List;

/**
 * What a reader typed, split into what to look for: runs of loose words, and phrases in quotes that must appear in that
 * order. A quote left open runs to the end.
 *
 * @param text the query as typed, trimmed, for showing back to the reader
 * @param parts the phrases and runs of words, in the order typed; the runs' words are found by {@link StoryQuery}
 */
public record SearchQuery(String text, List<Part> parts) {

    /** Longer queries are refused with a 400 rather than analysed. */
    public static final int MAX_LENGTH = 200;

    /**
     * A phrase or a run of loose words.
     *
     * @param start where it begins in the query's text, so that a suggestion can replace one of its words
     */
    public record Part(String text, boolean phrase, int start) {}

    public SearchQuery {
        text = text == null ? "" : text.strip();
        parts = List.copyOf(parts);
    }

    /** The query before anything was typed. */
    public static SearchQuery none() {
        return new SearchQuery("", List.of());
    }

    /** Parses a query of at most {@link #MAX_LENGTH} characters. */
    public static SearchQuery parse(String raw) {
        String text = raw == null ? "" : raw.strip();
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("query longer than " + MAX_LENGTH);
        }
        List<Part> parts = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || isQuote(text.charAt(i))) {
                String piece = text.substring(start, i);
                if (!piece.isBlank()) {
                    parts.add(new Part(piece, quoted, start));
                }
                quoted = !quoted;
                start = i + 1;
            }
        }
        return new SearchQuery(text, parts);
    }

    public boolean isBlank() {
        return text.isEmpty();
    }

    /** Whether the reader may still be typing its last word: it is not inside a closed phrase. */
    boolean endsInLooseWord() {
        return !parts.isEmpty() && !parts.get(parts.size() - 1).phrase() && !isQuote(text.charAt(text.length() - 1));
    }

    private static boolean isQuote(char ch) {
        return ch == '"' || ch == '\u201c' || ch == '\u201d' || ch == '\u201e';
    }
}
