package news.gazette.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import news.gazette.story.MarkdownTooComplexException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MarkdownLimitsTest {

    @Test
    void a_line_is_as_deep_as_its_markers_plus_half_its_other_indentation() {
        assertThat(MarkdownLimits.measure("> - > 1. a").deepest()).isEqualTo(4);
        assertThat(MarkdownLimits.measure("- a\n  - b\n    - c").deepest()).isEqualTo(3);
        assertThat(MarkdownLimits.measure("- a\n\t- b").deepest()).isEqualTo(3);
        assertThat(MarkdownLimits.measure("plain text\n    indented code").deepest())
                .isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 4})
    void lists_nested_ten_levels_deep_by_either_indentation_are_accepted(int indent) {
        StringBuilder body = new StringBuilder();
        for (int level = 0; level < 10; level++) {
            body.append(" ".repeat(level * indent))
                    .append("- level ")
                    .append(level)
                    .append('\n');
        }
        assertThatCode(() -> MarkdownLimits.check(body.toString())).doesNotThrowAnyException();
    }

    @Test
    void quotes_nested_past_the_limit_are_refused_naming_the_line() {
        String body = "fine\n\n" + "> ".repeat(MarkdownLimits.MAX_NESTING + 1) + "too deep";
        assertThatThrownBy(() -> MarkdownLimits.check(body))
                .isInstanceOfSatisfying(
                        MarkdownTooComplexException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NESTING))
                .hasMessageContaining("more than 32 levels deep (on line 3)");
    }

    @Test
    void carriage_returns_end_lines_as_they_do_for_flexmark() {
        assertThat(MarkdownLimits.measure("> a\r> b\r\n> c\n> d").prefixedLines())
                .isEqualTo(4);
    }

    @Test
    void quoted_lines_indented_lines_tabs_escapes_and_entities_are_segment_sources() {
        MarkdownLimits.Shape shape = MarkdownLimits.measure("> quoted\n  indented\nplain \\* &amp; &#42; \t x");
        assertThat(shape.prefixedLines()).isEqualTo(2);
        assertThat(shape.segmentSources()).isEqualTo(1 + 3 + 4);
    }

    @Test
    void bodies_with_too_many_segment_sources_are_refused_before_flexmark_sees_them() {
        String body = "> a\n".repeat(MarkdownLimits.MAX_SEGMENT_SOURCES + 1);
        assertThatThrownBy(() -> MarkdownLimits.check(body))
                .isInstanceOfSatisfying(
                        MarkdownTooComplexException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_LINES))
                .hasMessageContaining("12,001 indented or quoted lines");
    }

    @Test
    void a_long_ordinary_story_is_far_inside_both_limits() {
        MarkdownLimits.Shape shape = MarkdownLimits.measure(PathologicalMarkdown.realisticStory(200_000));
        assertThat(shape.deepest()).isLessThan(MarkdownLimits.MAX_NESTING / 4);
        assertThat(shape.segmentSources()).isLessThan(MarkdownLimits.MAX_SEGMENT_SOURCES / 2);
    }
}
