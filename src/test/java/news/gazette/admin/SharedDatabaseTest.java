package news.gazette.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import news.gazette.App;
import news.gazette.Config;
import news.gazette.TestSite;
import news.gazette.change.ChangeListener;
import news.gazette.db.PostgresServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Two instances in one JVM on one PostgreSQL database, each with its own data folder: what an editor saves through one
 * is on the other's pages within a second (the bound), by LISTEN/NOTIFY, and still when the listening
 * connections are killed.
 */
@Tag("postgres")
class SharedDatabaseTest {

    private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(1);
    private final HttpClient http = HttpClient.newHttpClient();
    private Javalin first;
    private Javalin second;

    @AfterEach
    void stop() {
        if (first != null) {
            first.stop();
        }
        if (second != null) {
            second.stop();
        }
    }

    @Test
    void an_edit_through_one_instance_shows_on_the_other_within_a_second_and_was_heard_as_a_notification() {
        String url = PostgresServer.get().newDatabase();
        first = start(url);
        second = start(url);
        NewsroomClient editor = StoryEditorTest.signedIn(first.port());
        assertThat(read(second, "/")).doesNotContain("Council Meets");

        long id = StoryEditorTest.create(
                editor, "headline", "Council Meets", "body", "First draft.", "author", "Desk", "publish", "now");
        awaitVisible(() -> read(second, "/").contains("Council Meets"));
        assertThat(read(second, "/articles/council-meets")).contains("First draft.");

        long heard = listener(second).notifications();
        save(editor, id, 1, "Second version.");
        awaitVisible(() -> read(second, "/articles/council-meets").contains("Second version."));
        assertThat(listener(second).notifications()).isGreaterThan(heard);
    }

    @Test
    void with_the_listening_connections_killed_a_change_still_arrives_and_the_listener_comes_back() throws Exception {
        String url = PostgresServer.get().newDatabase();
        first = start(url);
        second = start(url);
        NewsroomClient editor = StoryEditorTest.signedIn(first.port());
        long id = StoryEditorTest.create(
                editor, "headline", "Bridge Closed", "body", "Version 1.", "author", "Desk", "publish", "now");
        awaitVisible(() -> read(second, "/articles/bridge-closed").contains("Version 1."));
        await(Duration.ofSeconds(10), () -> listener(second).connects() >= 1);

        assertThat(terminateListeners(url)).isEqualTo(2);
        save(editor, id, 1, "Version 2.");
        awaitVisible(() -> read(second, "/articles/bridge-closed").contains("Version 2."));

        await(Duration.ofSeconds(10), () -> listener(second).connects() >= 2);
        long heard = listener(second).notifications();
        save(editor, id, 2, "Version 3.");
        awaitVisible(() -> read(second, "/articles/bridge-closed").contains("Version 3."));
        assertThat(listener(second).notifications()).isGreaterThan(heard);
    }

    private static Javalin start(String url) {
        Config config = Config.forTest().withJdbcUrl(url).withAdminPassword(TestSite.ADMIN_PASSWORD);
        return App.create(config).start(0);
    }

    private static ChangeListener listener(Javalin app) {
        return app.unsafe.appDataManager.get(ChangeListener.KEY);
    }

    private static void save(NewsroomClient editor, long id, int version, String body) {
        var saved = editor.post(
                "/admin/stories/" + id,
                editor.form(
                        "version",
                        String.valueOf(version),
                        "headline",
                        editor.get("/admin/stories/" + id)
                                .doc()
                                .selectFirst("#headline")
                                .attr("value"),
                        "body",
                        body,
                        "author",
                        "Desk",
                        "publish",
                        "now"));
        assertThat(saved.status()).as(saved.body()).isEqualTo(303);
    }

    private String read(Javalin app, String path) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                    .build();
            return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int terminateListeners(String url) throws Exception {
        // pg_terminate_backend in the select list runs only for the rows the WHERE clause kept.
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement();
                ResultSet killed = s.executeQuery("select pg_terminate_backend(pid) from pg_stat_activity"
                        + " where application_name = '" + ChangeListener.APPLICATION_NAME + "'"
                        + " and datname = current_database()")) {
            int count = 0;
            while (killed.next()) {
                count += killed.getBoolean(1) ? 1 : 0;
            }
            return count;
        }
    }

    private static void awaitVisible(BooleanSupplier condition) {
        await(VISIBLE_WITHIN, condition);
    }

    private static void await(Duration within, BooleanSupplier condition) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("within " + within).isLessThan(deadline);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
