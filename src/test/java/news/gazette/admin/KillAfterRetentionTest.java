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
import news.gazette.Config;
import news.gazette.TestSite;
import news.gazette.admin.KillNineTest.Saved;
import news.gazette.db.Database;
import news.gazette.db.Jdbc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of a server that has taken saves for longer than H2's retention time (45 s). Until then H2 only ever
 * appends to its file; after it, H2 as configured by default reuses the space of chunks it no longer needs, and a kill
 * then lost confirmed saves: in three runs out of three the restarted server was back at an older version (rows gone,
 * their ids handed out again), where this test's first rounds, like {@link KillNineTest}'s, had always been shorter.
 * Gazette keeps the file append-only while open ({@code db.AppendOnlyStore}) and compacts it under the running server
 * once it has grown ({@code db.RunningCompaction}), as the saves here make it do. Every confirmed save must be there after
 * each restart, the newsroom must write at once ({@link AfterRestart}), and H2's recovery tool must read the file at the
 * end ({@link H2FileCheck}).
 */
class KillAfterRetentionTest {

    private static final int WRITERS = 3;
    private static final int SAVES_PER_ROUND = 30;
    private static final long PAUSE_MILLIS = 200;
    /** H2's retention time, 45 s, and some: from then on H2 may reuse space, were Gazette to let it. */
    private static final Duration FIRST_ROUND = Duration.ofSeconds(55);

    @Test
    void confirmed_saves_survive_kill_9_after_the_retention_time(@TempDir Path data) throws Exception {
        Map<Long, Saved> confirmed = new ConcurrentHashMap<>();
        // An edit sent but not answered when the server died: the store may hold it or the version before.
        Map<Long, Saved> unanswered = new ConcurrentHashMap<>();
        int kills = 0;
        int compactions = 0;
        for (int round = 1; round <= 2; round++) {
            ServerProcess server = ServerProcess.start(data);
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
                // The first round outlasts the retention time; the second kills a store whose chunks all passed it.
                Instant until = Instant.now().plus(round == 1 ? FIRST_ROUND : Duration.ZERO);
                Instant deadline = Instant.now().plus(FIRST_ROUND).plus(Duration.ofSeconds(60));
                while ((saves.get() < SAVES_PER_ROUND || Instant.now().isBefore(until))
                        && Instant.now().isBefore(deadline)) {
                    Thread.sleep(20);
                }
                compactions += count(server.output(), "while running");
            } finally {
                server.kill(); // while the writers are saving
                kills++;
                stop.set(true);
                writers.shutdown();
                assertThat(writers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            }
            for (Future<?> writer : burst) {
                writer.get(); // a save the live server refused (not 303) fails the test here
            }
            assertThat(saves.get()).as("round %d: confirmed saves", round).isGreaterThanOrEqualTo(SAVES_PER_ROUND);
        }
        // The saves grew the file enough for it to be compacted under the running server (db.RunningCompaction),
        // and what it confirmed after those compactions survived the kills too.
        assertThat(compactions).as("compactions while running").isPositive();

        ServerProcess server = ServerProcess.start(data);
        try {
            NewsroomClient c = new NewsroomClient(server.port());
            assertThat(c.get("/readyz").status()).isEqualTo(200);
            assertThat(c.get("/").status()).isEqualTo(200);
            AfterRestart.useEveryTable(server.port(), 3, confirmed);
        } finally {
            server.kill();
            kills++;
        }
        H2FileCheck.assertIntact(data, KillNineTest.texts(confirmed));
        try (Database db = Database.open(Config.embeddedJdbcUrl(data), data)) {
            KillNineTest.assertStored(new Jdbc(db.dataSource()), confirmed, unanswered);
        }
        System.err.printf(
                "KillAfterRetentionTest: %d kills, the first after %d s of saves, %d compactions while running,"
                        + " %d confirmed saves all present%n",
                kills, FIRST_ROUND.toSeconds(), compactions, confirmed.size());
    }

    /** Creates a story and edits it three times, over and over, until told to stop or the server is gone. */
    static void write(
            NewsroomClient c,
            String writer,
            AtomicBoolean stop,
            AtomicInteger saves,
            Map<Long, Saved> confirmed,
            Map<Long, Saved> unanswered) {
        for (int i = 0; !stop.get(); i++) {
            Saved created = new Saved("Long run " + writer + " story " + i, "First draft by writer " + writer + ".");
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
            pause();
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
                pause();
            }
        }
    }

    /** An editor's pace, a few saves a second each: the first round lasts past the retention time without filling the disk. */
    private static void pause() {
        try {
            Thread.sleep(PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int count(String text, String phrase) {
        int n = 0;
        for (int at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
            n++;
        }
        return n;
    }

    static NewsroomClient signIn(ServerProcess server) {
        NewsroomClient c = new NewsroomClient(server.port());
        assertThat(c.signIn("admin", TestSite.ADMIN_PASSWORD).status()).isEqualTo(303);
        return c;
    }
}
