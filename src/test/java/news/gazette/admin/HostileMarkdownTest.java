package news.gazette.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import news.gazette.TestDatabases;
import news.gazette.TestSite;
import news.gazette.story.Markdown;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Markdown that used to kill the request (a stack overflow deep inside the parser) or the CPU (quadratic links) is
 * refused on save and on preview with a message next to the body, and the editor keeps every character typed.
 */
@Tag(TestDatabases.BOTH)
class HostileMarkdownTest {

    private static final List<String> REPRODUCERS =
            List.of(">".repeat(1_000), "> - ".repeat(600), "[a](".repeat(45_000));

    @Test
    void a_body_too_complex_to_format_comes_back_with_a_message_on_save_and_on_preview() {
        TestSite site = TestSite.create();
        long stories = site.count("select count(*) from story");
        JavalinTest.test(site.app, (server, client) -> {
            NewsroomClient c = StoryEditorTest.signedIn(server.port());
            for (String body : REPRODUCERS) {
                for (String action : new String[] {"save", "preview"}) {
                    Map<String, String> form = c.form(
                            "headline", "Nested", "author", "Desk", "body", body, "publish", "now", "action", action);
                    var reply = c.post("/admin/stories/new", form);
                    assertThat(reply.status()).as(action).isEqualTo(400);
                    assertThat(reply.doc().selectFirst("#body-error").text())
                            .as(action)
                            .containsAnyOf("nests", "too complex", "too long");
                    assertThat(reply.doc().select("textarea[name=body]").text()).isEqualTo(body.strip());
                }
                // The live preview says why where the preview goes.
                var live = c.post("/admin/preview", c.form("body", body));
                assertThat(live.status()).isEqualTo(200);
                assertThat(live.doc().select("p.notice-error").text()).containsAnyOf("nests", "too complex");
            }
        });
        assertThat(site.count("select count(*) from story")).isEqualTo(stories);
    }

    @Test
    void a_stored_body_that_the_bounds_refuse_is_shown_as_its_text_instead_of_failing_its_page() {
        TestSite site = TestSite.create();
        String slug = site.publish("Saved before the bounds", Instant.now().minusSeconds(60), "Archive");
        // As a row from before the bounds: its Markdown was never rendered.
        site.jdbc.update(
                "update story set body_markdown = ?, body_html = null where slug = ?", "> ".repeat(500) + "deep", slug);
        StoryBackfill.run(site.jdbc, new Markdown(), true);
        site.jdbc.update("insert into site_change (change_keys, changed_at) values ('any list', ?)", Instant.now());
        site.applyChanges();
        JavalinTest.test(site.app, (server, client) -> {
            var reply = client.get("/articles/" + slug);
            assertThat(reply.code()).isEqualTo(200);
            assertThat(reply.body().string()).contains("&gt; &gt; &gt;").contains("deep");
            assertThat(client.get("/feed.xml").code()).isEqualTo(200);
        });
    }
}
