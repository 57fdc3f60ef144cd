package news.gazette.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import java.time.Instant;
import news.gazette.TestDatabases;
import news.gazette.TestSite;
import news.gazette.account.Role;
import news.gazette.story.StoryStatus;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A contributor writes and submits; an editor returns with a note or publishes; each permission holds on the server. */
@Tag(TestDatabases.BOTH)
class ContributorReviewTest {

    static final String CONTRIBUTOR_PASSWORD = "contributor password 1";

    @Test
    void a_contributor_submits_an_editor_returns_it_with_a_note_and_then_publishes_it() {
        TestSite site = TestSite.create();
        site.addAccount("cora", CONTRIBUTOR_PASSWORD, Role.CONTRIBUTOR);
        JavalinTest.test(site.app, (server, client) -> {
            NewsroomClient cora = new NewsroomClient(server.port());
            assertThat(cora.signIn("cora", CONTRIBUTOR_PASSWORD).status()).isEqualTo(303);
            assertThat(cora.post("/admin/profile", cora.form("display_name", "Cora Contributor"))
                            .status())
                    .isEqualTo(303);
            Document blank = cora.get("/admin/stories/new").doc();
            assertThat(blank.select("input[name=author]").val()).isEqualTo("Cora Contributor");
            assertThat(blank.select("input[name=publish][value=now]")).isEmpty();

            // Publishing is refused with the reason next to the choice, and nothing typed is lost or saved.
            var published = cora.post(
                    "/admin/stories/new",
                    cora.form(
                            "headline",
                            "Harbour Dredging Starts",
                            "author",
                            "Cora Contributor",
                            "body",
                            "Text.",
                            "publish",
                            "now"));
            assertThat(published.status()).isEqualTo(400);
            assertThat(published.doc().selectFirst("#publish-error").text()).contains("submit stories for review");
            assertThat(published.doc().select("input[name=headline]").val()).isEqualTo("Harbour Dredging Starts");
            assertThat(site.count("select count(*) from story where headline = 'Harbour Dredging Starts'"))
                    .isZero();

            var submitted = cora.post(
                    "/admin/stories/new",
                    cora.form(
                            "headline",
                            "Harbour Dredging Starts",
                            "author",
                            "Cora Contributor",
                            "body",
                            "Text.",
                            "publish",
                            "review"));
            assertThat(submitted.status()).isEqualTo(303);
            String editPath = submitted.header("Location").replace("?saved=1", "");
            long id = Long.parseLong(editPath.substring(editPath.lastIndexOf('/') + 1));
            assertThat(site.count("select count(*) from story where id = " + id
                            + " and status = 'draft' and review_state = 'submitted'"
                            + " and owner_id = (select id from account where username = 'cora')"))
                    .isOne();
            assertThat(cora.get(editPath + "?saved=1")
                            .doc()
                            .selectFirst(".notice-ok")
                            .text())
                    .startsWith("Submitted for review at");
            assertThat(client.get("/articles/harbour-dredging-starts").code()).isEqualTo(404);

            NewsroomClient editor = StoryEditorTest.signedIn(server.port());
            Document dashboard = editor.get("/admin").doc();
            assertThat(dashboard.select("[aria-labelledby=review-heading] a").eachText())
                    .containsExactly("Harbour Dredging Starts");

            var noNote = editor.post(editPath + "/return", editor.form("review_note", "  "));
            assertThat(noNote.status()).isEqualTo(400);
            assertThat(noNote.doc().selectFirst("#review_note-error").text())
                    .isEqualTo("Tell the writer what to change.");
            assertThat(editor.post(editPath + "/return", editor.form("review_note", "Name the dredging company."))
                            .status())
                    .isEqualTo(303);
            assertThat(cora.post(editPath + "/return", cora.form("review_note", "Looks fine to me"))
                            .status())
                    .isEqualTo(403);

            Document coraHome = cora.get("/admin").doc();
            assertThat(coraHome.select("[aria-labelledby=returned-heading] a").eachText())
                    .containsExactly("Harbour Dredging Starts");
            assertThat(cora.get(editPath).doc().selectFirst(".review-note").text())
                    .isEqualTo("Name the dredging company.");

            int version = Integer.parseInt(
                    cora.get(editPath).doc().select("input[name=version]").val());
            assertThat(cora.post(
                                    editPath,
                                    cora.form(
                                            "headline",
                                            "Harbour Dredging Starts",
                                            "author",
                                            "Cora Contributor",
                                            "body",
                                            "Deep Water Ltd starts dredging.",
                                            "publish",
                                            "review",
                                            "version",
                                            String.valueOf(version)))
                            .status())
                    .isEqualTo(303);
            assertThat(editor.get("/admin")
                            .doc()
                            .select("[aria-labelledby=review-heading] a")
                            .eachText())
                    .containsExactly("Harbour Dredging Starts");

            Document inReview = editor.get(editPath).doc();
            assertThat(inReview.select("input[name=publish][value=review]").hasAttr("checked"))
                    .isTrue();
            int next = Integer.parseInt(inReview.select("input[name=version]").val());
            assertThat(editor.post(
                                    editPath,
                                    editor.form(
                                            "headline",
                                            "Harbour Dredging Starts",
                                            "author",
                                            "Cora Contributor",
                                            "body",
                                            "Deep Water Ltd starts dredging.",
                                            "publish",
                                            "now",
                                            "version",
                                            String.valueOf(next)))
                            .status())
                    .isEqualTo(303);
            assertThat(client.get("/articles/harbour-dredging-starts").code()).isEqualTo(200);
            assertThat(site.count("select count(*) from story where id = " + id + " and review_state is null"))
                    .isOne();
            assertThat(editor.get("/admin").doc().select("[aria-labelledby=review-heading] a"))
                    .isEmpty();

            // Published, the story is the editors' now: the contributor may read it but not change or trash it.
            Document readOnly = cora.get(editPath).doc();
            assertThat(readOnly.select("button[value=save]")).isEmpty();
            assertThat(cora.post(
                                    editPath,
                                    cora.form(
                                            "headline",
                                            "Changed by Cora",
                                            "author",
                                            "Cora",
                                            "body",
                                            "x",
                                            "publish",
                                            "review",
                                            "version",
                                            String.valueOf(next + 1)))
                            .status())
                    .isEqualTo(403);
            assertThat(cora.post(editPath + "/trash", cora.form()).status()).isEqualTo(403);
            assertThat(site.count("select count(*) from story where headline = 'Harbour Dredging Starts'"
                            + " and deleted_at is null"))
                    .isOne();
        });
    }

