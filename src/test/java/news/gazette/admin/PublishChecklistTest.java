package news.gazette.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import java.time.Instant;
import news.gazette.TestSite;
import news.gazette.story.StoryStatus;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The pre-publish checklist: warnings an editor sees before a story goes out, and may override. */
class PublishChecklistTest {

    @Test
    void a_bare_story_with_markers_is_held_back_with_every_warning_until_the_editor_overrides() {
        TestSite site = TestSite.create();
        String draft = site.save("Unfinished Draft", StoryStatus.DRAFT, null, "x");
        site.publish("Ferry Strike Called Off", Instant.now().minusSeconds(3600));
        JavalinTest.test(site.app, (server, client) -> {
            NewsroomClient c = StoryEditorTest.signedIn(server.port());
            String body = "The union agreed. [NOTE: check this]\n\nSee [the draft](/articles/" + draft
                    + ") and [the desk](/admin/stories).";
            var held = c.post(
                    "/admin/stories/new",
                    c.form(
                            "headline",
                            "Ferry Strike Called Off",
                            "author",
                            "Desk",
                            "body",
                            body,
                            "notes",
                            "TODO verify quote",
                            "publish",
                            "now",
                            "checklist",
                            ""));
            assertThat(held.status()).isEqualTo(400);
            Document page = held.doc();
            assertThat(page.select("#checklist li").eachText())
                    .anySatisfy(w -> assertThat(w).startsWith("No summary"))
                    .anySatisfy(w -> assertThat(w).startsWith("No tags"))
                    .anySatisfy(w -> assertThat(w).contains("“[NOTE”").contains("line 1"))
                    .anySatisfy(w -> assertThat(w).contains("open to-do"))
                    .anySatisfy(w -> assertThat(w).contains("same headline"))
                    .anySatisfy(w -> assertThat(w).contains("links to the newsroom"))
                    .anySatisfy(w -> assertThat(w).contains("/articles/" + draft));
            assertThat(page.select("#checklist a[href=#summary]")).hasSize(1);
            assertThat(page.selectFirst("textarea[name=body]").wholeText()).isEqualTo(body);
            assertThat(page.select("textarea[name=notes]").text()).isEqualTo("TODO verify quote");
            assertThat(page.select("input#checklist-override")).hasSize(1);
            assertThat(site.count("select count(*) from story where headline = 'Ferry Strike Called Off'"))
                    .isOne();

            var overridden = c.post(
                    "/admin/stories/new",
                    c.form(
                            "headline",
                            "Ferry Strike Called Off",
                            "author",
                            "Desk",
                            "body",
                            body,
                            "notes",
                            "TODO verify quote",
                            "publish",
                            "now",
                            "checklist",
                            "override"));
            assertThat(overridden.status()).isEqualTo(303);
            assertThat(site.count("select count(*) from story where headline = 'Ferry Strike Called Off'"))
                    .isEqualTo(2);
        });
    }

    @Test
    void a_complete_story_goes_out_at_once_and_later_saves_of_a_live_story_are_not_held() {
        TestSite site = TestSite.create();
        JavalinTest.test(site.app, (server, client) -> {
            NewsroomClient c = StoryEditorTest.signedIn(server.port());
            var saved = c.post(
                    "/admin/stories/new",
                    c.form(
                            "headline",
                            "Library Opens Late",
                            "summary",
                            "Evening hours start Monday.",
                            "tags",
                            "Libraries",
                            "author",
                            "Desk",
                            "body",
                            "The library opens until ten.",
                            "publish",
                            "now",
                            "checklist",
                            ""));
            assertThat(saved.status()).isEqualTo(303);
            String path = saved.header("Location").replace("?saved=1", "");
            String version = c.get(path).doc().select("input[name=version]").val();
            // Already live: a later save (even one that drops the summary) is an edit, not a going-out.
            var edited = c.post(
                    path,
                    c.form(
                            "headline",
                            "Library Opens Late",
                            "author",
                            "Desk",
                            "body",
                            "Until ten. TODO",
                            "publish",
                            "now",
                            "version",
                            version,
                            "checklist",
                            ""));
            assertThat(edited.status()).isEqualTo(303);
        });
    }

    @Test
    void a_long_headline_is_warned_about_and_missing_alt_text_stays_an_error() {
        TestSite site = TestSite.create();
        JavalinTest.test(site.app, (server, client) -> {
            NewsroomClient c = StoryEditorTest.signedIn(server.port());
            String headline = "A headline that goes on and on about the council's long meeting on the budget today";
            var held = c.post(
                    "/admin/stories/new",
                    c.form(
                            "headline",
                            headline,
                            "summary",
                            "s",
                            "tags",
                            "Council",
                            "author",
                            "Desk",
                            "body",
                            "b",
                            "publish",
                            "now",
                            "checklist",
                            ""));
            assertThat(held.doc().select("#checklist li").eachText())
                    .containsExactly("The headline has " + headline.length()
                            + " characters; search results show about 70 and cut the rest.");
            var noAlt = c.post(
                    "/admin/stories/new",
                    c.form(
                            "headline",
                            "Short",
                            "author",
                            "Desk",
                            "body",
                            "b",
                            "image_url",
                            "/media/x.jpg",
                            "publish",
                            "now",
                            "checklist",
                            "override"));
            assertThat(noAlt.status()).isEqualTo(400);
            assertThat(noAlt.doc().select("#image_alt-error")).hasSize(1);
        });
    }

    @Test
    void published_with_a_future_date_is_refused_instead_of_publishing_now() {
        TestSite site = TestSite.create();
        JavalinTest.test(site.app, (server, client) -> {
            NewsroomClient c = StoryEditorTest.signedIn(server.port());
            String tomorrow = java.time.LocalDateTime.now(java.time.ZoneOffset.UTC)
                    .plusDays(1)
                    .format(StoryForm.LOCAL);
            var refused = c.post(
                    "/admin/stories/new",
                    c.form(
                            "headline",
                            "Not Yet",
                            "author",
                            "Desk",
                            "body",
                            "b",
                            "publish",
                            "now",
                            "publish_at",
                            tomorrow));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.doc().selectFirst("#publish_at-error").text()).contains("Scheduled for");
            assertThat(refused.doc().select("input[name=publish_at]").val()).isEqualTo(tomorrow);
            assertThat(site.count("select count(*) from story where headline = 'Not Yet'"))
                    .isZero();
        });
    }
}
