package news.gazette.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import news.gazette.story.PageOf;
import org.junit.jupiter.api.Test;

/** How a results page words its count: exact below the counting bound, "or more" at it, and deeper pages say so too. */
class SearchCountTest {

    private static SearchPage page(int number, long total) {
        return new SearchPage(
                null, SearchQuery.parse("budget"), null, new PageOf<>(List.of(), number, 10, total), null);
    }

    @Test
    void small_counts_are_exact() {
        assertThat(page(1, 1).matchCount()).isEqualTo("1 story matches");
        assertThat(page(1, 999).matchCount()).isEqualTo("999 stories match");
        assertThat(page(1, 999).countIsLowerBound()).isFalse();
    }

    @Test
    void a_count_at_the_bound_is_a_lower_bound_and_still_offers_the_next_page() {
        SearchPage first = page(1, StorySearch.COUNTED_EXACTLY);
        assertThat(first.countIsLowerBound()).isTrue();
        assertThat(first.matchCount()).isEqualTo("1000 or more stories match");
        assertThat(first.results().hasNext()).isTrue();
    }

    @Test
    void a_page_past_the_bound_counts_one_past_itself() {
        // Page 150 of ten asks Lucene to count 1,501 matches: enough to know there is a page 151.
        assertThat(StorySearch.countedUpTo(150, 10)).isEqualTo(1_501);
        SearchPage deep = page(150, 1_501);
        assertThat(deep.countIsLowerBound()).isTrue();
        assertThat(deep.results().hasNext()).isTrue();
        assertThat(page(150, 1_495).countIsLowerBound()).isFalse();
        assertThat(page(150, 1_495).results().hasNext()).isFalse();
    }
}
