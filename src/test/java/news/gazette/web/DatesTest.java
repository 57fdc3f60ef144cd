package news.gazette.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link Dates#iso} writes by hand what {@code ISO_INSTANT} writes for whole seconds. */
class DatesTest {

    @Test
    void iso_agrees_with_the_iso_instant_formatter_to_the_second() {
        SplittableRandom random = new SplittableRandom(3);
        long last = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 10_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(0, last + 1), random.nextInt(1_000_000_000));
            assertThat(Dates.iso(instant))
                    .isEqualTo(DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS)));
        }
        assertThat(Dates.iso(Instant.parse("2026-11-25T09:30:00.999Z"))).isEqualTo("2026-11-25T09:30:00Z");
        assertThat(Dates.iso(Instant.EPOCH)).isEqualTo("1970-01-01T00:00:00Z");
        assertThat(Dates.iso(Instant.parse("+10000-01-01T00:00:00Z"))).isEqualTo("+10000-01-01T00:00:00Z");
    }
}