    @Test
    void a_contributor_sees_and_touches_only_their_own_stories_and_none_of_the_editors_tools() {
        TestSite site = TestSite.create();
        site.addAccount("cora", CONTRIBUTOR_PASSWORD, Role.CONTRIBUTOR);
        String othersDraft = site.save("Editor's Own Draft", StoryStatus.DRAFT, null, "Secret plans.");
        site.publish("A Published Story", Instant.now().minusSeconds(60));
        long othersId = site.count("select id from story where slug = '" + othersDraft + "'");
        JavalinTest.test(site.app, (server, client) -> {
            NewsroomClient cora = new NewsroomClient(server.port());
            cora.signIn("cora", CONTRIBUTOR_PASSWORD);
            var mine = cora.post(
                    "/admin/stories/new",
                    cora.form("headline", "Cora's Draft", "author", "Cora", "body", "Mine.", "publish", "draft"));
            assertThat(mine.status()).isEqualTo(303);

            assertThat(cora.get("/admin/stories")
                            .doc()
                            .select(".story-table tbody a[href^=/admin/stories/]")
                            .eachText())
                    .containsExactly("Cora's Draft");
            Document home = cora.get("/admin").doc();
            assertThat(home.select(".counts")).isEmpty();
            assertThat(home.text()).doesNotContain("Editor's Own Draft").doesNotContain("A Published Story");

            String other = "/admin/stories/" + othersId;
            assertThat(cora.get(other).status()).isEqualTo(403);
            assertThat(cora.get(other + "/revisions").status()).isEqualTo(403);
            assertThat(cora.post(
                                    other,
                                    cora.form(
                                            "headline",
                                            "Taken over",
                                            "author",
                                            "Cora",
                                            "body",
                                            "x",
                                            "publish",
                                            "draft",
                                            "version",
                                            "1"))
                            .status())
                    .isEqualTo(403);
            assertThat(cora.post(other + "/trash", cora.form()).status()).isEqualTo(403);
            assertThat(cora.post(other + "/restore", cora.form()).status()).isEqualTo(403);
            assertThat(cora.post(other + "/return", cora.form("review_note", "x"))
                            .status())
                    .isEqualTo(403);
            assertThat(cora.post("/admin/trash/empty", cora.form("confirm", "yes"))
                            .status())
                    .isEqualTo(403);
            assertThat(cora.get("/admin/accounts").status()).isEqualTo(403);
            assertThat(cora.post("/admin/accounts/1/disable", cora.form()).status())
                    .isEqualTo(403);
            assertThat(cora.post("/admin/export", cora.form()).status()).isEqualTo(403);

            // Their own draft they may trash and restore.
            String minePath = mine.header("Location").replace("?saved=1", "");
            assertThat(cora.post(minePath + "/trash", cora.form()).status()).isEqualTo(303);
            assertThat(cora.post(minePath + "/restore", cora.form()).status()).isEqualTo(303);
        });
        assertThat(site.count("select count(*) from story where headline = 'Editor''s Own Draft'"
                        + " and deleted_at is null"))
                .isOne();
    }
}
