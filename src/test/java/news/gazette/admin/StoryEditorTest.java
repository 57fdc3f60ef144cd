package news.gazette.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import news.gazette.MovableClock;
import news.gazette.TestDatabases;
import news.gazette.TestSite;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag(TestDatabases.BOTH)
class StoryEditorTest {

    static final String NOTE = "Source is Deep Throat, do not name";

    /** Creates a story through the form and returns its newsroom id. */
    static long create(NewsroomClient c, String... fields) {
        var reply = c.post("/admin/stories/new", c.form(fields));
        assertThat(reply.status()).as(reply.body()).isEqualTo(303);
        String location = reply.header("Location");
        return Long.parseLong(location.replaceAll("^/admin/stories/(\\d+)\\?saved=1$", "$1"));
    }

    static NewsroomClient signedIn(int port) {
        NewsroomClient c = new NewsroomClient(port);
        assertThat(c.signIn("admin", TestSite.ADMIN_PASSWORD).status()).isEqualTo(303);
        return c;
    }

    @Test
    void a_failed_validation_keeps_everything_typed_and_names_the_field() {
        TestSite site = TestSite.create();
        long before = site.count("select count(*) from story");
        JavalinTest.test(site.app, (server, client) -> {
            NewsroomClient c = signedIn(server.port());
            var reply = c.post(
                    "/admin/stories/new",
                    c.form(
                            "headline", "",
                            "summary", "A summary I spent an hour on",
                            "body", "## Heading\n\nParagraph one & <two>.",
                            "tags", "Budget, City Hall",
                            "author", "Jane Reporter",
                            "notes", "call back the mayor",
                            "publish", "schedule",
                            "publish_at", ""));
            assertThat(reply.status()).isEqualTo(400);
            Document doc = reply.doc();
            assertThat(doc.selectFirst("#headline").attr("aria-invalid")).isEqualTo("true");
            assertThat(doc.selectFirst("#headline").attr("aria-describedby")).isEqualTo("headline-error");
            assertThat(doc.selectFirst("#headline-error").text()).contains("headline");
            assertThat(doc.selectFirst("#publish_at-error").text()).contains("UTC");
            assertThat(doc.selectFirst("#summary").text()).isEqualTo("A summary I spent an hour on");
            assertThat(doc.selectFirst("#body").wholeText()).isEqualTo("## Heading\n\nParagraph one & <two>.");
            assertThat(doc.selectFirst("#tags").attr("value")).isEqualTo("Budget, City Hall");
            assertThat(doc.selectFirst("#author").attr("value")).isEqualTo("Jane Reporter");
            assertThat(doc.selectFirst("#notes").text()).isEqualTo("call back the mayor");
            assertThat(doc.selectFirst("#publish-schedule").hasAttr("checked")).isTrue();

            var tooLong =
                    c.post("/admin/stories/new", c.form("headline", "x".repeat(301), "author", "A", "body", "keep me"));
            assertThat(tooLong.status()).isEqualTo(400);
            assertThat(tooLong.doc().selectFirst("#headline-error").text()).contains("at most 300");
            assertThat(tooLong.doc().selectFirst("#body").text()).isEqualTo("keep me");
        });
        assertThat(site.count("select count(*) from story")).isEqualTo(before);
    }

    @Test
    void preview_renders_the_body_like_the_public_page_without_saving() {
        TestSite site = TestSite.create();
        long before = site.count("select count(*) from story");
        JavalinTest.test(site.app, (server, client) -> {
            NewsroomClient c = signedIn(server.port());
            var reply = c.post(
                    "/admin/stories/new",
                    c.form("action", "preview", "headline", "H", "body", "## Sub\n\n**bold** <script>x</script>"));
            assertThat(reply.status()).isEqualTo(200);
            Document doc = reply.doc();
            assertThat(doc.selectFirst("#preview-body h2").text()).isEqualTo("Sub");
            assertThat(doc.selectFirst("#preview-body strong").text()).isEqualTo("bold");
            assertThat(doc.select("#preview-body script")).isEmpty();
            assertThat(doc.selectFirst("#body").wholeText()).startsWith("## Sub");
        });
        assertThat(site.count("select count(*) from story")).isEqualTo(before);
    }

