package news.gazette.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Pattern;
import news.gazette.TestSite;
import news.gazette.web.HttpDate;
import org.junit.jupiter.api.Test;

/** Every date we put in a header is IMF-fixdate (RFC 9110 §5.6.7), from the fast path and from Javalin alike. */
class HeaderDatesTest {

    private static final Pattern IMF_FIXDATE = Pattern.compile("(Mon|Tue|Wed|Thu|Fri|Sat|Sun), [0-9]{2}"
            + " (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [0-9]{4} [0-9]{2}:[0-9]{2}:[0-9]{2} GMT");
    private static final List<String> DATE_FIELDS = List.of("Date", "Last-Modified", "Expires", "Retry-After");

    @Test
    void header_dates_have_a_two_digit_day_and_say_gmt_even_early_in_the_month() {
        // The 4th: RFC_1123_DATE_TIME would write "Mon, 4 Mar 2030".
        TestSite site = TestSite.create(Clock.fixed(Instant.parse("2030-03-04T09:05:06Z"), ZoneOffset.UTC));
        JavalinTest.test(site.app, (server, unused) -> {
            Http client = new Http(server.port());
            for (String path : List.of(
                    "/",
                    PageCacheTest.LAUNCH_PATH,
                    "/tags/ai",
                    "/authors/news-desk",
                    "/feed.xml",
                    "/atom.xml",
                    "/feed.json",
                    "/sitemap.xml",
                    "/news-sitemap.xml",
                    "/robots.txt",
                    "/search?q=claude",
                    "/corrections")) {
                Http.Reply rendered = client.get(path);
                Http.Reply fast = client.get(path);
                Http.Reply slow = client.get(path + (path.contains("?") ? "&" : "?") + "utm_source=%74est");
                Http.Reply notModified = client.get(path, "If-None-Match", fast.header("ETag"));
                assertThat(fast.header("Last-Modified")).as(path).isNotNull();
                assertThat(notModified.status()).as(path).isEqualTo(304);
                for (Http.Reply reply : List.of(rendered, fast, slow, notModified)) {
                    assertDatesAreImfFixdate(path, reply);
                }
            }
            for (String path : List.of("/healthz", "/assets/img/favicon.svg", "/admin/login", "/no-such-page")) {
                assertDatesAreImfFixdate(path, client.get(path));
            }
        });
    }

    @Test
    void our_header_dates_are_written_one_way_and_read_in_all_three_forms() {
        assertThat(HttpDate.format(Instant.parse("2026-12-02T09:05:00.900Z")))
                .isEqualTo("Wed, 02 Dec 2026 09:05:00 GMT");
        long seconds = Instant.parse("1994-11-06T08:49:37Z").getEpochSecond();
        assertThat(HttpDate.parseSeconds("Sun, 06 Nov 1994 08:49:37 GMT")).isEqualTo(seconds);
        assertThat(HttpDate.parseSeconds("Sunday, 06-Nov-94 08:49:37 GMT")).isEqualTo(seconds);
        assertThat(HttpDate.parseSeconds("Sun Nov  6 08:49:37 1994")).isEqualTo(seconds);
        assertThat(HttpDate.parseSeconds("yesterday")).isNull();
        assertThat(HttpDate.parseSeconds(null)).isNull();
    }

    private static void assertDatesAreImfFixdate(String path, Http.Reply reply) {
        for (String field : DATE_FIELDS) {
            for (String value : reply.raw().headers().allValues(field)) {
                // Retry-After and Expires may also be a number of seconds (or 0 for Expires: already expired).
                if (!value.matches("[0-9]+")) {
                    assertThat(value).as(field + " of " + path).matches(IMF_FIXDATE);
                }
            }
        }
    }
}
