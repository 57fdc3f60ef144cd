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
import news.gazette.Config;
import news.gazette.TestSite;
import news.gazette.db.Database;
import news.gazette.db.Jdbc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs Gazette as a real server process on its own data folder and kills it with SIGKILL ({@code kill -9}) right after
 * a save is confirmed and in the middle of a burst of saves. Every save the server confirmed (303) must be there, whole,
 * when it starts again on the same data, with no repair step but the server's own start-up. Right after each restart,
 * every kind of row with a generated id must be writable at once ({@link AfterRestart}); after the last kill, H2's own
 * recovery tool must read the file without error ({@link H2FileCheck}).
 */
class KillNineTest {

    private static final int BURST_WRITERS = 4;
    private static final int BURST_CONFIRMED_BEFORE_KILL = 24;

    record Saved(String headline, String body) {}

    @Test
    void confirmed_saves_survive_kill_9_after_a_save_and_during_a_burst(@TempDir Path data) throws Exception {
        Map<Long, Saved> confirmed = new ConcurrentHashMap<>();
        int kills = 0;

        // 1. Kill right after one confirmed save.
        ServerProcess server = ServerProcess.start(data);
        long first;
        try {
            NewsroomClient c = signIn(server);
            Saved saved = new Saved("Kill one: the dam holds", "Confirmed just before the power cut.");
            first = create(c, saved);
            confirmed.put(first, saved);
        } finally {
            server.kill();
            kills++;
        }

        // 2. Kill in the middle of a burst of concurrent saves.
        server = ServerProcess.start(data);
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService writers = Executors.newFixedThreadPool(BURST_WRITERS);
        List<Future<?>> burst = new ArrayList<>();
        int beforeBurst;
        try {
            AfterRestart.useEveryTable(server.port(), 1, confirmed);
            beforeBurst = confirmed.size();
            for (int w = 0; w < BURST_WRITERS; w++) {
                NewsroomClient c = signIn(server);
                int writer = w;
                burst.add(writers.submit(() -> {
                    for (int i = 0; !stop.get(); i++) {
                        Saved saved = new Saved(
                                "Burst " + writer + "-" + i, "Written by writer " + writer + ", number " + i + ".");
                        try {
                            confirmed.put(create(c, saved), saved);
                        } catch (RuntimeException e) {
                            return; // the server is gone; this save was never confirmed
                        }
                    }
                }));
            }
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (confirmed.size() < beforeBurst + BURST_CONFIRMED_BEFORE_KILL
                    && Instant.now().isBefore(deadline)) {
                Thread.sleep(5);
            }
        } finally {
            server.kill(); // while the writers are still sending
            kills++;
            stop.set(true);
            writers.shutdown();
            assertThat(writers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        for (Future<?> writer : burst) {
            writer.get(); // a save the live server refused (not 303) fails the test here
        }
        assertThat(confirmed.size() - beforeBurst).isGreaterThanOrEqualTo(BURST_CONFIRMED_BEFORE_KILL);

        // 3. Kill right after an edit of an existing story is confirmed.
        server = ServerProcess.start(data);
        long edited = first; // still at version 1: the rounds only edit their own stories
        try {
            AfterRestart.useEveryTable(server.port(), 2, confirmed);
            NewsroomClient c = signIn(server);
            assertThat(c.get("/readyz").status()).isEqualTo(200);
            Saved saved = new Saved(confirmed.get(edited).headline(), "Edited, then the server was killed.");
            var reply = c.post(
                    "/admin/stories/" + edited,
                    c.form("version", "1", "headline", saved.headline(), "author", "Night desk", "body", saved.body()));
            assertThat(reply.status()).as(reply.body()).isEqualTo(303);
            confirmed.put(edited, saved);
        } finally {
            server.kill();
            kills++;
        }

        // The server starts on its own data and serves; then the store itself is checked story by story.
        server = ServerProcess.start(data);
        try {
            NewsroomClient c = new NewsroomClient(server.port());
            assertThat(c.get("/readyz").status()).isEqualTo(200);
            assertThat(c.get("/").status()).isEqualTo(200);
            AfterRestart.useEveryTable(server.port(), 3, confirmed);
        } finally {
            server.kill();
        }
        H2FileCheck.assertIntact(data, texts(confirmed));
        try (Database db = Database.open(Config.embeddedJdbcUrl(data), data)) {
            Jdbc jdbc = new Jdbc(db.dataSource());
            assertStored(jdbc, confirmed, Map.of());
            assertThat(
                            jdbc.count(
                                    "select count(*) from story s join author a on a.id = s.author_id where a.name = 'Night desk'"
                                            + " and not exists"
                                            + " (select 1 from story_revision r where r.story_id = s.id and r.version = s.version)"))
                    .as("stories without the revision of their current version")
                    .isZero();
            assertThat(jdbc.count("select count(*) from story where headline like 'Burst %'"))
                    .isEqualTo(jdbc.count("select count(distinct headline) from story where headline like 'Burst %'"));
            int rounds = 3;
            assertThat(jdbc.count("select count(*) from story where headline like 'Restart %'"))
                    .isEqualTo(rounds * AfterRestart.CREATES_PER_ROUND);
            assertThat(jdbc.count("select count(*) from account where username like 'night-%'"))
                    .isEqualTo(rounds);
            assertThat(jdbc.count("select count(*) from sign_in_failure where username like 'nobody-%'"))
                    .isEqualTo(rounds);
            assertThat(jdbc.count("select count(*) from author where name like 'Wire desk %'"))
                    .isEqualTo(rounds);
            assertThat(jdbc.count(
                            "select count(*) from tag where name like 'Kill round %' or name like 'Corrections %'"))
                    .isEqualTo(2 * rounds);
            assertThat(jdbc.count("select count(*) from story_update where note like 'Updated after restart %'"))
                    .isEqualTo(rounds);
            assertThat(jdbc.count("select count(*) from story_correction where correct like 'it was round %'"))
                    .isEqualTo(rounds);
        }
        assertThat(kills).isEqualTo(3);
        System.err.printf("KillNineTest: %d kills survived, %d confirmed saves all present%n", kills, confirmed.size());
    }

    /** The headlines and bodies of {@code confirmed}, which H2's recovery tool must find in the file. */
    static List<String> texts(Map<Long, Saved> confirmed) {
        List<String> texts = new ArrayList<>();
        confirmed.values().forEach(saved -> texts.addAll(List.of(saved.headline(), saved.body())));
        return texts;
    }

    /**
     * Each story of {@code confirmed} is stored as its last confirmed save, or as the save after it that was sent but
     * never answered ({@code unanswered}): the server may have died after its commit and before its answer.
     */
    static void assertStored(Jdbc jdbc, Map<Long, Saved> confirmed, Map<Long, Saved> unanswered) {
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

    private static NewsroomClient signIn(ServerProcess server) {
        NewsroomClient c = new NewsroomClient(server.port());
        assertThat(c.signIn("admin", TestSite.ADMIN_PASSWORD).status()).isEqualTo(303);
        return c;
    }

    private static long create(NewsroomClient c, Saved story) {
        return StoryEditorTest.create(
                c, "headline", story.headline(), "author", "Night desk", "body", story.body(), "publish", "now");
    }
}
