package news.gazette.cache;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import news.gazette.change.ChangeLog;

/**
 * How far this instance trails the shared change log, read at each scrape: the changes it has not applied yet, and how
 * old the oldest of them is. Both stay near zero while the poller keeps up; they grow when it cannot read the database,
 * and then the metrics say so (NaN) instead of failing the scrape.
 */
public final class ChangeLogLag {

    private ChangeLogLag() {}

    public static void register(SiteChangePoller poller, ChangeLog changeLog, Clock clock, MeterRegistry registry) {
        Gauge.builder("gazette.change.log.behind", () -> {
                    try {
                        return Math.max(0, changeLog.lastId() - poller.appliedId());
                    } catch (RuntimeException e) {
                        return Double.NaN;
                    }
                })
                .description("Changes in the shared log this instance has not applied yet")
                .register(registry);
        Gauge.builder("gazette.change.log.lag.seconds", () -> {
                    try {
                        return changeLog
                                .oldestAfter(poller.appliedId())
                                .map(at -> Math.max(
                                        0, Duration.between(at, clock.instant()).toMillis() / 1000.0))
                                .orElse(0.0);
                    } catch (RuntimeException e) {
                        return Double.NaN;
                    }
                })
                .description("Age of the oldest change in the shared log this instance has not applied yet")
                .register(registry);
    }
}
