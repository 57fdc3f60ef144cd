package news.gazette.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import news.gazette.TestSite;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The shipped {@code docs/deploy/nginx.conf} in a real nginx in front of an in-process Gazette. nginx cannot purge: it
 * keeps a page a second and revalidates it, and answers with its copy while Gazette is down. Its second upstream is a
 * port nobody listens on, so requests sent there first must go on to the live one.
 */
@Tag("proxy")
class NginxTest {

    // nginx's copy lives a second, and the first request after that may still get it while the update runs: the
    // bound is the other one, not its one-second promise, which needs purges (Varnish).
    private static final Duration BOUND = Duration.ofSeconds(5);

    @Test
    void a_page_is_kept_revalidated_after_an_edit_and_served_stale_while_gazette_is_down() throws Exception {
        TestSite site = TestSite.create();
        Javalin app = site.app.start(0);
        try (Nginx nginx = Nginx.start(app.port(), Varnish.freePort())) {
            Reader reader = new Reader(nginx.port);
            String path = VarnishTest.LAUNCH_PATH;
            Reader.Page first = reader.get(path);
            assertThat(first.status()).isEqualTo(200);
            assertThat(first.header("xkey")).isNull();
            Reader.Page second = reader.get(path);
            assertThat(second.header("X-Cache")).isIn("HIT", "REVALIDATED", "UPDATING", "STALE");
            assertThat(second.body()).isEqualTo(first.body());
            assertThat(reader.get("/admin/login").header("X-Cache")).isNull();

            long launch = site.count("select min(id) from story");
            site.postUpdate(launch, Instant.now(), "nginx learnt of this by revalidating.");
            VarnishTest.await(reader, path, BOUND, p -> p.body().contains("nginx learnt of this by revalidating."));

            app.stop();
            Thread.sleep(1_500); // past the copy's second
            Set<String> served = new java.util.HashSet<>();
            for (int i = 0; i < 3; i++) {
                Reader.Page stale = reader.get(path);
                assertThat(stale.status()).isEqualTo(200);
                assertThat(stale.body()).contains("nginx learnt of this by revalidating.");
                served.add(stale.header("X-Cache"));
            }
            assertThat(served).contains("STALE");
        } finally {
            app.stop();
        }
    }
}
