package news.gazette.search;

import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.similarities.BM25Similarity;

/**
 * BM25, with a word's rarity counted against every story in the archive rather than against the stories that have the
 * field. Lucene's default counts per field, so in a field few stories fill (tags, summaries on an archive that rarely
 * has them) every word looks common and its weight shrinks below a passing mention in a body: the field weights would
 * then say one thing and the ranking another.
 */
final class ArchiveSimilarity extends BM25Similarity {

    @Override
    public Explanation idfExplain(CollectionStatistics collection, TermStatistics term) {
        long stories = collection.maxDoc();
        float idf = idf(term.docFreq(), stories);
        return Explanation.match(
                idf,
                "idf over every story, log(1 + (N - n + 0.5) / (n + 0.5)) from:",
                Explanation.match(term.docFreq(), "n, stories with the term in this field"),
                Explanation.match(stories, "N, stories in the index"));
    }
}
