package news.gazette.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import news.gazette.TestDatabases;
import news.gazette.TestSite;
import news.gazette.account.Role;
import news.gazette.story.StoryStatus;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag(TestDatabases.BOTH)
class StoryListTest {

    @Test
    void the_list_filters_by_status_searches_headlines_and_pages() {
        TestSite site = TestSite.create();
        Instant now = Instant.now();
        for (int i = 1; i <= 30; i++) {
            site.publish("Published Number " + i, now.minus(i, ChronoUnit.HOURS));
        }
        site.save("Quiet Draft About Owls", StoryStatus.DRAFT, null, "b");
        site.publish("Tomorrow's Owl Story", now.plus(1, ChronoUnit.DAYS));
        JavalinTest.test(site.app, (server, client) -> {
            NewsroomClient c = StoryEditorTest.signedIn(server.port());
            Document drafts = c.get("/admin/stories?status=draft").doc();
            assertThat(drafts.select(".story-table tbody tr")).hasSize(1);
            assertThat(drafts.selectFirst(".story-table tbody").text())
                    .contains("Quiet Draft About Owls")
                    .contains("Draft")
                    .contains("Test Reporter");

            Document scheduled = c.get("/admin/stories?status=scheduled").doc();
            assertThat(scheduled.select(".story-table tbody tr")).hasSize(1);
            assertThat(scheduled.selectFirst(".status").text()).isEqualTo("Scheduled");

            Document owls = c.get("/admin/stories?q=OWL").doc();
            assertThat(owls.select(".story-table tbody tr a[href^=/admin/stories/]")
                            .eachText())
                    .containsExactlyInAnyOrder("Quiet Draft About Owls", "Tomorrow's Owl Story");
            assertThat(c.get("/admin/stories?q=100%25").doc().select(".story-table tbody tr"))
                    .isEmpty();
            // The published filter searches the same way; an address copied from the site finds its story.
            assertThat(c.get("/admin/stories?status=published&q=number+1")
                            .doc()
                            .select(".story-table tbody tr a[href^=/admin/stories/]")
                            .eachText())
                    .hasSize(11)
                    .allMatch(headline -> headline.startsWith("Published Number 1"));
            for (String address : List.of(
                    "https://news.example/articles/published-number-7",
                    "/articles/published-number-7",
                    "published-number-7")) {
                assertThat(c.get("/admin/stories?q=" + java.net.URLEncoder.encode(address, "UTF-8"))
                                .doc()
                                .select(".story-table tbody tr a[href^=/admin/stories/]")
                                .eachText())
                        .as(address)
                        .containsExactly("Published Number 7");
            }
            // A renamed story's old address finds it too, by its key; an address of no story finds nothing.
            long seventh = site.jdbc
                    .first("select id from story where slug = 'published-number-7'", r -> r.getLong(1))
                    .orElseThrow();
            site.jdbc.update(
                    "insert into story_slug_history (old_slug, story_id, changed_at) values (?, ?, ?)",
                    "number-seven-before-its-rename",
                    seventh,
                    now);
            for (String address :
                    List.of("/articles/number-seven-before-its-rename", "number-seven-before-its-rename")) {
                assertThat(c.get("/admin/stories?q=" + java.net.URLEncoder.encode(address, "UTF-8"))
                                .doc()
                                .select(".story-table tbody tr a[href^=/admin/stories/]")
                                .eachText())
                        .as(address)
                        .containsExactly("Published Number 7");
            }
            assertThat(c.get("/admin/stories?q=%2Farticles%2Fno-story-at-this-address")
                            .doc()
                            .select(".story-table tbody tr"))
                    .isEmpty();
            // Words joined by a hyphen that are no slug are searched in headlines.
            assertThat(c.get("/admin/stories?q=tomorrow%27s-owl").doc().select(".story-table tbody tr"))
                    .isEmpty();
            site.publish("A Four-Day Week Trial", now.minus(40, ChronoUnit.HOURS));
            assertThat(c.get("/admin/stories?q=four-day")
                            .doc()
                            .select(".story-table tbody tr a[href^=/admin/stories/]")
                            .eachText())
                    .containsExactly("A Four-Day Week Trial");

            Document first = c.get("/admin/stories?status=published").doc();
            assertThat(first.select(".story-table tbody tr")).hasSize(NewsroomHandlers.PAGE_SIZE);
            assertThat(first.selectFirst(".pager").text())
                    .contains("Page 1 of 2")
                    .contains("32 stories");
            String next = first.selectFirst(".pager a[rel=next]").attr("href");
            Document second = c.get(next).doc();
            assertThat(second.select(".story-table tbody tr")).hasSize(32 - NewsroomHandlers.PAGE_SIZE);

            Document dashboard = c.get("/admin").doc();
            assertThat(dashboard.selectFirst(".counts").text())
                    .contains("32 published")
                    .contains("1 scheduled")
                    .contains("1 draft ");
        });
    }

    @Test
    void only_an_administrator_may_empty_the_trash() {
        TestSite site = TestSite.create();
        site.addAccount("eddie", "editor password 1", Role.EDITOR);
        site.publish("Doomed Story", Instant.now().minus(1, ChronoUnit.HOURS));
        long id = site.jdbc
                .first("select id from story where slug = 'doomed-story'", r -> r.getLong(1))
                .orElseThrow();
        JavalinTest.test(site.app, (server, client) -> {
            NewsroomClient editor = new NewsroomClient(server.port());
            editor.signIn("eddie", "editor password 1");
            assertThat(editor.post("/admin/stories/" + id + "/trash", editor.form())
                            .status())
                    .isEqualTo(303);
            assertThat(editor.post("/admin/trash/empty", editor.form()).status())
                    .isEqualTo(403);
        });
        assertThat(site.count("select count(*) from story where deleted_at is not null"))
                .isEqualTo(1);
    }
}
