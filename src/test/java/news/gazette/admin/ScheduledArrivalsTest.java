package news.gazette.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.nio.file.Files;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import news.gazette.App;
import news.gazette.MovableClock;
import news.gazette.TestDatabases;
import news.gazette.TestSite;
import news.gazette.cache.SiteChangePoller;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A scheduled story goes live once in the change log, however many instances notice its time at once. */
@Tag(TestDatabases.BOTH)
class ScheduledArrivalsTest {

    private static final int INSTANCES = 4;

    @Test
    void instances_racing_for_one_arrival_record_it_exactly_once() throws Exception {
        MovableClock clock = new MovableClock(Instant.now());
        TestSite site = TestSite.create(clock);
        Instant goesLive = clock.instant().plus(1, ChronoUnit.HOURS);
        long id = idOf(site, site.publish("Results at noon", goesLive, "Results"));
        ScheduledArrivals arrivals = new ScheduledArrivals(site.jdbc);
        assertThat(arrivals.recordDue(clock.instant())).as("before its time").isZero();

        CyclicBarrier together = new CyclicBarrier(INSTANCES);
        ExecutorService pool = Executors.newFixedThreadPool(INSTANCES);
        try {
            List<Future<Integer>> recorded = new ArrayList<>();
            for (int i = 0; i < INSTANCES; i++) {
                recorded.add(pool.submit(() -> {
                    together.await();
                    return new ScheduledArrivals(site.jdbc).recordDue(goesLive.plusSeconds(1));
                }));
            }
            int total = 0;
            for (Future<Integer> each : recorded) {
                total += each.get();
            }
            assertThat(total).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(arrivals.recordDue(goesLive.plusSeconds(2)))
                .as("already recorded")
                .isZero();
        assertThat(site.count("select count(*) from scheduled_arrival where story_id = " + id))
                .isEqualTo(1);
        assertThat(changesNaming(site, id)).isEqualTo(2);
    }

    @Test
    void two_instances_show_a_scheduled_story_at_its_time_from_one_change() throws Exception {
        MovableClock clock = new MovableClock(Instant.now());
        TestSite site = TestSite.create(clock);
        Javalin other =
                App.create(site.config.withSearchIndexDir(Files.createTempDirectory("gazette-other-index")), clock);
        Instant goesLive = clock.instant().plus(1, ChronoUnit.HOURS);
        String slug = site.publish("Embargo lifts", goesLive, "Results");
        long id = idOf(site, slug);
        other.start("127.0.0.1", 0);
        try {
            JavalinTest.test(site.app, (server, client) -> {
                assertThat(client.get("/articles/" + slug).code()).isEqualTo(404);
                assertThat(new NewsroomClient(other.port()).get("/").body()).doesNotContain("Embargo lifts");

                clock.set(goesLive.plusSeconds(1));
                site.applyChanges();
                other.unsafe.appDataManager.get(SiteChangePoller.KEY).pollNow();

                assertThat(client.get("/articles/" + slug).code()).isEqualTo(200);
                assertThat(new NewsroomClient(other.port()).get("/").body()).contains("Embargo lifts");
                assertThat(new NewsroomClient(other.port())
                                .get("/search?q=embargo")
                                .body())
                        .contains("href=\"/articles/" + slug + "\"");
            });
        } finally {
            other.stop();
        }
        assertThat(site.count("select count(*) from scheduled_arrival where story_id = " + id))
                .isEqualTo(1);
        // The save, then the arrival: one row each.
        assertThat(changesNaming(site, id)).isEqualTo(2);
    }

    private static long idOf(TestSite site, String slug) {
        return site.count("select id from story where slug = '" + slug + "'");
    }

    private static long changesNaming(TestSite site, long storyId) {
        return site.jdbc.list("select change_keys from site_change", row -> row.getString(1)).stream()
                .filter(keys -> (" " + keys + " ").contains(" story:" + storyId + " "))
                .count();
    }
}
