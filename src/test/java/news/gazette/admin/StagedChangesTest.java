package news.gazette.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import news.gazette.MovableClock;
import news.gazette.TestDatabases;
import news.gazette.TestSite;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A change to a published story saved as pending: readers see the live version until it is published. */
@Tag(TestDatabases.BOTH)
class StagedChangesTest {

    @Test
    void a_pending_change_is_previewed_then_published_now_and_a_second_one_is_discarded() {
        TestSite site = TestSite.create();
        String slug = site.publish("Bridge Repairs Begin", Instant.now().minusSeconds(600), "Roads");
        long id = site.count("select id from story where slug = '" + slug + "'");
        JavalinTest.test(site.app, (server, client) -> {
            NewsroomClient c = StoryEditorTest.signedIn(server.port());
            String path = "/admin/stories/" + id;
            var staged = c.post(path, change(c, path, "The bridge closes for a month.", "stage"));
            assertThat(staged.status()).isEqualTo(303);
            assertThat(staged.header("Location")).endsWith("?staged=1");
            assertThat(client.get("/articles/" + slug).body().string()).doesNotContain("closes for a month");

            Document editor = c.get(path).doc();
            assertThat(editor.select("#pending-state").text()).contains("pending change");
            assertThat(editor.selectFirst("textarea[name=body]").wholeText())
                    .isEqualTo("The bridge closes for a month.");
            Document preview = c.get(path + "/preview").doc();
            assertThat(preview.select("article").text()).contains("The bridge closes for a month.");
            assertThat(preview.select("meta[name=robots]").attr("content")).contains("noindex");
            assertThat(preview.selectFirst(".preview-banner").text()).contains("pending change");

            var published = c.post(path, change(c, path, "The bridge closes for a month.", "save"));
            assertThat(published.status()).isEqualTo(303);
            assertThat(client.get("/articles/" + slug).body().string()).contains("closes for a month");
            assertThat(site.count("select count(*) from story_pending_change")).isZero();

            assertThat(c.post(path, change(c, path, "Never mind.", "stage")).status())
                    .isEqualTo(303);
            assertThat(c.post(path + "/pending/discard", c.form()).status()).isEqualTo(303);
            assertThat(site.count("select count(*) from story_pending_change")).isZero();
            assertThat(c.get(path).doc().selectFirst("textarea[name=body]").wholeText())
                    .isEqualTo("The bridge closes for a month.");
            assertThat(client.get("/articles/" + slug).body().string()).doesNotContain("Never mind");
        });
    }

    @Test
    void a_pending_change_with_a_time_goes_live_by_itself_at_that_time_once() throws Exception {
        MovableClock clock = new MovableClock(Instant.now().truncatedTo(ChronoUnit.MINUTES));
        TestSite site = TestSite.create(clock);
        String slug = site.publish("Market Hall Reopens", clock.instant().minusSeconds(600));
        long id = site.count("select id from story where slug = '" + slug + "'");
        JavalinTest.test(site.app, (server, client) -> {
            NewsroomClient c = StoryEditorTest.signedIn(server.port());
            String path = "/admin/stories/" + id;
            String at = StoryForm.LOCAL.format(
                    clock.instant().plus(Duration.ofMinutes(5)).atOffset(ZoneOffset.UTC));
            var form = change(c, path, "The hall opens at eight.", "stage");
            form.put("stage_at", at);
            assertThat(c.post(path, form).status()).isEqualTo(303);
            assertThat(c.get(path).doc().select("#pending-state").text()).contains("goes live by itself");
            Thread.sleep(600); // several polls: nothing is due yet
            assertThat(client.get("/articles/" + slug).body().string()).doesNotContain("opens at eight");

            clock.set(clock.instant().plus(Duration.ofMinutes(6)));
            long deadline = System.currentTimeMillis() + 5_000;
            while (site.count("select count(*) from story_pending_change") > 0
                    && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            assertThat(site.count("select count(*) from story_pending_change")).isZero();
            assertThat(client.get("/articles/" + slug).body().string()).contains("opens at eight");
            assertThat(site.count("select count(*) from story_revision where story_id = " + id))
                    .isEqualTo(2);

            var past = change(c, path, "Too late.", "stage");
            past.put(
                    "stage_at",
                    StoryForm.LOCAL.format(clock.instant().minusSeconds(120).atOffset(ZoneOffset.UTC)));
            var refused = c.post(path, past);
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.doc().selectFirst("#stage_at-error").text()).contains("still to come");
        });
    }

    /** The editor's form for the story as it is now, with a new body and the given action. */
    static java.util.Map<String, String> change(NewsroomClient c, String path, String body, String action) {
        Document now = c.get(path).doc();
        return c.form(
                "version", now.select("input[name=version]").val(),
                "headline", now.select("input[name=headline]").val(),
                "author", now.select("input[name=author]").val(),
                "tags", now.select("input[name=tags]").val(),
                "body", body,
                "publish", "now",
                "publish_at", now.select("input[name=publish_at]").val(),
                "pending", now.select("input[name=pending]").val(),
                "action", action);
    }
}
