package news.gazette.story;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import news.gazette.TestDatabases;
import news.gazette.TestSite;
import news.gazette.admin.NewsroomStories;
import news.gazette.admin.StoryBackfill;
import news.gazette.admin.StoryDraft;
import news.gazette.admin.StoryWriter;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The archive, tag and author pages at their edges, with trashed, draft and scheduled stories among the visible ones. */
@Tag(TestDatabases.BOTH)
class ArchiveEdgesTest {

    private static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void tag_and_author_pages_meet_at_their_edges_and_skip_hidden_stories() {
        TestSite site = TestSite.create();
        // 23 visible Edge stories, one per hour; among them a draft, a scheduled one and a trashed one.
        for (int i = 1; i <= 23; i++) {
            site.publish("Edge Story " + i, BASE.plus(i, ChronoUnit.HOURS), "Edge");
        }
        site.save("Edge Draft", StoryStatus.DRAFT, null, "b", "Edge");
        site.publish("Edge Tomorrow", Instant.now().plus(1, ChronoUnit.DAYS), "Edge");
        site.publish("Edge Trashed", BASE.plus(30, ChronoUnit.MINUTES).plus(12, ChronoUnit.HOURS), "Edge");
        long trashed = site.jdbc
                .first("select id from story where slug = 'edge-trashed'", row -> row.getLong(1))
                .orElseThrow();
        new StoryWriter(site.jdbc).trash(trashed, Instant.now());
        site.applyChanges();

        JavalinTest.test(site.app, (server, client) -> {
            List<String> tag = walk(client, "/tags/edge", 3);
            assertThat(tag).hasSize(23).doesNotHaveDuplicates();
            for (int i = 0; i < 23; i++) {
                // Newest first, without gaps: the last of page n and the first of page n + 1 are neighbours.
                assertThat(tag.get(i)).isEqualTo("Edge Story " + (23 - i));
            }
            assertThat(client.get("/tags/edge/page/4").code()).isEqualTo(404);

            // Every Edge story is by the test reporter; the author's pages are the same list.
            assertThat(walk(client, "/authors/test-reporter", 3)).isEqualTo(tag);
            assertThat(client.get("/authors/test-reporter/page/4").code()).isEqualTo(404);
        });
    }

    @Test
    void the_front_page_archive_ends_on_its_last_full_page() {
        TestSite site = TestSite.create();
        // With the launch story, 30 visible stories: exactly three pages of ten.
        for (int i = 1; i <= 29; i++) {
            site.publish("Front Story " + i, BASE.plus(i, ChronoUnit.HOURS));
        }
        JavalinTest.test(site.app, (server, client) -> {
            Document second = Jsoup.parse(client.get("/page/2").body().string());
            Document third = Jsoup.parse(client.get("/page/3").body().string());
            assertThat(second.select(".latest .card-headline a").eachText())
                    .first()
                    .isEqualTo("Front Story 20");
            assertThat(second.select(".latest .card-headline a").eachText())
                    .last()
                    .isEqualTo("Front Story 11");
            assertThat(third.select(".latest .card-headline a").eachText())
                    .first()
                    .isEqualTo("Front Story 10");
            assertThat(third.select(".latest .card-headline a")).hasSize(10);
            assertThat(third.select("a[rel=next]")).isEmpty();
            assertThat(client.get("/page/4").code()).isEqualTo(404);
        });
    }

    @Test
    void a_tag_page_follows_retagging_trash_and_restore_and_tags_written_behind_the_writers_back() {
        TestSite site = TestSite.create();
        site.publish("Moving Story", BASE.plus(1, ChronoUnit.HOURS), "Before");
        site.publish("Staying Story", BASE.plus(2, ChronoUnit.HOURS), "Before");
        long moving = id(site, "moving-story");
        StoryWriter writer = new StoryWriter(site.jdbc);
        Story story = new NewsroomStories(site.jdbc).findById(moving).orElseThrow();
        StoryDraft same = TestSite.draftOf(story);
        StoryDraft retagged = new StoryDraft(
                same.slug(),
                same.headline(),
                same.summary(),
                same.bodyMarkdown(),
                same.bodyHtml(),
                same.authorName(),
                same.status(),
                same.developing(),
                same.publishedAt(),
                same.image(),
                same.notes(),
                List.of("After"),
                "",
                null);
        assertThat(writer.update(moving, story.version(), retagged, "test", Instant.now()))
                .isEqualTo(StoryWriter.Outcome.SAVED);
        site.applyChanges();
        JavalinTest.test(site.app, (server, client) -> {
            assertThat(headlines(client, "/tags/before")).containsExactly("Staying Story");
            assertThat(headlines(client, "/tags/after")).containsExactly("Moving Story");

            writer.trash(moving, Instant.now());
            site.applyChanges();
            assertThat(client.get("/tags/after").code()).isEqualTo(200);
            assertThat(headlines(client, "/tags/after")).isEmpty();
            writer.restore(moving, Instant.now());
            site.applyChanges();
            assertThat(headlines(client, "/tags/after")).containsExactly("Moving Story");

            // As the benchmark's generator or an import would: a tag row the writer never saw, copied at start-up.
            long after = site.jdbc
                    .first("select id from tag where slug = 'after'", row -> row.getLong(1))
                    .orElseThrow();
            site.jdbc.update(
                    "insert into story_tag (story_id, tag_id, position) values (?, ?, 1)",
                    id(site, "staying-story"),
                    after);
            StoryBackfill.run(site.jdbc, new Markdown(), false);
            site.jdbc.update("insert into site_change (change_keys, changed_at) values ('any list', ?)", Instant.now());
            site.applyChanges();
            assertThat(headlines(client, "/tags/after")).containsExactly("Staying Story", "Moving Story");
        });
    }

    private static long id(TestSite site, String slug) {
        return site.jdbc
                .first("select id from story where slug = ?", row -> row.getLong(1), slug)
                .orElseThrow();
    }

    private static List<String> headlines(io.javalin.testtools.HttpClient client, String path) {
        return Jsoup.parse(client.get(path).body().string())
                .select(".card-headline a")
                .eachText();
    }

    private static List<String> walk(io.javalin.testtools.HttpClient client, String first, int pages) {
        List<String> headlines = new ArrayList<>();
        for (int n = 1; n <= pages; n++) {
            String path = n == 1 ? first : first + "/page/" + n;
            Document page = Jsoup.parse(client.get(path).body().string());
            assertThat(page.selectFirst(".pagination-status").text()).isEqualTo("Page " + n + " of " + pages);
            headlines.addAll(page.select(".card-headline a").eachText());
        }
        return headlines;
    }
}
