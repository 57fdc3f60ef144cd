package news.gazette.search;

import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.ca.CatalanAnalyzer;
import org.apache.lucene.analysis.da.DanishAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.et.EstonianAnalyzer;
import org.apache.lucene.analysis.eu.BasqueAnalyzer;
import org.apache.lucene.analysis.fi.FinnishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.hi.HindiAnalyzer;
import org.apache.lucene.analysis.hu.HungarianAnalyzer;
import org.apache.lucene.analysis.hy.ArmenianAnalyzer;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.icu.ICUNormalizer2Filter;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;
import org.apache.lucene.analysis.id.IndonesianAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.lt.LithuanianAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.ne.NepaliAnalyzer;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.no.NorwegianAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.ro.RomanianAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.sr.SerbianAnalyzer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;
import org.apache.lucene.analysis.ta.TamilAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.analysis.tr.TurkishAnalyzer;

/**
 * How text becomes search terms, the same for stories and for queries. Every field is split into words by ICU (Unicode
 * word boundaries, with dictionaries for Chinese, Japanese, Thai and the like, so a word inside a sentence of those
 * scripts is a term of its own) and folded (case, accents, width, {@code ß} to {@code ss}). The text fields are also
 * stemmed and stripped of stop words for the site's language; {@link StoryDocument#WORDS} keeps whole words, for
 * prefixes and spelling suggestions.
 */
final class SearchAnalysis {

    /** A Snowball stemmer and the stop words of one language. */
    private record Language(String stemmer, Supplier<CharArraySet> stopWords) {}

    private static final Map<String, Language> LANGUAGES = Map.ofEntries(
            Map.entry("ar", new Language("Arabic", ArabicAnalyzer::getDefaultStopSet)),
            Map.entry("ca", new Language("Catalan", CatalanAnalyzer::getDefaultStopSet)),
            Map.entry("da", new Language("Danish", DanishAnalyzer::getDefaultStopSet)),
            Map.entry("de", new Language("German", GermanAnalyzer::getDefaultStopSet)),
            Map.entry("en", new Language("English", () -> EnglishAnalyzer.ENGLISH_STOP_WORDS_SET)),
            Map.entry("es", new Language("Spanish", SpanishAnalyzer::getDefaultStopSet)),
            Map.entry("et", new Language("Estonian", EstonianAnalyzer::getDefaultStopSet)),
            Map.entry("eu", new Language("Basque", BasqueAnalyzer::getDefaultStopSet)),
            Map.entry("fi", new Language("Finnish", FinnishAnalyzer::getDefaultStopSet)),
            Map.entry("fr", new Language("French", FrenchAnalyzer::getDefaultStopSet)),
            Map.entry("hi", new Language("Hindi", HindiAnalyzer::getDefaultStopSet)),
            Map.entry("hu", new Language("Hungarian", HungarianAnalyzer::getDefaultStopSet)),
            Map.entry("hy", new Language("Armenian", ArmenianAnalyzer::getDefaultStopSet)),
            Map.entry("id", new Language("Indonesian", IndonesianAnalyzer::getDefaultStopSet)),
            Map.entry("it", new Language("Italian", ItalianAnalyzer::getDefaultStopSet)),
            Map.entry("lt", new Language("Lithuanian", LithuanianAnalyzer::getDefaultStopSet)),
            Map.entry("nb", new Language("Norwegian", NorwegianAnalyzer::getDefaultStopSet)),
            Map.entry("ne", new Language("Nepali", NepaliAnalyzer::getDefaultStopSet)),
            Map.entry("nl", new Language("Dutch", DutchAnalyzer::getDefaultStopSet)),
            Map.entry("nn", new Language("Norwegian", NorwegianAnalyzer::getDefaultStopSet)),
            Map.entry("no", new Language("Norwegian", NorwegianAnalyzer::getDefaultStopSet)),
            Map.entry("pt", new Language("Portuguese", PortugueseAnalyzer::getDefaultStopSet)),
            Map.entry("ro", new Language("Romanian", RomanianAnalyzer::getDefaultStopSet)),
            Map.entry("ru", new Language("Russian", RussianAnalyzer::getDefaultStopSet)),
            Map.entry("sr", new Language("Serbian", SerbianAnalyzer::getDefaultStopSet)),
            Map.entry("sv", new Language("Swedish", SwedishAnalyzer::getDefaultStopSet)),
            Map.entry("ta", new Language("Tamil", TamilAnalyzer::getDefaultStopSet)),
            Map.entry("tr", new Language("Turkish", TurkishAnalyzer::getDefaultStopSet)));

    private static final int VALUE_GAP = 100;

    private SearchAnalysis() {}

    /** The primary subtag of a BCP 47 tag ({@code en-GB} is {@code en}), lower case. */
    static String primaryLanguage(String tag) {
        String lower = tag == null ? "" : tag.strip().toLowerCase(Locale.ROOT);
        int dash = lower.indexOf('-');
        return dash < 0 ? lower : lower.substring(0, dash);
    }

    /** Whether the site's language has a stemmer; a language without one is searched by whole, folded words. */
    static boolean stems(String languageTag) {
        return LANGUAGES.containsKey(primaryLanguage(languageTag));
    }

    /** The analyzer of every field, for the site's language {@code languageTag}. */
    static Analyzer forLanguage(String languageTag) {
        Language language = LANGUAGES.get(primaryLanguage(languageTag));
        Analyzer words = new FoldedWords(
                language == null ? CharArraySet.EMPTY_SET : language.stopWords().get(), null);
        Analyzer stemmed =
                language == null ? words : new FoldedWords(language.stopWords().get(), language.stemmer());
        return new PerFieldAnalyzerWrapper(stemmed, Map.of(StoryDocument.WORDS, words));
    }

    /**
     * ICU words, lower-cased and normalised, stop words out, stemmed when a stemmer is named, then folded. Stemming
     * comes before the accents are folded because the Snowball stemmers read accents ({@code é} ends French words).
     */
    private static final class FoldedWords extends Analyzer {
        private final CharArraySet stopWords;
        private final String stemmer;

        FoldedWords(CharArraySet stopWords, String stemmer) {
            this.stopWords = stopWords;
            this.stemmer = stemmer;
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer words = new ICUTokenizer();
            // NFKC with case folding: lower case, full-width letters narrowed, ß as ss, accents still on.
            TokenStream stream = new ICUNormalizer2Filter(words);
            stream = new SingleLetterFilter(stream);
            if (!stopWords.isEmpty()) {
                stream = new StopFilter(stream, stopWords);
            }
            if (stemmer != null) {
                stream = new SnowballFilter(stream, stemmer);
            }
            return new TokenStreamComponents(words, new ICUFoldingFilter(stream));
        }

        // The values of one field (headline, summary, tags, body in StoryDocument.ALL) are far apart, so a phrase
        // never runs from the end of one into the start of the next.
        @Override
        public int getPositionIncrementGap(String fieldName) {
            return VALUE_GAP;
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new ICUFoldingFilter(in);
        }
    }

    /**
     * Drops single Latin-like letters and digits ("a", "1"), which match half the archive and say nothing, while a
     * single Chinese or Japanese character is often a whole word and stays.
     */
    private static final class SingleLetterFilter extends FilteringTokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final TypeAttribute type = addAttribute(TypeAttribute.class);

        SingleLetterFilter(TokenStream in) {
            super(in);
        }

        @Override
        protected boolean accept() {
            if (Character.codePointCount(term, 0, term.length()) > 1) {
                return true;
            }
            String kind = type.type();
            return !(kind.equals("<ALPHANUM>") || kind.equals("<NUM>"));
        }
    }
}