    @Test
    void a_published_story_appears_at_once_on_front_tag_and_author_pages_and_notes_stay_private() {
        TestSite site = TestSite.create();
        JavalinTest.test(site.app, (server, client) -> {
            NewsroomClient c = signedIn(server.port());
            create(
                    c,
                    "headline",
                    "Council Passes Budget",
                    "summary",
                    "A late-night vote.",
                    "body",
                    "The council voted 7-2.",
                    "tags",
                    "City Hall, Budget 2027",
                    "author",
                    "Jane Reporter",
                    "notes",
                    NOTE,
                    "publish",
                    "now");
            assertThat(client.get("/").body().string()).contains("Council Passes Budget");
            assertThat(client.get("/tags/budget-2027").body().string()).contains("Council Passes Budget");
            assertThat(client.get("/authors/jane-reporter").body().string()).contains("Council Passes Budget");
            var article = client.get("/articles/council-passes-budget");
            assertThat(article.code()).isEqualTo(200);
            String html = article.body().string();
            assertThat(html)
                    .contains("The council voted 7-2.")
                    .doesNotContain(NOTE)
                    .doesNotContain("Deep Throat");
            assertThat(client.get("/").body().string()).doesNotContain("Deep Throat");
        });
    }

    @Test
    void a_scheduled_story_appears_when_its_time_comes_without_a_restart() {
        Instant now = Instant.parse("2026-11-25T09:00:00Z");
        MovableClock clock = new MovableClock(now);
        TestSite site = TestSite.create(clock);
        JavalinTest.test(site.app, (server, client) -> {
            NewsroomClient c = signedIn(server.port());
            String at = StoryForm.LOCAL.format(now.plus(1, ChronoUnit.HOURS).atOffset(ZoneOffset.UTC));
            create(
                    c,
                    "headline",
                    "Embargoed Report",
                    "body",
                    "Out at ten.",
                    "tags",
                    "Reports",
                    "author",
                    "Desk",
                    "publish",
                    "schedule",
                    "publish_at",
                    at);
            assertThat(client.get("/articles/embargoed-report").code()).isEqualTo(404);
            assertThat(client.get("/").body().string()).doesNotContain("Embargoed Report");
            assertThat(c.get("/admin").doc().select("#scheduled-heading + ol").text())
                    .contains("Embargoed Report");

            clock.set(now.plus(61, ChronoUnit.MINUTES));
            assertThat(client.get("/articles/embargoed-report").code()).isEqualTo(200);
            assertThat(client.get("/").body().string()).contains("Embargoed Report");
            assertThat(client.get("/tags/reports").body().string()).contains("Embargoed Report");
        });
    }

    @Test
    void a_stale_save_is_refused_and_keeps_the_editors_text() {
        TestSite site = TestSite.create();
        JavalinTest.test(site.app, (server, client) -> {
            NewsroomClient alice = signedIn(server.port());
            long id = create(alice, "headline", "Shared Story", "body", "first", "author", "Desk", "publish", "draft");
            String version = alice.get("/admin/stories/" + id)
                    .doc()
                    .selectFirst("input[name=version]")
                    .attr("value");
            NewsroomClient bob = signedIn(server.port());
            var bobSave = bob.post(
                    "/admin/stories/" + id,
                    bob.form("version", version, "headline", "Shared Story", "body", "bob's text", "author", "Desk"));
            assertThat(bobSave.status()).isEqualTo(303);

            var aliceSave = alice.post(
                    "/admin/stories/" + id,
                    alice.form(
                            "version", version, "headline", "Shared Story", "body", "alice's text", "author", "Desk"));
            assertThat(aliceSave.status()).isEqualTo(409);
            assertThat(aliceSave.doc().selectFirst(".notice-error").text()).contains("someone else saved");
            assertThat(aliceSave.doc().selectFirst("#body").text()).isEqualTo("alice's text");
        });
        assertThat(site.jdbc.first("select body_markdown from story where slug = 'shared-story'", r -> r.getString(1)))
                .contains("bob's text");
    }

    @Test
    void a_changed_slug_redirects_permanently_from_the_old_address() {
        TestSite site = TestSite.create();
        JavalinTest.test(site.app, (server, client) -> {
            NewsroomClient c = signedIn(server.port());
            long id = create(c, "headline", "Old Name", "body", "b", "author", "Desk", "publish", "now");
            var saved = c.post(
                    "/admin/stories/" + id,
                    c.form(
                            "version",
                            "1",
                            "headline",
                            "New Name",
                            "slug",
                            "new-name",
                            "body",
                            "b",
                            "author",
                            "Desk",
                            "publish",
                            "now"));
            assertThat(saved.status()).isEqualTo(303);
            NewsroomClient reader = new NewsroomClient(server.port());
            var old = reader.get("/articles/old-name");
            assertThat(old.status()).isEqualTo(301);
            assertThat(old.header("Location")).isEqualTo("/articles/new-name");
            assertThat(reader.get("/articles/new-name").status()).isEqualTo(200);
            // A second story may not take the first one's old address.
            var clash = c.post(
                    "/admin/stories/new",
                    c.form("headline", "Other", "slug", "old-name", "body", "b", "author", "Desk"));
            assertThat(clash.status()).isEqualTo(400);
            assertThat(clash.doc().selectFirst("#slug-error").text()).contains("old-name-2");
        });
    }

