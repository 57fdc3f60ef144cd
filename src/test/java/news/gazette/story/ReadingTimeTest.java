package news.gazette.story;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import java.time.Instant;
import news.gazette.TestSite;
import news.gazette.admin.StoryBackfill;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** An article's reading time comes from the word count stored at save time; no view counts the body's words. */
class ReadingTimeTest {

    @Test
    void a_save_stores_the_number_of_words_the_reader_sees() {
        TestSite site = TestSite.create();
        String slug = site.save(
                "Counted once",
                StoryStatus.PUBLISHED,
                Instant.now().minusSeconds(60),
                "One *two* three\n\n- four five");
        assertThat(site.count("select body_words from story where slug = '" + slug + "'"))
                .isEqualTo(5);
    }

    @Test
    void the_byline_reads_the_stored_count_and_a_missing_count_is_backfilled() {
        TestSite site = TestSite.create();
        String slug = site.publish("Long read", Instant.now().minusSeconds(60));
        // A stored count that disagrees with the body shows that the page reads the column, not the text.
        site.jdbc.update("update story set body_words = 2300 where slug = ?", slug);
        JavalinTest.test(site.app, (server, client) -> {
            String html = client.get("/articles/" + slug).body().string();
            assertThat(Jsoup.parse(html).selectFirst(".byline-reading").text()).isEqualTo("10 min read");
        });
        site.jdbc.update("update story set body_words = null where slug = ?", slug);
        StoryBackfill.run(site.jdbc, new Markdown(), true);
        assertThat(site.count("select body_words from story where slug = '" + slug + "'"))
                .isEqualTo(4); // "Body of Long read."
    }
}
