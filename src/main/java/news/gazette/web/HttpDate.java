package news.gazette.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;

/**
 * Dates in HTTP header fields ({@code Last-Modified}, {@code If-Modified-Since}, {@code Expires}). Every date we send
 * goes through {@link #format}: IMF-fixdate (RFC 9110 §5.6.7), {@code Wed, 02 Dec 2026 09:05:00 GMT}. Java's
 * {@code RFC_1123_DATE_TIME} writes {@code Wed, 2 Dec 2026}, which that grammar does not allow.
 */
public final class HttpDate {

    private static final DateTimeFormatter IMF_FIXDATE = DateTimeFormatter.ofPattern(
                    "EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    // A recipient must also accept the two obsolete forms (RFC 9110 §5.6.7); RFC_1123 is lenient about the day.
    private static final List<DateTimeFormatter> ACCEPTED = List.of(
            DateTimeFormatter.RFC_1123_DATE_TIME,
            new DateTimeFormatterBuilder()
                    .appendPattern("EEEE, dd-MMM-")
                    .appendValueReduced(ChronoField.YEAR, 2, 2, 1970)
                    .appendPattern(" HH:mm:ss 'GMT'")
                    .toFormatter(Locale.ENGLISH)
                    .withZone(ZoneOffset.UTC),
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ENGLISH)
                    .withZone(ZoneOffset.UTC));

    private HttpDate() {}

    /** {@code moment} as IMF-fixdate, to the second below it. */
    public static String format(Instant moment) {
        return IMF_FIXDATE.format(moment);
    }

    /** The seconds since the epoch of an HTTP-date in any of its three forms, or null when it is none of them. */
    public static Long parseSeconds(String value) {
        if (value == null) {
            return null;
        }
        for (DateTimeFormatter form : ACCEPTED) {
            try {
                return form.parse(value.strip(), Instant::from).getEpochSecond();
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return null;
    }
}
