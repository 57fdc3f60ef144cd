package news.gazette.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import news.gazette.App;
import news.gazette.TestSite;
import news.gazette.cache.SiteChangePoller;
import org.junit.jupiter.api.Test;

/** A clean stop says nothing alarming: the change poller finishes its poll before the connection pool closes. */
class CleanStopTest {

    // Javalin runs a stage's listeners in no fixed order, so a stop that gets it wrong may still get lucky: stop a few
    // times, each with a new app (and so a new order), to catch one that does not hold.
    private static final int STOPS = 6;

    @Test
    void a_stop_during_a_change_poll_logs_no_warning_and_no_stack_trace() throws Exception {
        TestSite site = TestSite.create();
        // Once its time has come, a poll goes on to query for the next scheduled story: a query during the stop.
        site.publish("Scheduled for tomorrow", Instant.now().plus(1, ChronoUnit.DAYS));
        for (int stop = 1; stop <= STOPS; stop++) {
            PollHoldingClock clock = new PollHoldingClock();
            Javalin app = App.create(site.config, clock).start(0);
            assertThat(stopDuringAPoll(app, clock))
                    .as("the log of stop " + stop)
                    .doesNotContain("WARN")
                    .doesNotContain("ERROR")
                    .doesNotContain("Exception")
                    .doesNotContain("\tat ");
        }
    }

    /** Stops {@code app} while its change poller is held in the middle of a poll, and returns what was logged. */
    private static String stopDuringAPoll(Javalin app, PollHoldingClock clock) throws InterruptedException {
        Thread stop = new Thread(app::stop, "test-stop");
        clock.stop = stop;
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            clock.holdNextPoll.set(true);
            assertThat(clock.pollHeld.await(30, TimeUnit.SECONDS)).isTrue();
            stop.start();
            stop.join(TimeUnit.SECONDS.toMillis(60));
            clock.poller.join(TimeUnit.SECONDS.toMillis(60));
        } finally {
            System.setErr(original);
        }
        assertThat(stop.isAlive()).as("the stop has finished").isFalse();
        assertThat(clock.poller.isAlive()).as("the poller has finished").isFalse();
        return captured.toString(StandardCharsets.UTF_8);
    }

    /**
     * A clock that, once told to, holds the change poller in its next read (in the middle of a poll, after its first
     * query) until the stop has either finished or reached {@link SiteChangePoller#close}, and then answers a time two
     * days on. Reads from every other thread answer at once.
     */
    static final class PollHoldingClock extends Clock {
        final AtomicBoolean holdNextPoll = new AtomicBoolean();
        final CountDownLatch pollHeld = new CountDownLatch(1);
        volatile Thread stop;
        volatile Thread poller;

        @Override
        public Instant instant() {
            if (!Thread.currentThread().getName().equals("gazette-site-changes") || !holdNextPoll.getAndSet(false)) {
                return Instant.now();
            }
            poller = Thread.currentThread();
            pollHeld.countDown();
            boolean interrupted = false;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!stopIsDoneOrAtClose() && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    interrupted = true; // a stop that interrupts the poll must not end the hold early
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            return Instant.now().plus(2, ChronoUnit.DAYS);
        }

        private boolean stopIsDoneOrAtClose() {
            Thread stopping = stop;
            if (stopping == null || stopping.getState() == Thread.State.NEW) {
                return false;
            }
            // Blocked or waiting in close(), the stop is waiting for this poll, which may go on now.
            return stopping.getState() == Thread.State.TERMINATED
                    || (stopping.getState() != Thread.State.RUNNABLE
                            && Arrays.stream(stopping.getStackTrace())
                                    .anyMatch(frame -> frame.getClassName().equals(SiteChangePoller.class.getName())
                                            && frame.getMethodName().equals("close")));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
