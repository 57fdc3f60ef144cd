package news.gazette.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.stream.Stream;
import news.gazette.MovableClock;
import news.gazette.TestDatabases;
import news.gazette.story.StoryStatus;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What readers can find, on a site whose stories were saved through the newsroom while it ran. {@link
 * SearchBehaviourAfterRestartTest} asks the same of a new app started on the same database and index folder.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag(TestDatabases.BOTH)
class SearchBehaviourTest {

    static final String LAUNCH = SearchPagesTest.LAUNCH_PATH;
    // A minute ahead: the launch story is published when the database is created, a moment after this.
    final Instant now = Instant.now().plus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
    final MovableClock clock = new MovableClock(now);
    Path folder;
    SearchSite site;

    @BeforeAll
    void arrange() throws IOException {
        folder = Files.createTempDirectory("gazette-search-");
        site = SearchSite.start(folder, clock);
        Instant hourAgo = now.minus(1, ChronoUnit.HOURS);
        site.save("Cold fusion lab opens", "The cold fusion lab in Utah reopened.", StoryStatus.PUBLISHED, hourAgo);
        site.save("Lab exodus", "Fusion researchers left the cold lab early.", StoryStatus.PUBLISHED, hourAgo);
        site.save("Quantum computers get faster", "A quantum leap.", StoryStatus.PUBLISHED, hourAgo);
        site.save("Tokyo conference", "昨日東京で会議がありました。", StoryStatus.PUBLISHED, hourAgo);
        site.save("Summer in Berlin", "Die Straßenfeste in Berlin sind beliebt.", StoryStatus.PUBLISHED, hourAgo);
        // Field weights: each mentions the word in one place only; the body-only one is the newest.
        site.save("Zeppelin over the city", "It flew.", StoryStatus.PUBLISHED, now.minus(4, ChronoUnit.DAYS));
        site.save("City news", "It flew.", StoryStatus.PUBLISHED, now.minus(3, ChronoUnit.DAYS), "Zeppelin");
        site.save(
                "Skyline",
                "A zeppelin was seen.",
                "It flew.",
                StoryStatus.PUBLISHED,
                now.minus(2, ChronoUnit.DAYS),
                "");
        site.save("Weather", "A zeppelin flew.", StoryStatus.PUBLISHED, now.minus(1, ChronoUnit.DAYS));
        // Equal matches: the newer one was saved first, so only the time can put it first.
        site.save("Harbour weekly", "Ships came in.", StoryStatus.PUBLISHED, now.minus(1, ChronoUnit.DAYS));
        site.save("Harbour daily", "Ships came in.", StoryStatus.PUBLISHED, now.minus(3, ChronoUnit.DAYS));
        site.save(
                "Orchard visit",
                "A report from the search desk.",
                "Apples everywhere.",
                StoryStatus.PUBLISHED,
                hourAgo,
                "Source asked about wolfram, keep quiet");
        site.save("Marmalade plans", "Marmalade is coming.", StoryStatus.DRAFT, null);
        long trashed = site.save("Gondola trashed", "Gondola ride.", StoryStatus.PUBLISHED, hourAgo);
        site.trash(trashed);
        long unpublished = site.save("Gondola pulled", "Gondola ride.", StoryStatus.PUBLISHED, hourAgo);
        site.edit(
                unpublished,
                draft -> new news.gazette.admin.StoryDraft(
                        draft.slug(),
                        draft.headline(),
                        draft.summary(),
                        draft.bodyMarkdown(),
                        draft.bodyHtml(),
                        draft.authorName(),
                        StoryStatus.DRAFT,
                        draft.developing(),
                        draft.publishedAt(),
                        draft.image(),
                        draft.notes(),
                        draft.tagNames(),
                        "",
                        null));
        site.save(
                "Aerodrome opens",
                "The aerodrome opens its doors.",
                StoryStatus.PUBLISHED,
                now.plus(1, ChronoUnit.HOURS));
    }

