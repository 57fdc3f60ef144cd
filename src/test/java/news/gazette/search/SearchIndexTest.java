package news.gazette.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import news.gazette.TestSite;
import news.gazette.admin.StoryBackfill;
import news.gazette.story.Markdown;
import news.gazette.story.StoryStatus;
import org.junit.jupiter.api.Test;

/** The bulk indexer (for stories loaded without the newsroom) writes exactly what a save writes. */
class SearchIndexTest {

    private static final String POSTINGS =
            "select term || ' ' || story_id || ' ' || weight || ' ' || published_at from search_term order by 1";

    @Test
    void stories_written_without_the_newsroom_are_indexed_by_the_backfill_that_a_start_after_migrations_runs() {
        TestSite site = TestSite.create();
        site.jdbc.update("delete from search_term");
        site.publish("Written before the index caught up", Instant.now().minus(1, ChronoUnit.HOURS), "Energy");
        site.jdbc.update("delete from search_term");
        assertThat(site.jdbc.count("select count(*) from search_term")).isZero();

        StoryBackfill.run(site.jdbc, new Markdown(), false); // an ordinary start: no archive walk
        assertThat(site.jdbc.count("select count(*) from search_term")).isZero();
        StoryBackfill.run(site.jdbc, new Markdown(), true); // after migrations or an import

        assertThat(site.jdbc.count("select count(distinct story_id) from search_term"))
                .isEqualTo(2);
    }

    @Test
    void indexing_the_missing_stories_in_bulk_gives_the_same_postings_as_the_saves() {
        TestSite site = TestSite.create();
        Instant now = Instant.now();
        site.publish("Grid batteries come of age", now.minus(2, ChronoUnit.HOURS), "Energy", "Climate");
        site.publish("Cup final goes to penalties", now.minus(3, ChronoUnit.HOURS), "Sports");
        site.save("Secret draft about batteries", StoryStatus.DRAFT, null, "Draft body about grids.", "Energy");
        List<String> bySaves = site.jdbc.list(POSTINGS, row -> row.getString(1));
        assertThat(bySaves).isNotEmpty().noneMatch(posting -> posting.startsWith("secret "));

        site.jdbc.update("delete from search_term");
        int indexed = SearchIndex.indexMissing(site.jdbc);

        assertThat(indexed).isEqualTo(3); // the launch story and the two published ones, not the draft
        assertThat(site.jdbc.list(POSTINGS, row -> row.getString(1))).isEqualTo(bySaves);
        assertThat(SearchIndex.indexMissing(site.jdbc)).isZero();
    }
}
