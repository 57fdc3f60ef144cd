package news.gazette.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.gazette.Config;
import news.gazette.TestSite;
import news.gazette.admin.KillNineTest.Saved;
import news.gazette.db.Database;
import news.gazette.db.Jdbc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} while the store's housekeeping rewrites the file ({@code db.StoreHousekeeping}, which moves the live
 * pages of half-empty chunks into new ones). The server runs it every 20 ms here instead of every 20 s, on a store with
 * H2's retention time at zero, so that every run finds chunks to rewrite while editors create and edit stories, and the
 * kills land among the rewrites. Every confirmed save must be there after each restart, the newsroom must write at once
 * ({@link AfterRestart}), and H2's recovery tool must read the file at the end ({@link H2FileCheck}).
 */
class KillDuringHousekeepingTest {

    private static final int ROUNDS = 3;
    private static final int WRITERS = 3;
    private static final int SAVES_PER_ROUND = 30;
    private static final int REWRITES_PER_ROUND = 10;
    private static final Pattern REWROTE =
            Pattern.compile("gazette_store_housekeeping_total\\{result=\"rewrote\",?} ([0-9.E]+)");

    @Test
    void confirmed_saves_survive_kill_9_while_housekeeping_rewrites_the_store(@TempDir Path data) throws Exception {
        try (Database db = Database.open(Config.embeddedJdbcUrl(data), data)) {
            // A rewritten chunk's space is reused only after the retention time (45 s, a guard against power loss,
            // which kill -9 is not): with none, each run finds freshly emptied chunks at once. H2 keeps the setting.
            new Jdbc(db.dataSource()).update("set retention_time 0");
        }
        Map<Long, Saved> confirmed = new ConcurrentHashMap<>();
        // An edit sent but not answered when the server died: the store may hold it or the version before.
        Map<Long, Saved> unanswered = new ConcurrentHashMap<>();
        int rewrites = 0;
        for (int round = 1; round <= ROUNDS; round++) {
            ServerProcess server = ServerProcess.start(data, "--store-housekeeping", "0.02");
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
            List<Future<?>> burst = new ArrayList<>();
            AtomicInteger saves = new AtomicInteger();
            try {
                AfterRestart.useEveryTable(server.port(), round, confirmed);
                for (int w = 0; w < WRITERS; w++) {
                    NewsroomClient c = signIn(server);
                    String writer = round + "-" + w;
                    burst.add(writers.submit(() -> write(c, writer, stop, saves, confirmed, unanswered)));
                }
                Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
                long rewroteBefore = rewrote(server);
                long rewroteNow = rewroteBefore;
                while ((saves.get() < SAVES_PER_ROUND || rewroteNow - rewroteBefore < REWRITES_PER_ROUND)
                        && Instant.now().isBefore(deadline)) {
                    Thread.sleep(20);
                    rewroteNow = rewrote(server);
                }
                assertThat(rewroteNow - rewroteBefore)
                        .as("round %d: housekeeping runs that rewrote chunks before the kill", round)
                        .isGreaterThanOrEqualTo(REWRITES_PER_ROUND);
                rewrites += (int) (rewroteNow - rewroteBefore);
            } finally {
                server.kill(); // while the writers are saving and the housekeeping is rewriting
                stop.set(true);
                writers.shutdown();
                assertThat(writers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            }
            for (Future<?> writer : burst) {
                writer.get(); // a save the live server refused (not 303) fails the test here
            }
            assertThat(saves.get()).as("round %d: confirmed saves", round).isGreaterThanOrEqualTo(SAVES_PER_ROUND);
        }

        ServerProcess server = ServerProcess.start(data);
        try {
            NewsroomClient c = new NewsroomClient(server.port());
            assertThat(c.get("/readyz").status()).isEqualTo(200);
            assertThat(c.get("/").status()).isEqualTo(200);
            AfterRestart.useEveryTable(server.port(), ROUNDS + 1, confirmed);
        } finally {
            server.kill();
        }
        List<String> latest = new ArrayList<>();
        confirmed.values().forEach(saved -> latest.addAll(List.of(saved.headline(), saved.body())));
        H2FileCheck.assertIntact(data, latest);
        try (Database db = Database.open(Config.embeddedJdbcUrl(data), data)) {
            Jdbc jdbc = new Jdbc(db.dataSource());
            for (Map.Entry<Long, Saved> story : confirmed.entrySet()) {
                List<Saved> found = jdbc.list(
                        "select headline, body_markdown from story where id = ?",
                        row -> new Saved(row.getString(1), row.getString(2)),
                        story.getKey());
                Saved later = unanswered.get(story.getKey());
                assertThat(found)
                        .as("story %d", story.getKey())
                        .hasSize(1)
                        .first()
                        .isIn(later == null ? List.of(story.getValue()) : List.of(story.getValue(), later));
            }
        }
        System.err.printf(
                "KillDuringHousekeepingTest: %d kills among %d rewriting runs, %d confirmed saves all present%n",
                ROUNDS, rewrites, confirmed.size());
    }

    /** Creates a story and edits it three times, over and over, until told to stop or the server is gone. */
    private static void write(
            NewsroomClient c,
            String writer,
            AtomicBoolean stop,
            AtomicInteger saves,
            Map<Long, Saved> confirmed,
            Map<Long, Saved> unanswered) {
        for (int i = 0; !stop.get(); i++) {
            Saved created =
                    new Saved("Housekeeping " + writer + " story " + i, "First draft by writer " + writer + ".");
            long id;
            try {
                id = StoryEditorTest.create(
                        c,
                        "headline",
                        created.headline(),
                        "author",
                        "Night desk",
                        "body",
                        created.body(),
                        "publish",
                        "now");
            } catch (RuntimeException e) {
                return; // the server is gone; this create was never confirmed
            }
            confirmed.put(id, created);
            saves.incrementAndGet();
            for (int version = 1; version <= 3 && !stop.get(); version++) {
                Saved edited = new Saved(created.headline(), "Version " + (version + 1) + " by writer " + writer + ".");
                unanswered.put(id, edited);
                NewsroomClient.Reply reply;
                try {
                    reply = c.post(
                            "/admin/stories/" + id,
                            c.form(
                                    "version",
                                    String.valueOf(version),
                                    "headline",
                                    edited.headline(),
                                    "author",
                                    "Night desk",
                                    "body",
                                    edited.body()));
                } catch (RuntimeException e) {
                    return; // the server is gone; the store may or may not hold this edit
                }
                assertThat(reply.status()).as(reply.body()).isEqualTo(303);
                confirmed.put(id, edited);
                unanswered.remove(id);
                saves.incrementAndGet();
            }
        }
    }

    /** Housekeeping runs that rewrote chunks, from the server's own metrics. */
    private static long rewrote(ServerProcess server) {
        NewsroomClient.Reply metrics = new NewsroomClient(server.port()).get("/metrics");
        assertThat(metrics.status()).isEqualTo(200);
        Matcher m = REWROTE.matcher(metrics.body());
        assertThat(m.find()).as("the housekeeping counter in /metrics").isTrue();
        return (long) Double.parseDouble(m.group(1));
    }

    private static NewsroomClient signIn(ServerProcess server) {
        NewsroomClient c = new NewsroomClient(server.port());
        assertThat(c.signIn("admin", TestSite.ADMIN_PASSWORD).status()).isEqualTo(303);
        return c;
    }
}
