package news.gazette.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import news.gazette.TestSite;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** Revisions show every field a reader sees, and any of them can be restored, as a new save with its checks. */
class RevisionRestoreTest {

    @Test
    void the_diff_covers_byline_and_flags_and_an_old_version_is_restored_as_a_new_revision() {
        TestSite site = TestSite.create();
        JavalinTest.test(site.app, (server, client) -> {
            NewsroomClient c = StoryEditorTest.signedIn(server.port());
            long id = StoryEditorTest.create(
                    c,
                    "headline",
                    "Ferry Timetable Changes",
                    "body",
                    "Boats every hour.",
                    "author",
                    "Harbour Desk",
                    "tags",
                    "Ferries",
                    "publish",
                    "now");
            String path = "/admin/stories/" + id;
            assertThat(c.post(
                                    path,
                                    c.form(
                                            "version",
                                            "1",
                                            "headline",
                                            "Ferry Timetable Cut",
                                            "body",
                                            "Boats every two hours.",
                                            "author",
                                            "Ann Writer",
                                            "tags",
                                            "Ferries",
                                            "developing",
                                            "1",
                                            "publish",
                                            "now",
                                            "update_note",
                                            "Fewer boats."))
                            .status())
                    .isEqualTo(303);

            Document revisions = c.get(path + "/revisions").doc();
            Document diff =
                    c.get(revisions.selectFirst("ol.rows li a").attr("href")).doc();
            assertThat(diff.select(".diff-add").eachText())
                    .contains(
                            "Added: Byline: Ann Writer",
                            "Added: Developing story: yes",
                            "Added: Update note published: Fewer boats.");
            assertThat(diff.select(".diff-remove").eachText())
                    .contains("Removed: Byline: Harbour Desk", "Removed: Developing story: no");

            String restoreFirst = revisions
                    .select("ol.rows li")
                    .last()
                    .selectFirst("a[href$=/restore]")
                    .attr("href");
            Document loaded = c.get(restoreFirst).doc();
            assertThat(loaded.selectFirst(".notice-ok").text())
                    .contains("Version 1")
                    .contains("Nothing is saved yet");
            assertThat(loaded.select("input[name=headline]").val()).isEqualTo("Ferry Timetable Changes");
            assertThat(loaded.select("input[name=author]").val()).isEqualTo("Harbour Desk");
            assertThat(loaded.select("input[name=version]").val()).isEqualTo("2");
            assertThat(client.get("/articles/ferry-timetable-cut").code()).isEqualTo(200); // nothing changed yet

            var form = c.form();
            loaded.select("#story-form input[name], #story-form textarea[name]").forEach(field -> {
                if (!field.attr("type").equals("radio")
                        && !field.attr("type").equals("checkbox")
                        && !field.attr("type").equals("file")) {
                    form.put(field.attr("name"), field.is("textarea") ? field.wholeText() : field.val());
                }
            });
            form.put("publish", "now");
            form.put("action", "save");
            assertThat(c.post(path, form).status()).isEqualTo(303);
            assertThat(site.count("select count(*) from story_revision where story_id = " + id))
                    .isEqualTo(3);
            Document article = org.jsoup.Jsoup.parse(
                    client.get("/articles/ferry-timetable-changes").body().string());
            assertThat(article.select("h1").text()).isEqualTo("Ferry Timetable Changes");
            assertThat(article.select("article").text())
                    .contains("Boats every hour.")
                    .contains("Harbour Desk");
        });
    }
}
