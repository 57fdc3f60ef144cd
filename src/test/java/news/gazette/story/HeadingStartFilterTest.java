package news.gazette.story;

import static org.assertj.core.api.Assertions.assertThat;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import java.util.Random;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HeadingStartFilterTest {

    private static final String[] LINES = {
        "# a",
        "#",
        "####### seven",
        "#hashtag",
        "## b ##",
        "  ### c",
        "    # code",
        "\t# tab",
        "=",
        "===",
        "= =",
        "-",
        "---",
        "- - -",
        "-x",
        "--  ",
        "***",
        "a",
        "| a | b |",
        "|---|---|",
        "> # quoted",
        "> ---",
        "- # item",
        "1. ---",
        "\"quoted\"",
        "12 monkeys",
        "",
        "",
        "text with ## inside",
        "```",
        "~~~",
        "<div>",
        "Setext",
    };

    /** flexmark exactly as it ships: its own heading parser, reading a String. */
    private final Parser stockParser = Parser.builder(Markdown.options()).build();

    private final HtmlRenderer stockRenderer =
            HtmlRenderer.builder(Markdown.options()).build();
    private final Markdown markdown = new Markdown();

    @RepeatedTest(300)
    void random_lines_render_exactly_as_with_flexmarks_own_heading_parser(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        StringBuilder body = new StringBuilder();
        for (int i = random.nextInt(40); i >= 0; i--) {
            body.append(LINES[random.nextInt(LINES.length)]).append(random.nextInt(8) == 0 ? "\r\n" : "\n");
        }
        assertRendersAsStock(body.toString());
    }

    @Test
    void the_launch_story_and_a_long_realistic_story_render_exactly_as_before() {
        assertRendersAsStock(PathologicalMarkdown.launchStory());
        assertRendersAsStock(PathologicalMarkdown.realisticStory(50_000));
    }

    @ParameterizedTest
    @ValueSource(strings = {"# a", "######", "## ", "#\tb", "=", "===  ", "-", "----\t", "  ---"})
    void lines_that_could_start_a_heading_are_passed_to_flexmark(String line) {
        int start = line.length() - line.stripLeading().length();
        assertThat(HeadingStartFilter.couldStartHeading(line, start)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"#######", "#a", "-x", "- -", "=a", "|", "a", "\"", "", "  "})
    void lines_that_cannot_start_a_heading_are_answered_without_flexmark(String line) {
        int start = line.length() - line.stripLeading().length();
        assertThat(HeadingStartFilter.couldStartHeading(line, start)).isFalse();
    }

    private void assertRendersAsStock(String body) {
        String stock = Jsoup.clean(
                stockRenderer.render(stockParser.parse(body)),
                "http://gazette.invalid/",
                Markdown.safelist(),
                new Document.OutputSettings().prettyPrint(false));
        assertThat(markdown.render(body).html()).isEqualTo(stock);
    }
}
