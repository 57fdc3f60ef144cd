package news.gazette.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import news.gazette.TestSite;
import news.gazette.story.StoryStatus;
import org.junit.jupiter.api.Test;

/** The bulk indexer (for archives loaded without the triggers) writes exactly what the per-story trigger writes. */
class SearchIndexTest {

    private static final String POSTINGS =
            "select term || ' ' || story_id || ' ' || weight || ' ' || published_at from search_term order by 1";

    @Test
    void a_start_installs_missing_triggers_and_indexes_what_was_written_without_them_but_leaves_current_ones_alone() {
        TestSite site = TestSite.create();
        site.jdbc.update("drop trigger story_search_index");
        site.jdbc.update("drop trigger story_tag_search_index");
        site.jdbc.update("delete from search_term");
        site.publish("Written while the triggers were gone", Instant.now().minus(1, ChronoUnit.HOURS), "Energy");
        assertThat(site.jdbc.count("select count(*) from search_term")).isZero();

        H2SearchRepository.install(site.jdbc); // as the next start does

        assertThat(site.jdbc.count("select count(distinct story_id) from search_term"))
                .isEqualTo(2);
        // With this build's triggers in place, a start does not walk the archive again.
        site.jdbc.update("delete from search_term where story_id = (select min(id) from story)");
        H2SearchRepository.install(site.jdbc);
        assertThat(site.jdbc.count("select count(distinct story_id) from search_term"))
                .isEqualTo(1);
    }

    @Test
    void indexing_the_missing_stories_in_bulk_gives_the_same_postings_as_the_triggers() {
        TestSite site = TestSite.create();
        Instant now = Instant.now();
        site.publish("Grid batteries come of age", now.minus(2, ChronoUnit.HOURS), "Energy", "Climate");
        site.publish("Cup final goes to penalties", now.minus(3, ChronoUnit.HOURS), "Sports");
        site.save("Secret draft about batteries", StoryStatus.DRAFT, null, "Draft body about grids.", "Energy");
        List<String> byTriggers = site.jdbc.list(POSTINGS, row -> row.getString(1));
        assertThat(byTriggers).isNotEmpty().noneMatch(posting -> posting.startsWith("secret "));

        site.jdbc.update("delete from search_term");
        int indexed = SearchIndex.indexMissing(site.jdbc);

        assertThat(indexed).isEqualTo(3); // the launch story and the two published ones, not the draft
        assertThat(site.jdbc.list(POSTINGS, row -> row.getString(1))).isEqualTo(byTriggers);
        assertThat(SearchIndex.indexMissing(site.jdbc)).isZero();
    }
}
