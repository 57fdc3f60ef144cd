package news.gazette.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainTextTest {

    @Test
    void control_characters_other_than_tab_and_newline_are_removed() {
        assertThat(PlainText.multiline("a\u0000b\u0001c\u0008d\u000Be\u000Cf\u001Fg\u007Fh\u0085i\u009Fj\tk\nl"))
                .isEqualTo("abcdefghij\tk\nl");
    }

    @Test
    void line_ends_become_newlines_and_one_line_fields_get_spaces() {
        assertThat(PlainText.multiline("one\r\ntwo\rthree\n")).isEqualTo("one\ntwo\nthree\n");
        assertThat(PlainText.line("one\r\ntwo\tthree\nfour")).isEqualTo("one two three four");
    }

    @Test
    void unpaired_surrogates_and_non_characters_go_but_real_pairs_stay() {
        String emoji = "\uD83D\uDCF0"; // a newspaper, one code point in two chars
        assertThat(PlainText.multiline("x\uD800y\uDC00z" + emoji + "\uFFFE\uFFFF"))
                .isEqualTo("xyz" + emoji);
        assertThat(PlainText.multiline(emoji + "\uD83D")).isEqualTo(emoji);
    }

    @Test
    void clean_text_is_returned_as_it_is() {
        String text = "Straßenfeste in 東京 — \"quoted\" & <tagged>";
        assertThat(PlainText.multiline(text)).isSameAs(text);
        assertThat(PlainText.line(text)).isSameAs(text);
        assertThat(PlainText.multiline(null)).isNull();
        assertThat(PlainText.isClean("a\u0001")).isFalse();
    }
}
