package news.gazette.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Every migration runs on a real PostgreSQL server, as written, and a second start finds nothing to do. */
@Tag("postgres")
class PostgresMigrationsTest {

    @Test
    void every_migration_runs_on_postgresql_and_the_launch_story_is_published_once() {
        String url = PostgresServer.get().newDatabase();
        try (Database db = Database.open(url, Path.of("unused"))) {
            assertThat(db.dialect()).isEqualTo(Database.Dialect.POSTGRESQL);
            assertThat(db.migrated()).isTrue();
            Jdbc jdbc = new Jdbc(db.dataSource());
            assertThat(jdbc.count("select count(*) from story where status = 'published'"))
                    .isEqualTo(1);
        }
        try (Database again = Database.open(url, Path.of("unused"))) {
            assertThat(again.migrated()).isFalse();
        }
    }
}
