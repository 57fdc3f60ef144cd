package news.gazette.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import news.gazette.TestSite;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A cache miss on a public page runs a small number of SQL statements, and the same number on a bigger archive: no
 * page walks a whole tag, an author's stories or the archive in a loop of queries. Counted by H2's own statistics,
 * leaving out the change poller's reads of {@code site_change}, which run on their own timer.
 */
class MissCostTest {

    /**
     * The most statements one miss may run (an article reads itself, its relations and bylines, related stories and
     * their cards' bylines).
     */
    private static final int MOST_STATEMENTS = 15;

    private static final List<String> TAGS = List.of("Politics", "Climate", "Courts");

    @Test
    void a_miss_runs_a_few_statements_whatever_the_size_of_the_archive() {
        Map<String, Long> small = statementsPerPage(12);
        Map<String, Long> big = statementsPerPage(120);
        LoggerFactory.getLogger(MissCostTest.class).info("statements per miss: {}", small);
        small.forEach((page, statements) ->
                assertThat(statements).as(page + " on 12 stories").isBetween(1L, (long) MOST_STATEMENTS));
        assertThat(big).as("120 stories against 12").isEqualTo(small);
        // The newest cards of a tag are read once for all its articles: the next article only reads itself.
        assertThat(small.get("article, same tags")).isLessThanOrEqualTo(small.get("article") - 4);
    }

    /** For each kind of page, the statements its first (uncached) request ran, on an archive of {@code stories}. */
    private static Map<String, Long> statementsPerPage(int stories) {
        TestSite site = TestSite.create();
        Instant start = Instant.now().minus(stories + 1, ChronoUnit.HOURS);
        String article = null;
        String firstArticle = null;
        for (int i = 0; i < stories; i++) {
            // Every story in two of the three tags, so related stories have many more candidates than they show.
            article = site.publish(
                    "Story number " + i, start.plus(i, ChronoUnit.HOURS), TAGS.get(i % 3), TAGS.get((i + 1) % 3));
            if (i == stories - 4) {
                firstArticle = article; // the same two tags as the last story
            }
        }
        String middle = article;
        String first = firstArticle;
        Map<String, Long> counts = new LinkedHashMap<>();
        JavalinTest.test(site.app, (server, unused) -> {
            Http client = new Http(server.port());
            site.jdbc.update("set query_statistics_max_entries 1000");
            for (String path : List.of(
                    "/articles/" + middle,
                    "/articles/" + first,
                    "/",
                    "/page/2",
                    "/tags/politics",
                    "/authors/test-reporter",
                    "/feed.xml")) {
                site.jdbc.update("set query_statistics false");
                site.jdbc.update("set query_statistics true");
                var reply = client.get(path);
                assertThat(reply.status()).as(path).isEqualTo(200);
                assertThat(reply.header(PageCache.STATUS_HEADER)).as(path).isEqualTo("miss");
                counts.put(
                        path.equals("/articles/" + middle)
                                ? "article"
                                : path.startsWith("/articles/") ? "article, same tags" : path,
                        executed(site));
            }
        });
        return counts;
    }

    /**
     * Statements run since the statistics were reset, less the change poller's (the change log, pending changes and
     * the front page control's times, asked a few times a second whatever is requested), the WebSub hub's look for due
     * deliveries (twice a second) and the banner's read (once per change to the site, by whichever page renders
     * first).
     */
    private static long executed(TestSite site) {
        return site.count("""
                select coalesce(sum(execution_count), 0) from information_schema.query_statistics
                where lower(sql_statement) not like '%site_change%'
                  and lower(sql_statement) not like '%story_pending_change%'
                  and lower(sql_statement) not like '%front_page_control where id = 1 and (pinned_until%'
                  and lower(sql_statement) not like '%select banner_text%'
                  and lower(sql_statement) not like '%websub_%'
                  and lower(sql_statement) not like '%query_statistics%'""");
    }
}
