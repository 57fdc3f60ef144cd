package news.gazette.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import java.util.ArrayList;
import java.util.List;
import news.gazette.TestSite;
import org.junit.jupiter.api.Test;

/**
 * A flood of uncached requests of one kind cannot starve the rest: when the search lane is full, a search that misses
 * the cache is answered 503 with Retry-After at once, while the front page, articles and cached searches answer.
 * The tests fill a lane by taking its permits, as that many slow renders would.
 */
class RenderLanesTest {

    private static final String LAUNCH = "/articles/anthropic-cuts-off-openai-from-claude-access";

    @Test
    void with_every_search_permit_held_a_new_search_gets_503_and_the_rest_of_the_site_answers() {
        TestSite site = TestSite.create();
        RenderLane searches = site.app.unsafe.appDataManager.get(RenderLane.SEARCH_KEY);
        JavalinTest.test(site.app, (server, client) -> {
            Http http = new Http(server.port());
            assertThat(http.get("/search?q=claude").status()).isEqualTo(200); // cached from now on
            List<RenderLane.Permit> held = fill(searches);
            try {
                Http.Reply refused = http.get("/search?q=benchmarking");
                assertThat(refused.status()).isEqualTo(503);
                assertThat(refused.header("Retry-After")).isEqualTo("1");
                assertThat(refused.header("Cache-Control")).isEqualTo("no-store");
                assertThat(refused.text()).contains("Temporarily unavailable");

                assertThat(http.get("/search?q=claude").status())
                        .as("a hit never waits")
                        .isEqualTo(200);
                assertThat(http.get("/").status()).isEqualTo(200);
                assertThat(http.get(LAUNCH).status()).isEqualTo(200);
            } finally {
                held.forEach(RenderLane.Permit::close);
            }
            // The refusal was not kept: the same search renders now.
            Http.Reply after = http.get("/search?q=benchmarking");
            assertThat(after.status()).isEqualTo(200);
            assertThat(after.header(PageCache.STATUS_HEADER)).isEqualTo("miss");
            assertThat(after.text()).contains(LAUNCH);
        });
    }

    @Test
    void with_the_pages_lane_full_an_uncached_page_gets_503_and_cached_ones_still_answer() {
        TestSite site = TestSite.create();
        JavalinTest.test(site.app, (server, client) -> {
            Http http = new Http(server.port());
            assertThat(http.get("/").status()).isEqualTo(200);
            List<RenderLane.Permit> held = fill(site.pageCache().defaultLane());
            try {
                assertThat(http.get(LAUNCH).status()).isEqualTo(503);
                assertThat(http.get("/").status()).isEqualTo(200);
                assertThat(http.get("/search?q=claude").status())
                        .as("searches have their own lane")
                        .isEqualTo(200);
                assertThat(http.get("/healthz").status())
                        .as("uncached routes take no lane")
                        .isEqualTo(200);
            } finally {
                held.forEach(RenderLane.Permit::close);
            }
            assertThat(http.get(LAUNCH).status()).isEqualTo(200);
        });
    }

    private static List<RenderLane.Permit> fill(RenderLane lane) {
        List<RenderLane.Permit> held = new ArrayList<>();
        for (int i = 0; i < lane.size(); i++) {
            RenderLane.Permit permit = lane.enter();
            assertThat(permit).isNotNull();
            held.add(permit);
        }
        return held;
    }
}
