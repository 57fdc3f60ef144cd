package news.gazette.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * How times are written and read: machine-readable (UTC) for {@code <time datetime>} and feeds, and for people in the
 * newsroom's time zone ({@code --time-zone}), which is also the zone of the editor's date fields. Everything is stored
 * in UTC. One process serves one newsroom, so the zone is set once, when the app is made.
 */
public final class Dates {

    private static final DateTimeFormatter FORM = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static volatile Zoned zoned = new Zoned(ZoneOffset.UTC);

    private record Zoned(ZoneId zone, DateTimeFormatter human, DateTimeFormatter day) {
        Zoned(ZoneId zone) {
            this(
                    zone,
                    DateTimeFormatter.ofPattern(
                                    zone.equals(ZoneOffset.UTC) ? "d MMMM yyyy, HH:mm 'UTC'" : "d MMMM yyyy, HH:mm z",
                                    Locale.ENGLISH)
                            .withZone(zone),
                    DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(zone));
        }
    }

    private Dates() {}

    /** Sets the newsroom's time zone; called once by {@code App.create}. */
    public static void useZone(ZoneId zone) {
        zoned = new Zoned(zone == null ? ZoneOffset.UTC : zone);
    }

    public static ZoneId zone() {
        return zoned.zone();
    }

    /** The zone as editors see it next to a date field, e.g. {@code UTC} or {@code Europe/Berlin}. */
    public static String zoneLabel() {
        ZoneId zone = zoned.zone();
        return zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
    }

    /** The zone's name in words, e.g. {@code Central European Time}. */
    public static String zoneName() {
        return zoned.zone().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    /** ISO 8601 in UTC, e.g. {@code 2026-11-25T09:30:00Z}. */
    public static String iso(Instant instant) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        if (t.getYear() < 0 || t.getYear() > 9999) {
            return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        }
        // By hand: an article shows a dozen of these, and the formatter's machinery was a few percent of what a
        // crawl's uncached article allocated.
        char[] c = "0000-00-00T00:00:00Z".toCharArray();
        digits(c, 0, 4, t.getYear());
        digits(c, 5, 2, t.getMonthValue());
        digits(c, 8, 2, t.getDayOfMonth());
        digits(c, 11, 2, t.getHour());
        digits(c, 14, 2, t.getMinute());
        digits(c, 17, 2, t.getSecond());
        return new String(c);
    }

    private static void digits(char[] into, int at, int width, int value) {
        for (int i = at + width - 1; i >= at; i--, value /= 10) {
            into[i] = (char) ('0' + value % 10);
        }
    }

    /** e.g. {@code 25 November 2026, 09:30 UTC}, or {@code 25 November 2026, 10:30 CET} in Berlin. */
    public static String human(Instant instant) {
        return zoned.human().format(instant);
    }

    /** e.g. {@code 25 Nov 2026}, the day in the newsroom's zone. */
    public static String day(Instant instant) {
        return zoned.day().format(instant);
    }

    /** A {@code datetime-local} field's value for {@code instant}, in the newsroom's zone. */
    public static String formValue(Instant instant) {
        return instant == null ? "" : FORM.format(instant.atZone(zoned.zone()));
    }

    /** Reads a {@code datetime-local} value typed in the newsroom's zone; null when it cannot be read. */
    public static Instant fromForm(String local) {
        if (local == null || local.isBlank()) {
            return null;
        }
        String value = local.strip();
        try {
            return LocalDateTime.parse(value.length() > 16 ? value.substring(0, 16) : value, FORM)
                    .atZone(zoned.zone())
                    .toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
