package news.gazette.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;
import news.gazette.MovableClock;
import news.gazette.TestDatabases;
import news.gazette.TestSite;
import news.gazette.account.Role;
import news.gazette.web.Dates;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Editors pin a lead and put up a breaking-news banner, each until a time; both reach every page at once. */
@Tag(TestDatabases.BOTH)
class FrontPageControlTest {

    @Test
    void a_pinned_lead_and_a_banner_show_at_once_and_end_by_themselves_at_their_time() throws Exception {
        // A day ahead, so that the launch story (published at the first start) is older than this test's stories.
        MovableClock clock =
                new MovableClock(Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MINUTES));
        TestSite site = TestSite.create(clock);
        site.addAccount("cora", "contributor password 1", Role.CONTRIBUTOR);
        String older = site.publish("Dam Inspection Ordered", clock.instant().minus(Duration.ofHours(3)), "Rivers");
        site.publish("Bakery Wins Prize", clock.instant().minus(Duration.ofHours(1)));
        long olderId = site.count("select id from story where slug = '" + older + "'");
        JavalinTest.test(site.app, (server, client) -> {
            Supplier<Document> front = () -> Jsoup.parse(client.get("/").body().string());
            assertThat(front.get().selectFirst(".lead-headline").text()).isEqualTo("Bakery Wins Prize");

            NewsroomClient c = StoryEditorTest.signedIn(server.port());
            String hour = Dates.formValue(clock.instant().plus(Duration.ofHours(1)));
            assertThat(c.post("/admin/front/pin", c.form("story", String.valueOf(olderId), "pin_until", hour))
                            .status())
                    .isEqualTo(303);
            await(() -> front.get().selectFirst(".lead-headline").text().equals("Dam Inspection Ordered"));
            assertThat(front.get().text()).contains("Bakery Wins Prize");

            var empty = c.post("/admin/front/banner", c.form("banner_text", "", "banner_until", hour));
            assertThat(empty.status()).isEqualTo(400);
            assertThat(empty.doc().selectFirst("#banner_text-error").text()).isEqualTo("Write what the banner says.");
            var hostile = c.post(
                    "/admin/front/banner",
                    c.form(
                            "banner_text",
                            "Flood <b>now</b>",
                            "banner_url",
                            "javascript:alert(1)",
                            "banner_until",
                            hour));
            assertThat(hostile.doc().selectFirst("#banner_url-error")).isNotNull();

            String halfHour = Dates.formValue(clock.instant().plus(Duration.ofMinutes(30)));
            assertThat(c.post(
                                    "/admin/front/banner",
                                    c.form(
                                            "banner_text",
                                            "Flood warning for the old town",
                                            "banner_url",
                                            "/articles/" + older,
                                            "banner_until",
                                            halfHour))
                            .status())
                    .isEqualTo(303);
            for (String path : new String[] {"/", "/articles/" + older, "/tags/rivers"}) {
                await(() -> Jsoup.parse(client.get(path).body().string())
                        .select(".breaking-banner a")
                        .text()
                        .equals("Flood warning for the old town"));
            }

            NewsroomClient cora = new NewsroomClient(server.port());
            cora.signIn("cora", "contributor password 1");
            assertThat(cora.get("/admin/front").status()).isEqualTo(403);
            assertThat(cora.post("/admin/front/banner/clear", cora.form()).status())
                    .isEqualTo(403);

            clock.set(clock.instant().plus(Duration.ofMinutes(45)));
            await(() -> front.get().select(".breaking-banner").isEmpty());
            assertThat(front.get().selectFirst(".lead-headline").text()).isEqualTo("Dam Inspection Ordered");
            clock.set(clock.instant().plus(Duration.ofHours(1)));
            await(() -> front.get().selectFirst(".lead-headline").text().equals("Bakery Wins Prize"));
            assertThat(site.count("select count(*) from front_page_control where pinned_story_id is null"
                            + " and banner_text is null"))
                    .isOne();
        });
    }

    /** Within a second, as every instance and cache must. */
    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within a second");
            }
            Thread.sleep(20);
        }
    }
}
