package news.gazette.search;

import java.util.List;

/**
 * What a reader typed, cleaned up: at most {@link #MAX_TERMS} distinct terms.
 *
 * @param text the query as typed, trimmed, for showing back to the reader
 * @param terms the searchable terms in it; empty when it held none (only punctuation or very common words)
 */
public record SearchQuery(String text, List<String> terms) {

    /** Longer queries are refused with a 400 rather than tokenised. */
    public static final int MAX_LENGTH = 200;

    /** More terms than this add little precision and a join each; the rest are ignored. */
    public static final int MAX_TERMS = 6;

    public SearchQuery {
        text = text == null ? "" : text.strip();
        terms = List.copyOf(terms);
    }

    /** Parses a query of at most {@link #MAX_LENGTH} characters. */
    public static SearchQuery parse(String raw) {
        String text = raw == null ? "" : raw.strip();
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("query longer than " + MAX_LENGTH);
        }
        return new SearchQuery(
                text, Terms.of(text).stream().distinct().limit(MAX_TERMS).toList());
    }

    public boolean isBlank() {
        return text.isEmpty();
    }
}
