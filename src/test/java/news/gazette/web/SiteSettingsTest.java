package news.gazette.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import news.gazette.TestDatabases;
import news.gazette.db.Database;
import news.gazette.db.Jdbc;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag(TestDatabases.BOTH)
class SiteSettingsTest {

    private static final int INSTANCES = 4;
    private static final int ROUNDS = 20;

    @Test
    void a_later_start_keeps_the_value_the_first_start_stored(@TempDir Path tmp) {
        try (Database db = Database.open(newDatabase(), tmp)) {
            assertThat(new SiteSettings(new Jdbc(db.dataSource())).fixOnce("feed_id_authority", "staging.example.org"))
                    .isEqualTo("staging.example.org");
            assertThat(new SiteSettings(new Jdbc(db.dataSource())).fixOnce("feed_id_authority", "news.example.com"))
                    .isEqualTo("staging.example.org");
        }
    }

    @Test
    void instances_starting_at_once_on_a_new_database_agree_on_one_value(@TempDir Path tmp) throws Exception {
        String url = newDatabase();
        List<Database> instances = new ArrayList<>();
        ExecutorService starts = Executors.newFixedThreadPool(INSTANCES);
        try {
            // Each instance has its own pool, as separate processes would.
            for (int i = 0; i < INSTANCES; i++) {
                instances.add(Database.open(url, tmp));
            }
            for (int round = 0; round < ROUNDS; round++) {
                String name = "setting_" + round;
                CyclicBarrier together = new CyclicBarrier(INSTANCES);
                List<Future<String>> answers = new ArrayList<>();
                for (int i = 0; i < INSTANCES; i++) {
                    Jdbc jdbc = new Jdbc(instances.get(i).dataSource());
                    String mine = "instance-" + i;
                    answers.add(starts.submit(() -> {
                        together.await();
                        return new SiteSettings(jdbc).fixOnce(name, mine);
                    }));
                }
                Set<String> seen = new HashSet<>();
                for (Future<String> answer : answers) {
                    seen.add(answer.get(30, TimeUnit.SECONDS));
                }
                assertThat(seen).as(name).hasSize(1);
                String stored = new Jdbc(instances.get(0).dataSource())
                        .first("select setting_value from site_setting where name = ?", r -> r.getString(1), name)
                        .orElseThrow();
                assertThat(seen).as(name).containsExactly(stored);
            }
        } finally {
            starts.shutdownNow();
            instances.forEach(Database::close);
        }
    }

    private static String newDatabase() {
        return TestDatabases.fresh("settings");
    }
}
