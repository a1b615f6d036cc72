package org.gongkai.support.web.input;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * The years a date of this bureau can lie in. Java accepts years up to ±999,999,999, which neither the database nor
 * any reader can use; an absurd date is a client's mistake, refused as it comes in.
 */
public final class SaneDates {

    /** The People's Republic's first year: no record of this bureau is older. */
    public static final int FIRST_YEAR = 1949;
    /** Far beyond any deadline or plan, well inside what every store and client can represent. */
    public static final int LAST_YEAR = 2200;
    public static final String RULE = "日期须在 " + FIRST_YEAR + " 年至 " + LAST_YEAR + " 年之间";

    private static final Instant FIRST = LocalDate.of(FIRST_YEAR, 1, 1).atStartOfDay().toInstant(ZoneOffset.ofHours(14));
    private static final Instant AFTER_LAST = LocalDate.of(LAST_YEAR + 1, 1, 1).atStartOfDay().toInstant(ZoneOffset.ofHours(-12));

    private SaneDates() {
    }

    /** True for a date, date-time or instant within the years above (and for anything that is not a date). */
    public static boolean isSane(Object value) {
        if (value instanceof LocalDate date) {
            return inRange(date.getYear());
        }
        if (value instanceof LocalDateTime dateTime) {
            return inRange(dateTime.getYear());
        }
        if (value instanceof OffsetDateTime dateTime) {
            return inRange(dateTime.getYear());
        }
        if (value instanceof ZonedDateTime dateTime) {
            return inRange(dateTime.getYear());
        }
        if (value instanceof Instant instant) {
            return !instant.isBefore(FIRST) && instant.isBefore(AFTER_LAST);
        }
        return true;
    }

    private static boolean inRange(int year) {
        return year >= FIRST_YEAR && year <= LAST_YEAR;
    }
}
