package news.gazette.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import news.gazette.story.Markdown;
import news.gazette.story.RenderedHtml;
import org.junit.jupiter.api.Test;

/** The generator stores a body's HTML and word count without rendering: they must be what a save would store. */
class GeneratedTextTest {

    @Test
    void a_generated_body_carries_the_html_and_word_count_a_save_would_store() {
        Markdown markdown = new Markdown();
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 50; i++) {
            GeneratedText.Body body = GeneratedText.body(random);
            RenderedHtml rendered = markdown.render(body.markdown());
            assertThat(body.html()).isEqualTo(rendered.html());
            assertThat(body.words()).isEqualTo(RenderedHtml.countWords(rendered.html()));
        }
    }
}