    @AfterAll
    void cleanUp() throws IOException {
        site.close();
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void a_phrase_in_quotes_must_appear_in_that_order() {
        assertThat(site.found("\"cold fusion lab\"")).containsExactly("/articles/cold-fusion-lab-opens");
        assertThat(site.found("\"cold lab\"")).containsExactly("/articles/lab-exodus");
        assertThat(site.found("\"fusion cold lab\"")).isEmpty();
        assertThat(site.found("fusion cold lab"))
                .containsExactlyInAnyOrder("/articles/cold-fusion-lab-opens", "/articles/lab-exodus");
    }

    @Test
    void a_word_finds_the_other_forms_of_its_stem() {
        for (String word : new String[] {"revoke", "violate", "terminate", "revoking"}) {
            assertThat(site.found(word)).as(word).containsExactly(LAUNCH);
        }
        assertThat(site.search("revoke").select(".search-snippet mark").eachText())
                .contains("revoked");
    }

    @Test
    void the_last_word_typed_matches_as_the_start_of_a_word() {
        Document page = site.search("Anthrop");
        assertThat(page.select(".search-result h2 a").eachAttr("href")).containsExactly(LAUNCH);
        assertThat(page.select(".search-result h2 mark").eachText()).containsExactly("Anthropic");
        // Only the last word ("anthrop" is also the stem of "Anthropic"; "anthropi" is not).
        assertThat(site.found("Anthropi claude")).isEmpty();
        assertThat(site.found("claude Anthropi")).containsExactly(LAUNCH);
    }

    @Test
    void a_misspelt_word_gets_a_did_you_mean_link_that_finds_more() {
        Document page = site.search("quantm");
        assertThat(page.select(".search-result")).isEmpty();
        assertThat(page.select(".search-suggestion a").eachText()).containsExactly("quantum");
        String link = page.selectFirst(".search-suggestion a").attr("href");
        assertThat(link).isEqualTo("/search?q=quantum");
        assertThat(site.found("quantum")).containsExactly("/articles/quantum-computers-get-faster");
        assertThat(site.search("quantum").select(".search-suggestion")).isEmpty();
    }

    @Test
    void japanese_words_inside_a_sentence_are_found() {
        assertThat(site.found("東京")).containsExactly("/articles/tokyo-conference");
        assertThat(site.found("会議")).containsExactly("/articles/tokyo-conference");
    }

    @Test
    void a_sharp_s_and_ss_find_each_other() {
        assertThat(site.found("strassenfeste")).containsExactly("/articles/summer-in-berlin");
        assertThat(site.found("Straßenfeste")).containsExactly("/articles/summer-in-berlin");
        assertThat(site.found("STRASSENFESTE")).containsExactly("/articles/summer-in-berlin");
    }

    @Test
    void headline_and_tags_rank_above_summary_and_summary_above_body() {
        var found = site.found("zeppelin");
        assertThat(found).hasSize(4).endsWith("/articles/skyline", "/articles/weather");
        assertThat(found.subList(0, 2))
                .containsExactlyInAnyOrder("/articles/zeppelin-over-the-city", "/articles/city-news");
    }

    @Test
    void newer_wins_among_equal_matches() {
        assertThat(site.found("harbour")).containsExactly("/articles/harbour-weekly", "/articles/harbour-daily");
    }

    @Test
    void drafts_and_newsroom_notes_are_never_found_nor_indexed() throws IOException {
        assertThat(site.found("marmalade")).isEmpty();
        assertThat(site.found("wolfram")).isEmpty();
        assertThat(site.found("orchard")).containsExactly("/articles/orchard-visit");
        assertThat(site.search("orchard").text()).doesNotContain("wolfram");
        try (var dir = FSDirectory.open(site.config.searchIndexDir());
                DirectoryReader reader = DirectoryReader.open(dir)) {
            for (String field : new String[] {"words", "headline", "summary", "body", "tags"}) {
                assertThat(reader.docFreq(new Term(field, "wolfram"))).as(field).isZero();
                assertThat(reader.docFreq(new Term(field, "marmalad")))
                        .as(field)
                        .isZero();
                assertThat(reader.docFreq(new Term(field, "marmalade")))
                        .as(field)
                        .isZero();
            }
            for (int doc = 0; doc < reader.maxDoc(); doc++) {
                assertThat(reader.storedFields().document(doc).toString()).doesNotContain("wolfram", "Marmalade");
            }
        }
    }

    @Test
    void trashed_and_unpublished_stories_leave_the_index() throws IOException {
        assertThat(site.found("gondola")).isEmpty();
        try (var dir = FSDirectory.open(site.config.searchIndexDir());
                DirectoryReader reader = DirectoryReader.open(dir)) {
            assertThat(new IndexSearcher(reader).count(new TermQuery(new Term("words", "gondola"))))
                    .isZero();
        }
    }

    @Test
    void a_scheduled_story_is_found_from_its_time_and_not_before() {
        assertThat(site.found("aerodrome")).isEmpty();
        try {
            clock.set(now.plus(2, ChronoUnit.HOURS));
            // The page above was cached; it expires when the story goes live.
            assertThat(site.found("aerodrome")).containsExactly("/articles/aerodrome-opens");
        } finally {
            clock.set(now);
        }
    }
}
