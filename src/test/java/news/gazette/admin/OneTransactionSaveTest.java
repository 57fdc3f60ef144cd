package news.gazette.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import java.util.List;
import news.gazette.TestDatabases;
import news.gazette.TestSite;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A save is one transaction: the story, its author, tags, update note, correction, revision and change record (which
 * search reads) are written together or not at all. The database is made to refuse the last part of a save (the
 * correction), and nothing of the rest may remain.
 */
@Tag(TestDatabases.BOTH)
class OneTransactionSaveTest {

    private static final String STATE = """
            select (select count(*) from story_update) || ' ' || (select count(*) from story_correction) || ' '
                || (select count(*) from story_revision) || ' ' || (select count(*) from author) || ' '
                || (select count(*) from tag) || ' ' || (select count(*) from site_change) || ' '
                || (select headline || '/' || version from story where id = ?)""";

    @Test
    void a_save_that_fails_at_its_correction_leaves_nothing_of_itself_and_keeps_the_editors_text() {
        TestSite site = TestSite.create();
        JavalinTest.test(site.app, (server, client) -> {
            NewsroomClient c = StoryEditorTest.signedIn(server.port());
            long id = StoryEditorTest.create(
                    c, "headline", "Airship lands", "author", "Desk", "body", "It landed.", "publish", "now");
            String before = state(site, id);
            site.jdbc.update("alter table story_correction add constraint refuses_this check (wrong <> 'FAIL')");

            var reply = c.post(
                    "/admin/stories/" + id,
                    c.form(
                            "version", "1",
                            "headline", "Zeppelin lands safely",
                            "author", "A Brand New Byline",
                            "tags", "Aviation, Brand New Tag",
                            "body", "The zeppelin landed at noon.",
                            "publish", "now",
                            "update_note", "Adds the landing time.",
                            "correction_wrong", "FAIL",
                            "correction_right", "It was a zeppelin, not a blimp."));

            assertThat(state(site, id))
                    .as("nothing of the refused save remains")
                    .isEqualTo(before);
            assertThat(reply.status()).isEqualTo(503);
            assertThat(client.get("/search?q=zeppelin").body().string()).contains("No stories match");
            assertThat(site.jdbc.count("select count(*) from author where name = 'A Brand New Byline'"))
                    .isZero();
            // The form comes back with every word typed.
            var form = reply.doc();
            assertThat(form.select("input[name=headline]").val()).isEqualTo("Zeppelin lands safely");
            assertThat(form.select("textarea[name=body]").text()).isEqualTo("The zeppelin landed at noon.");
            assertThat(form.select("input[name=update_note], textarea[name=update_note]")
                            .val())
                    .isEqualTo("Adds the landing time.");
            assertThat(form.text()).contains("Not saved");

            // The same save goes through whole once the database takes it.
            site.jdbc.update("alter table story_correction drop constraint refuses_this");
            reply = c.post(
                    "/admin/stories/" + id,
                    c.form(
                            "version", "1",
                            "headline", "Zeppelin lands safely",
                            "author", "A Brand New Byline",
                            "tags", "Aviation, Brand New Tag",
                            "body", "The zeppelin landed at noon.",
                            "publish", "now",
                            "update_note", "Adds the landing time.",
                            "correction_wrong", "It was a blimp.",
                            "correction_right", "It was a zeppelin."));
            assertThat(reply.status()).isEqualTo(303);
            List<Long> counts = List.of(
                    site.count("select count(*) from story_update where story_id = " + id),
                    site.count("select count(*) from story_correction where story_id = " + id),
                    site.count("select count(*) from story_revision where story_id = " + id));
            assertThat(counts).containsExactly(1L, 1L, 2L);
            assertThat(client.get("/search?q=zeppelin").body().string()).contains("/articles/zeppelin-lands-safely");
            assertThat(client.get("/articles/zeppelin-lands-safely").body().string())
                    .contains("Adds the landing time.")
                    .contains("It was a zeppelin.");
        });
    }

    private static String state(TestSite site, long id) {
        return site.jdbc.list(STATE, row -> row.getString(1), id).get(0);
    }
}
