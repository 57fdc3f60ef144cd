package news.gazette.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import news.gazette.App;
import news.gazette.Config;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Three instances started at the same moment on one empty PostgreSQL database: Flyway's lock lets one migrate while
 * the others wait, and what each start writes after the migrations (the first account, the site settings, the tag
 * listing, the launch story's rendered body) is written once, with no start failing on another's row.
 */
@Tag("postgres")
class ConcurrentStartTest {

    private static final int INSTANCES = 3;

    @Test
    void three_instances_starting_at_once_on_an_empty_database_all_start_and_migrate_it_once() throws Exception {
        String url = PostgresServer.get().newDatabase();
        CyclicBarrier together = new CyclicBarrier(INSTANCES);
        ExecutorService starting = Executors.newFixedThreadPool(INSTANCES);
        List<Javalin> apps = new ArrayList<>();
        try {
            List<Future<Javalin>> started = new ArrayList<>();
            for (int i = 0; i < INSTANCES; i++) {
                started.add(starting.submit(() -> {
                    Config config = Config.forTest().withJdbcUrl(url).withAdminPassword("a long first password");
                    together.await();
                    return App.create(config).start(0);
                }));
            }
            for (Future<Javalin> app : started) {
                apps.add(app.get(120, TimeUnit.SECONDS));
            }
            HttpClient http = HttpClient.newHttpClient();
            for (Javalin app : apps) {
                HttpResponse<String> front = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(front.statusCode()).isEqualTo(200);
            }
        } finally {
            apps.forEach(Javalin::stop);
            starting.shutdownNow();
        }

        try (Database db = Database.open(url, Path.of("unused"))) {
            Jdbc jdbc = new Jdbc(db.dataSource());
            assertThat(db.migrated()).isFalse();
            assertThat(jdbc.count("select count(*) from flyway_schema_history where not success"))
                    .isZero();
            assertThat(jdbc.count("select count(*) from flyway_schema_history where version is not null"))
                    .isEqualTo(jdbc.count(
                            "select count(distinct version) from flyway_schema_history where version is not null"));
            assertThat(jdbc.count("select count(*) from story")).isEqualTo(1);
            assertThat(jdbc.count("select count(*) from story where body_html is null"))
                    .isZero();
            assertThat(jdbc.count("select count(*) from account")).isEqualTo(1);
            assertThat(jdbc.count("select count(*) from site_setting"))
                    .isEqualTo(jdbc.count("select count(distinct name) from site_setting"));
            assertThat(jdbc.count("select count(*) from story_tag_listing"))
                    .isEqualTo(jdbc.count("select count(*) from story_tag"));
        }
    }
}
