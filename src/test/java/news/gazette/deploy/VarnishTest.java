package news.gazette.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Predicate;
import news.gazette.TestSite;
import news.gazette.cache.ProxyOptions;
import news.gazette.story.StoryStatus;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The shipped {@code docs/deploy/varnish.vcl} in a real Varnish in front of an in-process Gazette whose
 * {@code --purge-url} names it. The VCL's second backend is a port nobody listens on, so every fetch that goes there
 * first must be retried on the live one.
 */
@Tag("proxy")
class VarnishTest {

    static final String LAUNCH_PATH = "/articles/anthropic-cuts-off-openai-from-claude-access";

    @Test
    void a_page_is_kept_purged_within_a_second_of_an_edit_and_served_stale_while_gazette_is_down() throws Exception {
        int varnishPort = Varnish.freePort();
        TestSite site = TestSite.create(c ->
                c.withProxy(new ProxyOptions(List.of(URI.create("http://127.0.0.1:" + varnishPort + "/")), false)));
        Javalin app = site.app.start(0);
        try (Varnish varnish = Varnish.start(varnishPort, app.port(), Varnish.freePort())) {
            Reader reader = new Reader(varnish.port);
            Reader.Page first = reader.get(LAUNCH_PATH);
            assertThat(first.status()).isEqualTo(200);
            Reader.Page second = reader.get(LAUNCH_PATH);
            assertThat(second.header("X-Cache")).isEqualTo("hit");
            assertThat(second.body()).isEqualTo(first.body());
            assertThat(second.header("xkey")).as("keys stay between the caches").isNull();

            long launch = site.count("select min(id) from story");
            site.postUpdate(launch, Instant.now(), "The proxy learnt of this at once.");
            Instant saved = Instant.now();
            Reader.Page edited = await(
                    reader,
                    LAUNCH_PATH,
                    Duration.ofSeconds(1),
                    p -> p.body().contains("The proxy learnt of this at once."));
            assertThat(edited.status()).isEqualTo(200);
            assertThat(Duration.between(saved, Instant.now())).isLessThan(Duration.ofSeconds(1));

            // A story due in a few seconds cuts the front page's s-maxage; once it has passed, with Gazette stopped,
            // Varnish answers with the copy it has (which cannot show that story yet).
            Instant due = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);
            site.save("Due while the site is down", StoryStatus.PUBLISHED, due, "Later.");
            await(
                    reader,
                    "/",
                    Duration.ofSeconds(1),
                    p -> p.status() == 200 && p.header("Cache-Control").matches(".*s-maxage=[1-4],.*"));
            // The save's purge may reach Varnish just after the page that already shows it: then the next request
            // fetches it once more. Either way Varnish keeps a copy within the second.
            Reader.Page front = await(reader, "/", Duration.ofSeconds(1), p -> "hit".equals(p.header("X-Cache")));
            assertThat(front.header("X-Cache")).isEqualTo("hit");
            app.stop();
            while (Instant.now().isBefore(due.plusSeconds(1))) {
                Thread.sleep(100);
            }
            Reader.Page stale = reader.get("/");
            assertThat(stale.status()).isEqualTo(200);
            assertThat(stale.body()).isEqualTo(front.body()).doesNotContain("Due while the site is down");
            assertThat(Long.parseLong(stale.header("Age"))).isGreaterThanOrEqualTo(1);
            assertThat(reader.get(LAUNCH_PATH).body()).contains("The proxy learnt of this at once.");
        } finally {
            app.stop();
        }
    }

    /** Polls {@code path} until {@code done} holds, failing past {@code bound}. */
    static Reader.Page await(Reader reader, String path, Duration bound, Predicate<Reader.Page> done)
            throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (true) {
            Reader.Page page = reader.get(path);
            if (page.status() > 0 && done.test(page)) {
                return page;
            }
            assertThat(System.nanoTime())
                    .as(path + " within " + bound + ", last: " + page.status())
                    .isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
