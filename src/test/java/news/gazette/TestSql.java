package news.gazette;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import news.gazette.db.Database;
import news.gazette.db.Jdbc;

/** Direct SQL against a test site's database, for arranging what no repository method can do yet (edits). */
public final class TestSql {

    private static final Map<String, Jdbc> BY_URL = new ConcurrentHashMap<>();

    private TestSql() {}

    public static Jdbc of(TestSite site) {
        return BY_URL.computeIfAbsent(
                site.config.jdbcUrl(),
                url -> new Jdbc(Database.open(url, site.config.dataDir()).dataSource()));
    }
}
