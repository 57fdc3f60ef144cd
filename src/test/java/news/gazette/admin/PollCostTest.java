package news.gazette.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.gazette.TestSite;
import org.junit.jupiter.api.Test;

/**
 * What every instance asks a few times a second costs the same on any archive: the query for pending changes that
 * are due reads the pending rows, not the stories. Counted by H2's {@code EXPLAIN ANALYZE} (rows each table scan
 * visited), on an archive of 150 stories and one pending change that is not due.
 */
class PollCostTest {

    private static final Pattern SCANNED = Pattern.compile("scanCount: (\\d+)");

    @Test
    void the_due_pending_changes_query_reads_no_story_that_has_none() {
        TestSite site = TestSite.create();
        Instant start = Instant.now().minus(200, ChronoUnit.HOURS);
        for (int i = 0; i < 150; i++) {
            site.publish("Story number " + i, start.plus(i, ChronoUnit.HOURS), "Politics");
        }
        long id = site.count("select min(id) from story");
        site.jdbc.update(
                "insert into story_pending_change (story_id, saved_at, saved_by, publish_at, slug, headline, summary,"
                        + " body_markdown, author, tags, developing, notes, update_note)"
                        + " values (?, ?, 'admin', ?, 'a-change', 'A change', 's', 'b', 'a', '', false, '', '')",
                id,
                Instant.now(),
                Instant.now().plus(1, ChronoUnit.DAYS));
        String plan = site.jdbc
                .first(
                        "explain analyze "
                                + PendingChanges.DUE.replace("?", "timestamp with time zone '2030-01-01 00:00:00+00'"),
                        row -> row.getString(1))
                .orElseThrow();
        assertThat(plan).containsIgnoringCase("story_pending_due_idx");
        long scanned = 0;
        Matcher m = SCANNED.matcher(plan);
        while (m.find()) {
            scanned += Long.parseLong(m.group(1));
        }
        assertThat(scanned).as(plan).isLessThanOrEqualTo(4);
    }
}
