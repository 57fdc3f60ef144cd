package news.gazette.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import news.gazette.db.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two instances of the built jar on one real PostgreSQL, behind a real Varnish running the shipped VCL, and the faults
 * the issue names: an edit through either instance seen everywhere within a second, the database restarted under a
 * read load, and an instance killed with SIGKILL under a read load. No confirmed save may be lost in any of them.
 * Runs after {@code mvn package}, in its own JVM (surefire execution {@code faults}), since it stops the JVM's
 * PostgreSQL.
 */
@Tag("faults")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeveralInstancesTest {

    private static final Logger log = LoggerFactory.getLogger(SeveralInstancesTest.class);
    private static final String LAUNCH_PATH = VarnishTest.LAUNCH_PATH;
    private static final List<String> PAGES = List.of(
            "/", LAUNCH_PATH, "/feed.xml", "/atom.xml", "/feed.json", "/sitemap.xml", "/robots.txt", "/corrections");
    private static final Duration ONE_SECOND = Duration.ofSeconds(1);
    private static final Duration FIVE_SECONDS = Duration.ofSeconds(5);

    private final Map<Long, String> confirmed = new ConcurrentHashMap<>();
    private PostgresServer postgres;
    private String jdbcUrl;
    private GazetteProcess a;
    private GazetteProcess b;
    private Varnish varnish;
    private Reader proxy;

    @BeforeAll
    void start() throws Exception {
        postgres = PostgresServer.get();
        jdbcUrl = postgres.newDatabase();
        Path media = Files.createTempDirectory("gazette-shared-media-");
        int varnishPort = Varnish.freePort();
        String proxyUrl = "http://127.0.0.1:" + varnishPort;
        // One after the other: the first start migrates the empty database.
        a = GazetteProcess.start("a", jdbcUrl, Files.createTempDirectory("gazette-a-"), media, proxyUrl);
        b = GazetteProcess.start("b", jdbcUrl, Files.createTempDirectory("gazette-b-"), media, proxyUrl);
        varnish = Varnish.start(varnishPort, a.port, b.port);
        proxy = new Reader(varnish.port);
    }

    @AfterAll
    void stop() throws Exception {
        if (varnish != null) {
            varnish.close();
        }
        for (GazetteProcess instance : new GazetteProcess[] {a, b}) {
            if (instance != null) {
                instance.close();
            }
        }
    }

    @Test
    @Order(1)
    void signed_in_on_one_published_on_the_other_a_reader_sees_it_everywhere_within_a_second() throws Exception {
        Editor editor = Editor.signIn(a.port);
        for (Reader reader : readers()) {
            reader.get("/");
            assertThat(reader.get("/").status()).isEqualTo(200);
        }
        String headline = "Harbour bridge reopens after the storm";
        long id = editor.publish(b.port, headline, "Traffic flows again.");
        assertThat(id).isPositive();
        confirmed.put(id, headline);
        long deadline = System.nanoTime() + ONE_SECOND.toNanos();
        for (Reader reader : readers()) {
            awaitUntil(reader, "/", deadline, page -> page.body().contains(headline));
        }

        // A live entry posted through one instance: its story's entries, cached on both and at the proxy, within 1 s.
        String live = "/articles/harbour-bridge-reopens-after-the-storm/live";
        assertThat(editor.startLive(a.port, id)).isTrue();
        long started = System.nanoTime() + ONE_SECOND.toNanos();
        for (Reader reader : readers()) {
            awaitUntil(reader, live, started, page -> page.status() == 200);
        }
        String entry = "The first lorries are crossing now.";
        assertThat(editor.postLiveEntry(b.port, id, entry)).isTrue();
        long posted = System.nanoTime() + ONE_SECOND.toNanos();
        for (Reader reader : readers()) {
            awaitUntil(reader, live, posted, page -> page.body().contains(entry));
        }
    }

    @Test
    @Order(2)
    void a_database_restart_under_load_keeps_cached_pages_answered_and_recovers_within_five_seconds() throws Exception {
        Editor editor = Editor.signIn(b.port);
        String before = "Saved just before the database went down";
        long id = editor.publish(a.port, before, "Committed.");
        assertThat(id).isPositive();
        confirmed.put(id, before);
        Reader direct = new Reader(a.port);
        warm(proxy, direct);
        try (ReadLoad throughProxy = new ReadLoad(proxy, PAGES, 3);
                ReadLoad onInstance = new ReadLoad(direct, List.of("/", LAUNCH_PATH), 1)) {
            postgres.control("-m", "fast", "stop");
            long down = System.nanoTime() + FIVE_SECONDS.toNanos();
            awaitUntil(new Reader(a.port), "/readyz", down, page -> page.status() == 503);
            awaitUntil(new Reader(b.port), "/readyz", down, page -> page.status() == 503);
            Thread.sleep(2_000); // down a while, under load
            assertThat(new Reader(a.port).get("/readyz").status()).isEqualTo(503);

            postgres.startAgain();
            long up = System.nanoTime() + FIVE_SECONDS.toNanos();
            awaitUntil(new Reader(a.port), "/readyz", up, page -> page.status() == 200);
            awaitUntil(new Reader(b.port), "/readyz", up, page -> page.status() == 200);
            String after = "Saved once the database was back";
            long saved = -1;
            while (saved < 0) {
                assertThat(System.nanoTime())
                        .as("a save within 5 s of the restart")
                        .isLessThan(up);
                saved = editor.publish(a.port, after, "Committed again.");
            }
            confirmed.put(saved, after);
            throughProxy.stop();
            onInstance.stop();
            log.info(
                    "Database restart: {} reader requests through the proxy, {} on an instance",
                    throughProxy.answered.get(),
                    onInstance.answered.get());
            assertThat(throughProxy.failures).as("through the proxy").isEmpty();
            assertThat(onInstance.failures).as("on an instance").isEmpty();
            assertThat(throughProxy.answered.get()).isPositive();
        }
    }

    @Test
    @Order(3)
    void an_instance_killed_under_load_costs_readers_nothing_and_its_sessions_go_on_on_the_other() throws Exception {
        Editor editor = Editor.signIn(a.port);
        String last = "The last save the killed instance confirmed";
        long id = editor.publish(a.port, last, "Committed before SIGKILL.");
        assertThat(id).isPositive();
        confirmed.put(id, last);
        warm(proxy);
        try (ReadLoad load = new ReadLoad(proxy, PAGES, 4)) {
            Thread.sleep(500);
            a.kill();
            // A save through the live instance purges the proxy, so readers' misses meet the dead instance too.
            String survivor = "Published from the survivor with the dead instance's session";
            long saved = editor.publish(b.port, survivor, "The session lives in the database.");
            assertThat(saved).isPositive();
            confirmed.put(saved, survivor);
            awaitUntil(
                    proxy,
                    "/",
                    System.nanoTime() + ONE_SECOND.toNanos(),
                    p -> p.body().contains(survivor));
            Thread.sleep(3_000); // past the probe's verdict on the dead instance
            load.stop();
            log.info("Instance killed: {} reader requests through the proxy", load.answered.get());
            assertThat(load.failures).as("reader requests at the proxy").isEmpty();
            assertThat(load.answered.get()).isPositive();
        }
        assertThat(editor.get(b.port, "/admin").status()).isEqualTo(200);
        assertThat(editor.get(varnish.port, "/admin").status()).isEqualTo(200);
    }

    @Test
    @Order(4)
    void no_confirmed_save_was_lost() throws Exception {
        assertThat(confirmed).isNotEmpty();
        try (Connection c = DriverManager.getConnection(jdbcUrl);
                PreparedStatement s = c.prepareStatement("select headline from story where id = ?")) {
            for (Map.Entry<Long, String> save : confirmed.entrySet()) {
                s.setLong(1, save.getKey());
                try (ResultSet row = s.executeQuery()) {
                    assertThat(row.next()).as("story " + save.getKey()).isTrue();
                    assertThat(row.getString(1)).isEqualTo(save.getValue());
                }
            }
        }
    }

    private List<Reader> readers() {
        return List.of(proxy, new Reader(a.port), new Reader(b.port));
    }

    private static void warm(Reader... readers) {
        for (Reader reader : readers) {
            for (String path : PAGES) {
                assertThat(reader.get(path).status()).as(path).isEqualTo(200);
            }
        }
    }

    private static void awaitUntil(Reader reader, String path, long deadline, Predicate<Reader.Page> done)
            throws InterruptedException {
        while (true) {
            Reader.Page page = reader.get(path);
            if (page.status() > 0 && done.test(page)) {
                return;
            }
            assertThat(System.nanoTime())
                    .as(path + " on port " + reader.port() + ", last answer " + page.status())
                    .isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
