package news.gazette.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.gazette.MovableClock;
import news.gazette.TestDatabases;
import news.gazette.TestSite;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** An embargoed, scheduled story shared through a private link: it opens signed out, never cached, until revoked. */
@Tag(TestDatabases.BOTH)
class PreviewLinksTest {

    private static final Pattern LINK = Pattern.compile("/preview/([A-Za-z0-9_-]{43})");

    @Test
    void an_embargoed_story_is_shared_by_a_link_that_works_signed_out_until_revoked_and_leaks_nowhere()
            throws Exception {
        MovableClock clock = new MovableClock(Instant.now().truncatedTo(ChronoUnit.MINUTES));
        TestSite site = TestSite.create(clock);
        JavalinTest.test(site.app, (server, client) -> {
            NewsroomClient c = StoryEditorTest.signedIn(server.port());
            String at = StoryForm.LOCAL.format(
                    clock.instant().plus(Duration.ofHours(2)).atOffset(ZoneOffset.UTC));
            var saved = c.post(
                    "/admin/stories/new",
                    c.form(
                            "headline",
                            "Embargoed Budget Figures",
                            "author",
                            "Desk",
                            "body",
                            "Secret numbers.",
                            "summary",
                            "s",
                            "tags",
                            "Budget",
                            "publish",
                            "schedule",
                            "publish_at",
                            at,
                            "embargo",
                            "1"));
            assertThat(saved.status()).isEqualTo(303);
            String path = saved.header("Location").replace("?saved=1", "");

            // Under embargo, "Published" is refused until the embargo is lifted.
            String version = c.get(path).doc().select("input[name=version]").val();
            assertThat(c.get(path).doc().select("input#embargo").hasAttr("checked"))
                    .isTrue();
            var early = c.post(
                    path,
                    c.form(
                            "headline",
                            "Embargoed Budget Figures",
                            "author",
                            "Desk",
                            "body",
                            "Secret numbers.",
                            "publish",
                            "now",
                            "embargo",
                            "1",
                            "version",
                            version));
            assertThat(early.status()).isEqualTo(400);
            assertThat(early.doc().selectFirst("#embargo-error").text()).contains("Scheduled for");

            Document made = c.post(path + "/preview-links", c.form("days", "7")).doc();
            // The editor shown with the new link still holds the embargo, so saving from it keeps the embargo.
            assertThat(made.select("input#embargo").hasAttr("checked")).isTrue();
            Matcher m = LINK.matcher(made.selectFirst(".notice-ok").text());
            assertThat(m.find()).isTrue();
            String link = m.group();
            assertThat(site.count("select count(*) from preview_link where token_hash = '" + m.group(1) + "'"))
                    .as("only the token's hash is stored")
                    .isZero();

            NewsroomClient outsider = new NewsroomClient(server.port()); // signed out: no session cookie
            var shared = outsider.get(link);
            assertThat(shared.status()).isEqualTo(200);
            assertThat(shared.header("Cache-Control")).isEqualTo("private, no-store");
            assertThat(shared.header("X-Robots-Tag")).contains("noindex");
            assertThat(shared.header("Referrer-Policy")).isEqualTo("no-referrer");
            Document page = shared.doc();
            assertThat(page.select("article").text()).contains("Secret numbers.");
            assertThat(page.selectFirst(".preview-banner").text()).contains("Embargoed until");
            assertThat(page.select("meta[name=robots]").attr("content")).contains("noindex");
            // Nothing of it anywhere public before its time.
            for (String open : new String[] {
                "/",
                "/feed.xml",
                "/sitemap.xml",
                "/news-sitemap.xml",
                "/search?q=secret",
                "/tags/budget",
                "/articles/embargoed-budget-figures"
            }) {
                assertThat(outsider.get(open).body())
                        .as(open)
                        .doesNotContain("Secret numbers")
                        .doesNotContain("Embargoed Budget");
            }
            assertThat(outsider.get("/preview/" + "x".repeat(43)).status()).isEqualTo(404);

            long linkId = site.count("select max(id) from preview_link");
            assertThat(c.post(path + "/preview-links/" + linkId + "/revoke", c.form())
                            .status())
                    .isEqualTo(303);
            assertThat(outsider.get(link).status()).isEqualTo(404);
            assertThat(c.get(path).doc().select("#preview-links").text()).contains("revoked");

            // A second link, once the story is out, leads to its public address.
            Matcher again = LINK.matcher(c.post(path + "/preview-links", c.form("days", "1"))
                    .doc()
                    .selectFirst(".notice-ok")
                    .text());
            assertThat(again.find()).isTrue();
            clock.set(clock.instant().plus(Duration.ofHours(3)));
            var after = outsider.get(again.group());
            assertThat(after.status()).isEqualTo(303);
            assertThat(after.header("Location")).isEqualTo("/articles/embargoed-budget-figures");
        });
    }
}
