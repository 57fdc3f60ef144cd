package news.gazette.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Turns a {@link SearchQuery} into a Lucene query. Every word and every phrase must match in at least one field, and
 * each field's match counts by its weight; the last word typed also matches as the start of a longer word (so that
 * "Anthrop" finds "Anthropic"); stories whose time has not come are left out.
 */
final class StoryQuery {

    /** Where a match counts most: the headline and the tags say what a story is about, the body only mentions. */
    static final Map<String, Float> WEIGHTS = Map.of(
            StoryDocument.HEADLINE, 4f,
            StoryDocument.TAGS, 3f,
            StoryDocument.SUMMARY, 1.5f,
            StoryDocument.BODY, 1f);

    // A prefix of one or two letters matches too much to mean anything.
    static final int MIN_PREFIX = 3;
    // A prefix match counts for less than the word itself in any field.
    private static final float PREFIX_WEIGHT = 0.5f;
    // More words than this add little precision and a clause each; the rest are ignored.
    static final int MAX_WORDS = 12;

    /** One analysed word: its term, where it falls in a phrase, and where it was typed. */
    record Token(String term, int position, int start, int end) {}

    private StoryQuery() {}

    /** The query, or null when the text holds nothing searchable (only punctuation or stop words). */
    static Query of(SearchQuery query, Analyzer analyzer, Instant now) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        int words = 0;
        List<SearchQuery.Part> parts = query.parts();
        for (int p = 0; p < parts.size() && words < MAX_WORDS; p++) {
            SearchQuery.Part part = parts.get(p);
            List<Token> stems = tokens(analyzer, StoryDocument.BODY, part.text());
            if (stems.isEmpty()) {
                continue;
            }
            if (part.phrase() && stems.size() > 1) {
                all.add(phrase(stems), Occur.MUST);
                words++;
                continue;
            }
            List<Token> whole = tokens(analyzer, StoryDocument.WORDS, part.text());
            for (int i = 0; i < stems.size() && words < MAX_WORDS; i++, words++) {
                boolean typing = p == parts.size() - 1 && i == stems.size() - 1 && query.endsInLooseWord();
                String prefix =
                        typing && whole.size() == stems.size() ? whole.get(i).term() : null;
                all.add(word(stems.get(i).term(), prefix), Occur.MUST);
            }
        }
        if (words == 0) {
            return null;
        }
        // Scheduled stories are indexed, and kept out until their time: few, so excluding them costs little.
        all.add(
                LongField.newRangeQuery(StoryDocument.PUBLISHED, now.toEpochMilli() + 1, Long.MAX_VALUE),
                Occur.MUST_NOT);
        return all.build();
    }

    /** The terms {@code analyzer} makes of {@code text} for {@code field}, with positions and offsets. */
    static List<Token> tokens(Analyzer analyzer, String field, String text) {
        List<Token> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            int position = -1;
            while (stream.incrementToken()) {
                position += increment.getPositionIncrement();
                tokens.add(new Token(term.toString(), position, offset.startOffset(), offset.endOffset()));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader does not fail
        }
        return tokens;
    }

    /** {@code term} in any field, by weight; or, while it is being typed, any word of the story that starts with it. */
    private static Query word(String term, String prefix) {
        BooleanQuery.Builder anyField = new BooleanQuery.Builder();
        WEIGHTS.forEach((field, weight) ->
                anyField.add(new BoostQuery(new TermQuery(new Term(field, term)), weight), Occur.SHOULD));
        if (prefix != null && prefix.codePointCount(0, prefix.length()) >= MIN_PREFIX) {
            anyField.add(
                    new BoostQuery(new PrefixQuery(new Term(StoryDocument.WORDS, prefix)), PREFIX_WEIGHT),
                    Occur.SHOULD);
        }
        return anyField.build();
    }

    /** The words in this order (stop words keep their place) in any one field, by weight. */
    private static Query phrase(List<Token> tokens) {
        BooleanQuery.Builder anyField = new BooleanQuery.Builder();
        WEIGHTS.forEach((field, weight) -> {
            PhraseQuery.Builder phrase = new PhraseQuery.Builder();
            int first = tokens.get(0).position();
            tokens.forEach(token -> phrase.add(new Term(field, token.term()), token.position() - first));
            anyField.add(new BoostQuery(phrase.build(), weight), Occur.SHOULD);
        });
        return anyField.build();
    }
}
