package news.gazette.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import news.gazette.MovableClock;
import news.gazette.TestDatabases;
import news.gazette.TestSite;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The newsroom's counts are kept between changes, not counted per request: they must follow every kind of change,
 * including a scheduled story going live when the clock passes its time, with no write at all.
 */
@Tag(TestDatabases.BOTH)
class StoryCountsTest {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @Test
    void counts_follow_create_publish_schedule_time_trash_restore_and_delete() {
        Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
        MovableClock clock = new MovableClock(start);
        TestSite site = TestSite.create(clock);
        JavalinTest.test(site.app, (server, client) -> {
            NewsroomClient c = StoryEditorTest.signedIn(server.port());
            // The launch story.
            expect(c, 1, 0, 0, 0);

            long draft = StoryEditorTest.create(
                    c, "headline", "Counted Draft", "body", "b", "author", "Desk", "publish", "draft");
            expect(c, 1, 0, 1, 0);

            var published = c.post(
                    "/admin/stories/" + draft,
                    c.form(
                            "version",
                            "1",
                            "headline",
                            "Counted Draft",
                            "body",
                            "b",
                            "author",
                            "Desk",
                            "publish",
                            "now"));
            assertThat(published.status()).isEqualTo(303);
            expect(c, 2, 0, 0, 0);

            String inAnHour = LOCAL.format(start.plus(1, ChronoUnit.HOURS).atOffset(ZoneOffset.UTC));
            long scheduled = StoryEditorTest.create(
                    c,
                    "headline",
                    "Counted Later",
                    "body",
                    "b",
                    "author",
                    "Desk",
                    "publish",
                    "schedule",
                    "publish_at",
                    inAnHour);
            expect(c, 2, 1, 0, 0);

            // No write: only the clock moves past the scheduled time.
            clock.set(start.plus(2, ChronoUnit.HOURS));
            expect(c, 3, 0, 0, 0);

            assertThat(c.post("/admin/stories/" + scheduled + "/trash", c.form())
                            .status())
                    .isEqualTo(303);
            expect(c, 2, 0, 0, 1);

            assertThat(c.post("/admin/stories/" + scheduled + "/restore", c.form())
                            .status())
                    .isEqualTo(303);
            expect(c, 3, 0, 0, 0);

            assertThat(c.post("/admin/stories/" + draft + "/trash", c.form()).status())
                    .isEqualTo(303);
            expect(c, 2, 0, 0, 1);
            assertThat(c.post("/admin/trash/empty", c.form("confirm", "yes")).status())
                    .isEqualTo(303);
            expect(c, 2, 0, 0, 0);
        });
    }

    /** Checks the dashboard's counts and the story list's total under each filter. */
    private static void expect(NewsroomClient c, long published, long scheduled, long drafts, long trashed) {
        assertThat(c.get("/admin").doc().selectFirst(".counts").text())
                .contains(published + " published")
                .contains(scheduled + " scheduled")
                .contains(drafts + (drafts == 1 ? " draft " : " drafts"))
                .contains(trashed + " in trash");
        assertThat(total(c, "all")).isEqualTo(published + scheduled + drafts);
        assertThat(total(c, "published")).isEqualTo(published);
        assertThat(total(c, "scheduled")).isEqualTo(scheduled);
        assertThat(total(c, "draft")).isEqualTo(drafts);
        assertThat(total(c, "trash")).isEqualTo(trashed);
    }

    /** The list's total as the pager says it, or 0 when the list is empty (the page then says so instead). */
    private static long total(NewsroomClient c, String status) {
        var doc = c.get("/admin/stories?status=" + status).doc();
        var pager = doc.selectFirst(".pager span");
        if (pager == null) {
            assertThat(doc.text()).contains("No stories match.");
            return 0;
        }
        long total = Long.parseLong(pager.text().replaceAll(".*\\((\\d+) stor(y|ies)\\).*", "$1"));
        assertThat(pager.text()).contains(total == 1 ? "(1 story)" : "(" + total + " stories)");
        return total;
    }
}
