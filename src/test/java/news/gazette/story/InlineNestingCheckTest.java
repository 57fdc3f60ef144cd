package news.gazette.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;
import news.gazette.story.MarkdownTooComplexException.Reason;
import org.junit.jupiter.api.Test;

class InlineNestingCheckTest {

    private final Parser parser = Parser.builder(Markdown.options()).build();

    @Test
    void counts_inline_nodes_below_the_nearest_block_only() {
        Node quoted = parser.parse("> > - *a **b** c*");
        assertThat(InlineNestingCheck.deepestInline(quoted, 3)).isNull();
        assertThat(InlineNestingCheck.deepestInline(quoted, 2)).isNotNull();
    }

    @Test
    void emphasis_nested_past_the_limit_is_refused_naming_the_line() {
        String deep = "fine\n\n" + "*a ".repeat(InlineNestingCheck.MAX_INLINE_NESTING + 1) + "x" + " a*".repeat(20);
        assertThatThrownBy(() -> new Markdown().render(deep))
                .isInstanceOfSatisfying(
                        MarkdownTooComplexException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NESTING))
                .hasMessageContaining("more than 16 levels deep (on line 3)");
    }

    @Test
    void ordinary_nested_formatting_renders() {
        assertThat(new Markdown()
                        .render("*a _b **c ~~d~~ e** f_ g* [**x**](/y)")
                        .html())
                .contains("<del>d</del>")
                .contains("<a href=\"/y\"><strong>x</strong></a>");
    }
}
