package news.gazette.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import news.gazette.story.PageOf;
import news.gazette.story.StoryCard;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;

/**
 * Finds stories in this instance's {@link SearchIndex}: best match first, newer first among equal matches. Everything
 * a results page shows comes from the index's stored fields, so a search holds no database connection.
 */
public final class StorySearch {

    private static final Sort RANKING = new Sort(
            SortField.FIELD_SCORE,
            LongField.newSortField(StoryDocument.PUBLISHED, true, SortedNumericSelector.Type.MAX));

    /**
     * Matches are counted exactly up to this many (or one past the page asked for, if further); beyond it the count is
     * a lower bound, which lets Lucene skip the stories that cannot make the page. Counting every match of two words
     * common to most of a 100,000-story archive scored all of them: tens of milliseconds per search.
     */
    static final int COUNTED_EXACTLY = 1_000;

    private final SearchIndex index;

    public StorySearch(SearchIndex index) {
        this.index = index;
    }

    /** Stories readers may see at {@code now} that match every word and phrase; {@code page} is 1-based. */
    public PageOf<SearchResult> search(SearchQuery query, int page, int size, Instant now) {
        Query lucene = StoryQuery.of(query, index.analyzer(), now);
        if (lucene == null) {
            return new PageOf<>(List.of(), page, size, 0);
        }
        try {
            return index.withSearcher(searcher -> {
                TopFieldDocs top = searcher.search(
                        lucene, new TopFieldCollectorManager(RANKING, page * size, countedUpTo(page, size)));
                int from = Math.min((page - 1) * size, top.scoreDocs.length);
                ScoreDoc[] hits = java.util.Arrays.copyOfRange(top.scoreDocs, from, top.scoreDocs.length);
                int[] docIds = new int[hits.length];
                for (int i = 0; i < hits.length; i++) {
                    docIds[i] = hits[i].doc;
                }
                Snippets.Marked[] marked = new Snippets(searcher, index.analyzer())
                        .mark(StoryQuery.marking(query, index.analyzer()), docIds);
                List<SearchResult> results = new ArrayList<>();
                for (int i = 0; i < hits.length; i++) {
                    Document doc = searcher.storedFields().document(docIds[i]);
                    results.add(result(doc, marked[i], ((Float) ((FieldDoc) hits[i]).fields[0])));
                }
                long total = top.totalHits.relation == TotalHits.Relation.EQUAL_TO
                        ? top.totalHits.value
                        : Math.max(top.totalHits.value, countedUpTo(page, size));
                return new PageOf<>(results, page, size, total);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How far page {@code page} counts the matches exactly: a total this large is "this many or more". */
    public static int countedUpTo(int page, int size) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(COUNTED_EXACTLY, (long) page * size + 1));
    }

    /**
     * The query with its misspelt words replaced by the likeliest word of the archive, when that finds more than the
     * {@code found} stories the query itself found; empty otherwise.
     */
    public Optional<String> suggestion(SearchQuery query, long found, Instant now) {
        try {
            return index.withSearcher(searcher -> {
                IndexReader reader = searcher.getIndexReader();
                // Made per call: small, and its thread safety is not documented.
                DirectSpellChecker spelling = new DirectSpellChecker();
                StringBuilder corrected = new StringBuilder(query.text());
                boolean changed = false;
                List<SearchQuery.Part> parts = query.parts();
                // From the end, so that replacing a word leaves the offsets of the earlier ones as they were.
                for (int p = parts.size() - 1; p >= 0; p--) {
                    SearchQuery.Part part = parts.get(p);
                    if (part.phrase()) {
                        continue;
                    }
                    List<StoryQuery.Token> words =
                            StoryQuery.tokens(index.analyzer(), StoryDocument.WORDS, part.text());
                    for (int i = words.size() - 1; i >= 0; i--) {
                        StoryQuery.Token word = words.get(i);
                        boolean typing = p == parts.size() - 1 && i == words.size() - 1 && query.endsInLooseWord();
                        Term term = new Term(StoryDocument.WORDS, word.term());
                        if (reader.docFreq(term) > 0 || (typing && startsAnyWord(reader, word.term()))) {
                            continue;
                        }
                        SuggestWord[] similar =
                                spelling.suggestSimilar(term, 1, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
                        if (similar.length > 0) {
                            corrected.replace(
                                    part.start() + word.start(), part.start() + word.end(), similar[0].string);
                            changed = true;
                        }
                    }
                }
                if (!changed) {
                    return Optional.<String>empty();
                }
                String text = corrected.toString();
                Query better = StoryQuery.of(SearchQuery.parse(text), index.analyzer(), now);
                return better != null && searcher.count(better) > found ? Optional.of(text) : Optional.<String>empty();
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean startsAnyWord(IndexReader reader, String prefix) throws IOException {
        Terms terms = MultiTerms.getTerms(reader, StoryDocument.WORDS);
        if (terms == null) {
            return false;
        }
        TermsEnum words = terms.iterator();
        BytesRef start = new BytesRef(prefix);
        return words.seekCeil(start) != TermsEnum.SeekStatus.END && StringHelper.startsWith(words.term(), start);
    }

    private static SearchResult result(Document doc, Snippets.Marked marked, float score) {
        StoryCard card = StoryDocument.card(doc);
        Highlighted headline = marked.headline() != null ? marked.headline() : Highlighted.plain(card.headline());
        // The body shows the matches in context; when only the headline, summary or tags matched, the summary explains
        // the story best.
        Highlighted snippet = marked.body();
        if (snippet == null) {
            snippet = !card.summary().isBlank() && marked.summary() != null
                    ? marked.summary()
                    : Highlighted.plain(leadOf(doc.get(StoryDocument.BODY)));
        }
        return new SearchResult(card, headline, snippet, score);
    }

    private static String leadOf(String body) {
        String text = body == null ? "" : body.strip();
        return text.length() <= Snippets.SNIPPET_CHARS ? text : text.substring(0, Snippets.SNIPPET_CHARS) + "\u2026";
    }
}
