package news.gazette.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import news.gazette.TestSite;
import news.gazette.web.Dates;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A newsroom in Berlin: editors schedule and read local times, readers see them, the store keeps UTC. */
class TimeZoneTest {

    @AfterEach
    void backToUtc() {
        Dates.useZone(ZoneOffset.UTC); // the next app made sets its own; this keeps stray formatting honest
    }

    @Test
    void times_are_typed_and_shown_in_the_newsroom_zone_and_stored_in_utc() {
        TestSite site = TestSite.create(c -> c.withTimeZone(ZoneId.of("Europe/Berlin")));
        JavalinTest.test(site.app, (server, client) -> {
            NewsroomClient c = StoryEditorTest.signedIn(server.port());
            Document blank = c.get("/admin/stories/new").doc();
            assertThat(blank.selectFirst("label[for=publish_at]").text()).isEqualTo("Date and time (Europe/Berlin)");
            long id = StoryEditorTest.create(
                    c,
                    "headline",
                    "Summer Festival Programme",
                    "author",
                    "Desk",
                    "body",
                    "b",
                    "publish",
                    "schedule",
                    "publish_at",
                    "2031-07-01T09:00");
            // 09:00 in Berlin in July is 07:00 UTC.
            assertThat(site.count("select count(*) from story where id = " + id
                            + " and published_at = timestamp with time zone '2031-07-01 07:00:00+00:00'"))
                    .isOne();
            Document editor = c.get("/admin/stories/" + id).doc();
            assertThat(editor.select("input[name=publish_at]").val()).isEqualTo("2031-07-01T09:00");
            assertThat(c.get("/admin")
                            .doc()
                            .select("[aria-labelledby=scheduled-heading] .muted")
                            .text())
                    .contains("1 July 2031, 09:00 CEST");

            site.publish("Winter Market Opens", Instant.parse("2026-01-15T17:30:00Z"));
            Document article = Jsoup.parse(
                    client.get("/articles/winter-market-opens").body().string());
            var time = article.selectFirst("article time");
            assertThat(time.attr("datetime")).isEqualTo("2026-01-15T17:30:00Z");
            assertThat(time.text()).isEqualTo("15 January 2026, 18:30 CET");
        });
    }
}
