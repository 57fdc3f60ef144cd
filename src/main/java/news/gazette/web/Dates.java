package news.gazette.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How templates write times: machine-readable for {@code <time datetime>}, and for people. */
public final class Dates {

    private static final DateTimeFormatter HUMAN = DateTimeFormatter.ofPattern(
                    "d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private Dates() {}

    /** ISO 8601 in UTC, e.g. {@code 2026-11-25T09:30:00Z}. */
    public static String iso(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    /** e.g. {@code 25 November 2026, 09:30 UTC}. */
    public static String human(Instant instant) {
        return HUMAN.format(instant);
    }

    /** e.g. {@code 25 Nov 2026}. */
    public static String day(Instant instant) {
        return DAY.format(instant);
    }
}
