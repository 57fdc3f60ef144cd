package news.gazette.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class HighlightedTest {

    @Test
    void marks_matching_words_whatever_their_case_or_accents() {
        assertThat(Highlighted.of("Café culture and CAFE prices", Set.of("cafe"))
                        .html())
                .isEqualTo("<mark>Café</mark> culture and <mark>CAFE</mark> prices");
    }

    @Test
    void escapes_text_before_adding_marks() {
        assertThat(Highlighted.of("<script>alert('x')</script> & claude", Set.of("script", "claude"))
                        .html())
                .isEqualTo("&lt;<mark>script</mark>&gt;alert(&#39;x&#39;)&lt;/<mark>script</mark>&gt; &amp; "
                        + "<mark>claude</mark>");
    }

    @Test
    void does_not_mark_parts_of_longer_words() {
        assertThat(Highlighted.of("AI aims", Set.of("ai")).html()).isEqualTo("<mark>AI</mark> aims");
    }

    @Test
    void a_snippet_is_a_window_around_the_matches_cut_at_words() {
        String text = "word ".repeat(200) + "the benchmarking passage is here " + "tail ".repeat(200);
        String html = Highlighted.snippet(text, Set.of("benchmarking"), 120).html();
        assertThat(html).startsWith("\u2026 word").endsWith("tail \u2026").contains("<mark>benchmarking</mark>");
        assertThat(html.length()).isLessThan(200);
    }

    @Test
    void a_snippet_prefers_the_place_where_most_terms_meet() {
        String text =
                "claude early. " + "filler ".repeat(100) + "claude benchmarking together. " + "filler ".repeat(100);
        String html =
                Highlighted.snippet(text, Set.of("claude", "benchmarking"), 100).html();
        assertThat(html).contains("<mark>claude</mark> <mark>benchmarking</mark>");
    }

    @Test
    void terms_fold_case_and_accents_and_drop_common_words() {
        assertThat(Terms.of("The Café's AI, and OpenAI's 2026 plans!"))
                .containsExactly("cafe", "ai", "openai", "2026", "plans");
    }

    @Test
    void among_equal_windows_a_snippet_shows_the_rarest_term() {
        String text = "claude one. claude two. " + "filler ".repeat(100) + "the benchmarking part. "
                + "filler ".repeat(100) + "claude three.";
        String html =
                Highlighted.snippet(text, Set.of("claude", "benchmarking"), 100).html();
        assertThat(html).contains("<mark>benchmarking</mark>");
    }
}
