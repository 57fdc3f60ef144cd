package news.gazette.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HighlightedTest {

    @Test
    void escapes_text_before_adding_marks() {
        String text = "<script>alert('x')</script> & claude";
        int claude = text.indexOf("claude");
        assertThat(Highlighted.passage(text, 0, text.length(), new int[] {1, claude}, new int[] {7, claude + 6}, 500)
                        .html())
                .isEqualTo("&lt;<mark>script</mark>&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; <mark>claude</mark>");
    }

    @Test
    void plain_text_is_escaped_and_marks_nothing() {
        assertThat(Highlighted.plain("Fish & <chips>").html()).isEqualTo("Fish &amp; &lt;chips&gt;");
    }

    @Test
    void a_long_passage_is_a_window_around_its_first_match_cut_at_words() {
        String text = "word ".repeat(200) + "the benchmarking passage is here " + "tail ".repeat(200);
        int at = text.indexOf("benchmarking");
        String html = Highlighted.passage(text, 0, text.length(), new int[] {at}, new int[] {at + 12}, 120)
                .html();
        assertThat(html).startsWith("\u2026 word").endsWith("tail \u2026").contains("<mark>benchmarking</mark>");
        assertThat(html.length()).isLessThan(200);
    }

    @Test
    void a_passage_inside_the_text_says_what_was_left_out_on_either_side() {
        String text = "First sentence. The middle one. Last sentence.";
        int from = text.indexOf("The");
        int to = text.indexOf("Last");
        assertThat(Highlighted.passage(text, from, to, new int[0], new int[0], 500)
                        .html())
                .isEqualTo("\u2026 The middle one. \u2026");
    }
}
