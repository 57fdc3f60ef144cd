package news.gazette.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordsTest {

    @Test
    void one_takes_the_singular_and_every_other_count_the_plural() {
        assertThat(Words.count(1, "story", "stories")).isEqualTo("1 story");
        assertThat(Words.count(0, "story", "stories")).isEqualTo("0 stories");
        assertThat(Words.count(12, "draft", "drafts")).isEqualTo("12 drafts");
        assertThat(Words.noun(1, "draft", "drafts")).isEqualTo("draft");
    }
}
