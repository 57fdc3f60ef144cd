package news.gazette.story;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import news.gazette.TestDatabases;
import news.gazette.TestSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Readers see what changed in a story since publication: each edit's time, minor or not, and what differs. */
@Tag(TestDatabases.BOTH)
class StoryHistoryTest {

    @Test
    void each_change_since_publication_is_listed_newest_first_with_its_diff_and_never_the_notes() {
        TestSite site = TestSite.create();
        String slug = site.save(
                "Council Approves Budget",
                StoryStatus.PUBLISHED,
                Instant.now().minus(2, ChronoUnit.HOURS),
                "The council met on Monday.\n\nThe vote was 7 to 2.");
        long id = site.count("select id from story where slug = '" + slug + "'");
        JavalinTest.test(site.app, (server, client) -> {
            Document unchanged = Jsoup.parse(
                    client.get("/articles/" + slug + "/history").body().string());
            assertThat(unchanged.select(".history-list li")).isEmpty();
            assertThat(unchanged.selectFirst(".dek").text()).contains("Not changed since.");

            site.rewrite(id, "The council met on Monday.\n\nThe vote was 8 to 1.");
            site.rename(id, "Council Approves Budget After Long Debate");
            site.renameMinor(id, "Council Approves Budget After a Long Debate");
            site.applyChanges();
            Document doc = Jsoup.parse(
                    client.get("/articles/" + slug + "/history").body().string());
            var changes = doc.select(".history-list > li");
            assertThat(changes).hasSize(3);
            assertThat(doc.selectFirst(".dek").text()).contains("3 changes since");
            assertThat(changes.get(0).selectFirst(".history-when").text()).contains("minor edit");
            assertThat(changes.get(0).select("del").text()).isEqualTo("Council Approves Budget After Long Debate");
            assertThat(changes.get(0).select("ins").text()).isEqualTo("Council Approves Budget After a Long Debate");
            assertThat(changes.get(1).selectFirst(".history-when").text()).doesNotContain("minor");
            assertThat(changes.get(2).select(".history-diff del").text()).isEqualTo("The vote was 7 to 2.");
            assertThat(changes.get(2).select(".history-diff ins").text()).isEqualTo("The vote was 8 to 1.");
            assertThat(doc.text()).doesNotContain("secret newsroom note");

            Document article =
                    Jsoup.parse(client.get("/articles/" + slug).body().string());
            assertThat(article.select("a[href=/articles/" + slug + "/history]")).hasSize(1);
        });
    }

    @Test
    void a_story_readers_cannot_see_has_no_history_and_an_old_address_leads_to_the_new_one() {
        TestSite site = TestSite.create();
        site.save("Hidden Draft", StoryStatus.DRAFT, null, "Not yet.");
        String scheduled = site.publish("Tomorrow's Story", Instant.now().plus(1, ChronoUnit.DAYS));
        JavalinTest.test(site.app, (server, client) -> {
            assertThat(client.get("/articles/hidden-draft/history").code()).isEqualTo(404);
            assertThat(client.get("/articles/" + scheduled + "/history").code()).isEqualTo(404);
            site.jdbc.update(
                    "insert into story_slug_history (old_slug, story_id, changed_at) values ('old-launch', 1, ?)",
                    Instant.now());
            var moved = client.get("/articles/old-launch/history");
            assertThat(moved.code()).isEqualTo(301);
            assertThat(moved.headers().get("Location")).asString().contains(ReaderPagesTest.LAUNCH_PATH + "/history]");
        });
    }
}
