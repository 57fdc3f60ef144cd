package news.gazette.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SlugTest {

    @Test
    void headline_becomes_lowercase_hyphenated_words() {
        assertThat(Slug.from("Anthropic Cuts Off OpenAI from Claude Access in Surprise Move")
                        .value())
                .isEqualTo("anthropic-cuts-off-openai-from-claude-access-in-surprise-move");
    }

    @Test
    void apostrophes_disappear_and_accents_fold_to_ascii() {
        assertThat(Slug.from("OpenAI's Café Déjà Vu").value()).isEqualTo("openais-cafe-deja-vu");
        assertThat(Slug.from("What\u2019s Next?").value()).isEqualTo("whats-next");
    }

    @Test
    void punctuation_and_spaces_collapse_to_single_hyphens() {
        assertThat(Slug.from("  --Hello,   World!!  -- ").value()).isEqualTo("hello-world");
    }

    @Test
    void long_text_is_cut_at_a_word_boundary() {
        Slug slug = Slug.from("word ".repeat(40));
        assertThat(slug.value().length()).isLessThanOrEqualTo(Slug.MAX_LENGTH);
        assertThat(slug.value()).endsWith("word").doesNotEndWith("-");
    }

    @Test
    void text_without_letters_falls_back_to_story() {
        assertThat(Slug.from("!!! ???").value()).isEqualTo("story");
        assertThat(Slug.from("\u6771\u4eac").value()).isEqualTo("dong-jing"); // ICU reads Han characters in pinyin
    }

    @Test
    void path_tricks_are_not_slugs() {
        assertThat(Slug.isValid("../etc/passwd")).isFalse();
        assertThat(Slug.isValid("a/b")).isFalse();
        assertThat(Slug.isValid("Upper")).isFalse();
        assertThat(Slug.isValid("-lead")).isFalse();
        assertThat(Slug.isValid("ok-slug-2")).isTrue();
        assertThatThrownBy(() -> new Slug("bad slug")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void other_scripts_are_transliterated_by_icu_never_collapsed_to_story() {
        assertThat(Slug.from("東京で祭り").value()).isNotEqualTo("story").matches("[a-z0-9-]+");
        assertThat(Slug.from("とうきょう").value()).isEqualTo("toukyou");
        assertThat(Slug.from("Москва сегодня").value()).isEqualTo("moskva-segodna");
        assertThat(Slug.from("Straßenfeste in Köln").value()).isEqualTo("strassenfeste-in-koln");
        assertThat(Slug.from("Ærø Łódź").value()).isEqualTo("aero-lodz");
        assertThat(Slug.from("Αθήνα").value()).isEqualTo("athena");
        assertThat(Slug.from("☃☃☃").value()).isEqualTo("story");
    }
}
