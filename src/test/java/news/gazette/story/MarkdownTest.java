package news.gazette.story;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MarkdownTest {

    private final Markdown markdown = new Markdown();

    private Document render(String source) {
        return Jsoup.parseBodyFragment(markdown.render(source).html());
    }

    @Test
    void headings_get_ids_readers_can_link_to() {
        Document doc = render("## What Happened\n\ntext\n\n## What's Next?\n");
        assertThat(doc.select("h2").eachAttr("id")).containsExactly("what-happened", "whats-next");
    }

    @Test
    void numbered_list_keeps_bold_lead_ins() {
        Document doc = render("1. **Rare Conflict:** one.\n2. **Competition:** two.\n");
        assertThat(doc.select("ol > li")).hasSize(2);
        assertThat(doc.select("ol > li > strong").first().text()).isEqualTo("Rare Conflict:");
    }

    @Test
    void tables_strikethrough_and_autolinks_render() {
        Document doc = render("| a | b |\n|---|---|\n| 1 | 2 |\n\n~~old~~ and https://example.org/x");
        assertThat(doc.select("table td")).hasSize(2);
        assertThat(doc.select("del").text()).isEqualTo("old");
        assertThat(doc.select("a[href=https://example.org/x]")).hasSize(1);
    }

    @Test
    void quotes_become_typographic() {
        assertThat(render("\"Hello,\" she said. It's done.").text())
                .isEqualTo("\u201cHello,\u201d she said. It\u2019s done.");
    }

    @Test
    void blockquote_renders_as_quotation() {
        assertThat(render("> \"Quoted,\" a spokesperson said.").select("blockquote p"))
                .hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<script>alert(1)</script>",
                "Hello <img src=x onerror=alert(1)>",
                "<iframe src=\"https://evil.example\"></iframe>",
                "[click](javascript:alert(1))",
                "[click](JaVaScRiPt:alert(1))",
                "[click](  javascript:alert(1))",
                "[click](vbscript:msgbox(1))",
                "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
                "![x](javascript:alert(1))",
                "<a href=\"javascript:alert(1)\">x</a>",
                "<svg onload=alert(1)>",
                "<div style=\"background:url(javascript:alert(1))\">x</div>",
                "[x](java&#x09;script:alert(1))",
                "<details open ontoggle=alert(1)>",
                "<<script>script>alert(1)<</script>/script>",
                "[a](https://ok.example \"title\" onclick=alert(1))"
            })
    void hostile_markdown_never_yields_script(String source) {
        String html = markdown.render(source).html();
        Document doc = Jsoup.parseBodyFragment(html);
        assertThat(doc.select("script, iframe, svg, object, embed, style, details"))
                .isEmpty();
        for (Element element : doc.getAllElements()) {
            element.attributes().forEach(attribute -> {
                assertThat(attribute.getKey()).doesNotStartWithIgnoringCase("on");
                assertThat(attribute.getKey()).isNotEqualToIgnoringCase("style");
                assertThat(attribute.getValue().toLowerCase().replaceAll("\\s", ""))
                        .doesNotContain("javascript:")
                        .doesNotContain("vbscript:")
                        .doesNotStartWith("data:");
            });
        }
    }

    @Test
    void raw_html_is_shown_as_text_not_dropped_silently() {
        assertThat(render("Use <b>bold</b> here").text()).contains("<b>bold</b>");
    }

    @Test
    void safe_links_and_relative_links_survive() {
        Document doc =
                render("[a](https://example.org) [b](/articles/x) [c](#what-happened) [d](mailto:desk@example.org)");
        assertThat(doc.select("a").eachAttr("href"))
                .containsExactly("https://example.org", "/articles/x", "#what-happened", "mailto:desk@example.org");
    }

    @Test
    void blank_input_renders_empty() {
        assertThat(markdown.render("  \n").html()).isEmpty();
        assertThat(markdown.render(null).isEmptyContent()).isTrue();
    }

    @Test
    void reading_time_counts_words_at_a_steady_pace() {
        assertThat(markdown.render("word ".repeat(10)).readingMinutes()).isEqualTo(1);
        assertThat(markdown.render("word ".repeat(230 * 3)).readingMinutes()).isEqualTo(3);
        assertThat(markdown.render("## Heading\n\n" + "word ".repeat(230 * 5 + 100))
                        .readingMinutes())
                .isEqualTo(5);
    }
}
