package news.gazette.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How text becomes search terms, the same way for stories being indexed, for queries and for highlighting: words of
 * letters and digits, lower-cased, accents folded, with the commonest English words left out so that no term's list of
 * stories grows to the whole archive.
 */
public final class Terms {

    /** Longer words are cut to this; the column holds 64 characters. */
    static final int MAX_TERM_LENGTH = 64;

    static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private static final Set<String> STOP_WORDS = Set.of(
            "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "has", "have", "he", "her", "his",
            "if", "in", "into", "is", "it", "its", "of", "on", "or", "our", "she", "so", "that", "the", "their", "them",
            "then", "there", "these", "they", "this", "to", "was", "we", "were", "which", "who", "will", "with", "you");

    private Terms() {}

    /** The terms of {@code text} in order, repeats kept. */
    public static List<String> of(String text) {
        List<String> terms = new ArrayList<>();
        if (text == null) {
            return terms;
        }
        Matcher words = WORD.matcher(text);
        while (words.find()) {
            String term = normalise(words.group());
            if (isSearchable(term)) {
                terms.add(term);
            }
        }
        return terms;
    }

    /** The form a single word is indexed under; may be a stop word or too short to index. */
    static String normalise(String word) {
        String folded = MARKS.matcher(Normalizer.normalize(word, Normalizer.Form.NFD))
                .replaceAll("")
                .toLowerCase(Locale.ROOT);
        return folded.length() > MAX_TERM_LENGTH ? folded.substring(0, MAX_TERM_LENGTH) : folded;
    }

    static boolean isSearchable(String term) {
        return term.length() >= 2 && !STOP_WORDS.contains(term);
    }
}