    @Test
    void trash_hides_a_story_from_readers_and_restore_brings_it_back() {
        TestSite site = TestSite.create();
        JavalinTest.test(site.app, (server, client) -> {
            NewsroomClient c = signedIn(server.port());
            long id = create(
                    c, "headline", "Binned Story", "body", "b", "tags", "Bins", "author", "Desk", "publish", "now");
            assertThat(c.post("/admin/stories/" + id + "/trash", c.form()).status())
                    .isEqualTo(303);
            assertThat(client.get("/articles/binned-story").code()).isEqualTo(404);
            assertThat(client.get("/").body().string()).doesNotContain("Binned Story");
            assertThat(client.get("/tags/bins").body().string()).doesNotContain("Binned Story");
            assertThat(c.get("/admin/stories?status=trash").body()).contains("Binned Story");

            var restored = c.post("/admin/stories/" + id + "/restore", c.form());
            assertThat(restored.status()).isEqualTo(303);
            assertThat(c.get(restored.header("Location"))
                            .doc()
                            .selectFirst(".notice-ok")
                            .text())
                    .isEqualTo("Restored from the trash. It is published again: readers can see it now.");
            assertThat(client.get("/articles/binned-story").code()).isEqualTo(200);

            // Unpublishing (back to draft) hides it too.
            var unpublished = c.post(
                    "/admin/stories/" + id,
                    c.form(
                            "version",
                            "1",
                            "headline",
                            "Binned Story",
                            "body",
                            "b",
                            "author",
                            "Desk",
                            "publish",
                            "draft"));
            assertThat(unpublished.status()).isEqualTo(303);
            assertThat(client.get("/articles/binned-story").code()).isEqualTo(404);

            c.post("/admin/stories/" + id + "/trash", c.form());
            // The first press only asks: nothing is deleted until the confirming form comes back.
            var asked = c.post("/admin/trash/empty", c.form());
            assertThat(asked.status()).isEqualTo(200);
            assertThat(asked.doc().selectFirst("h1").text()).isEqualTo("Delete 1 story for good?");
            assertThat(asked.doc()
                            .select("form[action=/admin/trash/empty] input[name=confirm]")
                            .val())
                    .isEqualTo("yes");
            assertThat(site.count("select count(*) from story where slug = 'binned-story'"))
                    .isOne();
            assertThat(c.post("/admin/trash/empty", c.form("confirm", "yes")).status())
                    .isEqualTo(303);
        });
        assertThat(site.count("select count(*) from story where slug = 'binned-story'"))
                .isZero();
    }

    @Test
    void updates_and_corrections_appear_on_the_article_and_revisions_show_a_diff() {
        TestSite site = TestSite.create();
        JavalinTest.test(site.app, (server, client) -> {
            NewsroomClient c = signedIn(server.port());
            long id = create(
                    c,
                    "headline",
                    "Storm Hits Coast",
                    "body",
                    "Winds of 80 km/h.",
                    "author",
                    "Desk",
                    "publish",
                    "now",
                    "developing",
                    "1");
            var saved = c.post(
                    "/admin/stories/" + id,
                    c.form(
                            "version", "1",
                            "headline", "Storm Hits Coast",
                            "body", "Winds of 120 km/h.",
                            "author", "Desk",
                            "publish", "now",
                            "developing", "1",
                            "update_note", "Wind speeds revised upward.",
                            "correction_wrong", "the storm hit on Monday.",
                            "correction_right", "it hit on Tuesday."));
            assertThat(saved.status()).isEqualTo(303);
            Document article = c.get("/articles/storm-hits-coast").doc();
            assertThat(article.selectFirst(".corrections").text())
                    .contains("the storm hit on Monday.")
                    .contains("it hit on Tuesday.");
            assertThat(article.selectFirst(".update-list").text()).contains("Wind speeds revised upward.");
            assertThat(c.get("/corrections")
                            .doc()
                            .selectFirst(".correction-list")
                            .text())
                    .contains("Storm Hits Coast")
                    .contains("it hit on Tuesday.");

            Document revisions = c.get("/admin/stories/" + id + "/revisions").doc();
            assertThat(revisions.select("ol.rows li")).hasSize(2);
            String latest = revisions.selectFirst("ol.rows li a").attr("href");
            Document diff = c.get(latest).doc();
            assertThat(diff.select(".diff-add").eachText()).anyMatch(t -> t.contains("120 km/h"));
            assertThat(diff.select(".diff-remove").eachText()).anyMatch(t -> t.contains("80 km/h"));
        });
    }
}
