package org.gongkai.consultation.consultation;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.gongkai.support.domain.DomainException;

/**
 * When the public may comment: calendar days in China, start and end both included. At least
 * {@value #MINIMUM_DAYS} days unless a reason for a shorter period is recorded (Q1).
 */
public record CommentPeriod(LocalDate start, LocalDate end, String shortPeriodReason) {

    public static final int MINIMUM_DAYS = 30;

    /** Validates a period as staff enter it; stored periods are read back as they were accepted. */
    public static CommentPeriod of(LocalDate start, LocalDate end, String shortPeriodReason) {
        if (start == null || end == null) {
            throw DomainException.invalid("comment-period-required", "A consultation needs the start and end of its comment period.");
        }
        if (!end.isAfter(start)) {
            throw DomainException.invalid("comment-period-ends-before-start", "The comment period must end after it starts.");
        }
        String reason = shortPeriodReason == null || shortPeriodReason.isBlank() ? null : shortPeriodReason.strip();
        requireLongEnoughFrom(start, end, reason);
        return new CommentPeriod(start, end, reason);
    }

    public long days() {
        return daysBetween(start, end);
    }

    public boolean isShort() {
        return days() < MINIMUM_DAYS;
    }

    public boolean includes(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end);
    }

    public boolean hasEndedBy(LocalDate today) {
        return today.isAfter(end);
    }

    /** Opening late must still leave the public the minimum period, counted from the day it actually opens. */
    void requireLongEnoughWhenOpenedOn(LocalDate today) {
        if (hasEndedBy(today)) {
            throw DomainException.invalid("comment-period-ended", "The comment period ended on " + end + "; set a new period first.");
        }
        requireLongEnoughFrom(start.isAfter(today) ? start : today, end, shortPeriodReason);
    }

    private static void requireLongEnoughFrom(LocalDate from, LocalDate end, String shortPeriodReason) {
        long days = daysBetween(from, end);
        if (days < MINIMUM_DAYS && shortPeriodReason == null) {
            throw DomainException.invalid("comment-period-too-short", "The public gets " + days + " days to comment; at least "
                    + MINIMUM_DAYS + " calendar days are required unless a reason for a shorter period is recorded.");
        }
    }

    private static long daysBetween(LocalDate from, LocalDate end) {
        return ChronoUnit.DAYS.between(from, end) + 1;
    }
}
