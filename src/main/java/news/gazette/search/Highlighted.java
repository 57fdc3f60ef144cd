package news.gazette.search;

import gg.jte.Content;
import gg.jte.TemplateOutput;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Text with the words that matched a search wrapped in {@code <mark>}. The text is HTML-escaped here, word by word,
 * before any markup is added, so it is safe to output without {@code $unsafe}; nothing else can create one.
 */
public final class Highlighted implements Content {

    private final String html;

    private Highlighted(String html) {
        this.html = html;
    }

    /** The whole of {@code text}, with every word whose term is in {@code terms} marked. */
    public static Highlighted of(String text, Set<String> terms) {
        StringBuilder out = new StringBuilder(text.length() + 32);
        Matcher words = Terms.WORD.matcher(text);
        int at = 0;
        while (words.find()) {
            if (terms.contains(Terms.normalise(words.group()))) {
                escape(text, at, words.start(), out);
                out.append("<mark>");
                escape(text, words.start(), words.end(), out);
                out.append("</mark>");
                at = words.end();
            }
        }
        escape(text, at, text.length(), out);
        return new Highlighted(out.toString());
    }

    /**
     * A window of about {@code maxChars} characters of {@code text} where the most different query terms appear
     * together (the earliest such window), cut at word boundaries, with ellipses where text was left out, and the
     * matches marked.
     */
    public static Highlighted snippet(String text, Set<String> terms, int maxChars) {
        if (text.length() <= maxChars) {
            return of(text, terms);
        }
        List<Integer> positions = new ArrayList<>();
        List<String> matched = new ArrayList<>();
        Matcher words = Terms.WORD.matcher(text);
        while (words.find()) {
            String term = Terms.normalise(words.group());
            if (terms.contains(term)) {
                positions.add(words.start());
                matched.add(term);
            }
        }
        Map<String, Integer> occurrences = new HashMap<>();
        matched.forEach(term -> occurrences.merge(term, 1, Integer::sum));
        // Most different terms first; among equals, the window holding the rarest term, which says most about why
        // the story matched.
        int best = -1;
        int bestCount = 0;
        int bestRarity = Integer.MAX_VALUE;
        for (int i = 0; i < positions.size(); i++) {
            Set<String> inWindow = new HashSet<>();
            for (int j = i; j < positions.size() && positions.get(j) - positions.get(i) < maxChars * 2 / 3; j++) {
                inWindow.add(matched.get(j));
            }
            int rarity = inWindow.stream().mapToInt(occurrences::get).min().orElse(Integer.MAX_VALUE);
            if (inWindow.size() > bestCount || (inWindow.size() == bestCount && rarity < bestRarity)) {
                best = positions.get(i);
                bestCount = inWindow.size();
                bestRarity = rarity;
            }
        }
        int start = best < 0 ? 0 : Math.max(0, best - maxChars / 4);
        int end = Math.min(text.length(), start + maxChars);
        start = wordStart(text, start);
        end = wordEnd(text, end);
        String window = (start > 0 ? "\u2026 " : "")
                + text.substring(start, end).strip()
                + (end < text.length() ? " \u2026" : "");
        return of(window, terms);
    }

    /** True when {@code text} holds at least one of {@code terms}. */
    static boolean mentions(String text, Set<String> terms) {
        Matcher words = Terms.WORD.matcher(text);
        while (words.find()) {
            if (terms.contains(Terms.normalise(words.group()))) {
                return true;
            }
        }
        return false;
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

    private static int wordStart(String text, int index) {
        while (index > 0 && !Character.isWhitespace(text.charAt(index - 1))) {
            index--;
        }
        return index;
    }

    private static int wordEnd(String text, int index) {
        while (index < text.length() && !Character.isWhitespace(text.charAt(index))) {
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
