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
 * Turns a {@link SearchQuery} into Lucene queries. Every word and every phrase must match somewhere in the story; the
 * last word typed also matches as the start of a longer word (so that "Anthrop" finds "Anthropic"); stories whose time
 * has not come are left out.
 *
 * <p>Matching runs on one field holding all of a story's text ({@link StoryDocument#ALL}), so a query of common words
 * is one conjunction of term queries, which Lucene answers by skipping blocks that cannot reach the top results; a
 * conjunction of per-field disjunctions visited most of the archive for such words (p99 of 90 ms on 100,000 stories).
 * The field weights ({@link #WEIGHTS}) are optional clauses on the small fields, each adding what its field weighs
 * above the body: a word in the headline counts four times in all. The highlighter gets the same words as a query
 * over the fields it marks ({@link #marking}).
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
    // The fields that add to a match in the whole text, each by its weight above the body's.
    private static final List<String> WEIGHTED =
            List.of(StoryDocument.HEADLINE, StoryDocument.TAGS, StoryDocument.SUMMARY);
    private static final String[] MARKED = {StoryDocument.HEADLINE, StoryDocument.SUMMARY, StoryDocument.BODY};

    /** One analysed word: its term, where it falls in a phrase, and where it was typed. */
    record Token(String term, int position, int start, int end) {}

    private StoryQuery() {}

    /** The query that finds and ranks stories, or null when the text holds nothing searchable. */
    static Query of(SearchQuery query, Analyzer analyzer, Instant now) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        if (!build(query, analyzer, all, true)) {
            return null;
        }
        // Scheduled stories are indexed, and kept out until their time: few, so excluding them costs little.
        all.add(
                LongField.newRangeQuery(StoryDocument.PUBLISHED, now.toEpochMilli() + 1, Long.MAX_VALUE),
                Occur.MUST_NOT);
        return all.build();
    }

    /** The same words and phrases over the fields the highlighter marks, or null when there are none. */
    static Query marking(SearchQuery query, Analyzer analyzer) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        return build(query, analyzer, all, false) ? all.build() : null;
    }

    /** Adds the query's words and phrases to {@code all}; false when there were none. */
    private static boolean build(SearchQuery query, Analyzer analyzer, BooleanQuery.Builder all, boolean matching) {
        int words = 0;
        List<SearchQuery.Part> parts = query.parts();
        for (int p = 0; p < parts.size() && words < MAX_WORDS; p++) {
            SearchQuery.Part part = parts.get(p);
            List<Token> stems = tokens(analyzer, StoryDocument.BODY, part.text());
            if (stems.isEmpty()) {
                continue;
            }
            if (part.phrase() && stems.size() > 1) {
                if (matching) {
                    all.add(phrase(StoryDocument.ALL, stems), Occur.MUST);
                    WEIGHTED.forEach(field -> all.add(weighted(field, phrase(field, stems)), Occur.SHOULD));
                } else {
                    all.add(anyField(field -> phrase(field, stems)), Occur.MUST);
                }
                words++;
                continue;
            }
            List<Token> whole = tokens(analyzer, StoryDocument.WORDS, part.text());
            for (int i = 0; i < stems.size() && words < MAX_WORDS; i++, words++) {
                boolean typing = p == parts.size() - 1 && i == stems.size() - 1 && query.endsInLooseWord();
                String prefix = typing && whole.size() == stems.size()
                        ? prefixOf(whole.get(i).term())
                        : null;
                String term = stems.get(i).term();
                if (matching) {
                    all.add(word(new TermQuery(new Term(StoryDocument.ALL, term)), prefix), Occur.MUST);
                    WEIGHTED.forEach(field ->
                            all.add(weighted(field, new TermQuery(new Term(field, term))), Occur.SHOULD));
                } else {
                    all.add(word(anyField(field -> new TermQuery(new Term(field, term))), prefix), Occur.MUST);
                }
            }
        }
        return words > 0;
    }

    /** The word being typed as a prefix to match, or null when it is too short to mean anything. */
    private static String prefixOf(String typed) {
        return typed.codePointCount(0, typed.length()) >= MIN_PREFIX ? typed : null;
    }

    /** {@code query} in {@code field}, counted by how much more than the body that field weighs. */
    private static Query weighted(String field, Query query) {
        return new BoostQuery(query, WEIGHTS.get(field) - WEIGHTS.get(StoryDocument.BODY));
    }

    /** {@code query} for each field the highlighter marks: any of them. */
    private static Query anyField(java.util.function.Function<String, Query> query) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String field : MARKED) {
            any.add(query.apply(field), Occur.SHOULD);
        }
        return any.build();
    }

    /** {@code word}, or, while it is being typed, any word of the story that starts with {@code prefix}. */
    private static Query word(Query word, String prefix) {
        if (prefix == null) {
            return word;
        }
        return new BooleanQuery.Builder()
                .add(word, Occur.SHOULD)
                .add(
                        new BoostQuery(new PrefixQuery(new Term(StoryDocument.WORDS, prefix)), PREFIX_WEIGHT),
                        Occur.SHOULD)
                .build();
    }

    /** The words in this order (stop words keep their place) in {@code field}. */
    private static Query phrase(String field, List<Token> tokens) {
        PhraseQuery.Builder phrase = new PhraseQuery.Builder();
        int first = tokens.get(0).position();
        tokens.forEach(token -> phrase.add(new Term(field, token.term()), token.position() - first));
        return phrase.build();
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
}
