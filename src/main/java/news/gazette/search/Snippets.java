package news.gazette.search;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.Locale;
import java.util.function.Predicate;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;

/**
 * Lucene's unified highlighter over the stored headline, summary and body, with each passage made into a
 * {@link Highlighted} (escaped text, only {@code <mark>} added). The body gives the best passage of about
 * {@value #SNIPPET_CHARS} characters; headline and summary are highlighted whole. It re-analyses the stored text with
 * the index's analyzer, so a stem marks every form of a word ("revoke" marks "revoked"), and a phrase is marked only
 * where the whole phrase stands.
 */
final class Snippets extends UnifiedHighlighter {

    static final int SNIPPET_CHARS = 240;
    // A passage is grown to whole sentences near the goal; one long sentence is cut to a window of this much.
    private static final int MAX_SNIPPET_CHARS = 320;
    private static final String[] FIELDS = {StoryDocument.HEADLINE, StoryDocument.SUMMARY, StoryDocument.BODY};

    /** The marked headline, summary and body passage of one story; body is null when the body did not match. */
    record Marked(Highlighted headline, Highlighted summary, Highlighted body) {}

    Snippets(IndexSearcher searcher, Analyzer analyzer) {
        super(UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new ToHighlighted())
                .withHighlightPhrasesStrictly(true)
                .withHandleMultiTermQuery(true)
                .withMaxLength(StoryDocument.STORED_BODY_CHARS));
    }

    /** The marked fields of each of {@code docIds}, in that order. */
    Marked[] mark(Query query, int[] docIds) throws IOException {
        var fields = highlightFieldsAsObjects(FIELDS, query, docIds, new int[] {1, 1, 1});
        Marked[] marked = new Marked[docIds.length];
        for (int i = 0; i < docIds.length; i++) {
            marked[i] = new Marked(
                    (Highlighted) fields.get(StoryDocument.HEADLINE)[i],
                    (Highlighted) fields.get(StoryDocument.SUMMARY)[i],
                    (Highlighted) fields.get(StoryDocument.BODY)[i]);
        }
        return marked;
    }

    @Override
    protected BreakIterator getBreakIterator(String field) {
        return field.equals(StoryDocument.BODY)
                ? LengthGoalBreakIterator.createClosestToLength(
                        BreakIterator.getSentenceInstance(Locale.ROOT), SNIPPET_CHARS, 0.25f)
                : new WholeBreakIterator();
    }

    @Override
    protected int getMaxNoHighlightPassages(String field) {
        // An unmatched headline or summary is shown as it is; an unmatched body gives way to the summary.
        return field.equals(StoryDocument.BODY) ? 0 : 1;
    }

    @Override
    protected Predicate<String> getFieldMatcher(String field) {
        // The last word's prefix is asked of the unstemmed field; its matches are marked in the text fields too.
        return name -> name.equals(field) || name.equals(StoryDocument.WORDS);
    }

    /** Passages become {@link Highlighted}: the formatter is the one place their text meets markup. */
    private static final class ToHighlighted extends PassageFormatter {
        @Override
        public Object format(Passage[] passages, String content) {
            if (passages.length == 0) {
                return null;
            }
            Passage passage = passages[0];
            int matches = passage.getNumMatches();
            int[] starts = java.util.Arrays.copyOf(passage.getMatchStarts(), matches);
            int[] ends = java.util.Arrays.copyOf(passage.getMatchEnds(), matches);
            return Highlighted.passage(
                    content, passage.getStartOffset(), passage.getEndOffset(), starts, ends, MAX_SNIPPET_CHARS);
        }
    }
}
