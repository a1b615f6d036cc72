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
            throw DomainException.invalid("comment-period-required", "请填写征求意见期限的起止日期。");
        }
        if (!end.isAfter(start)) {
            throw DomainException.invalid("comment-period-ends-before-start", "征求意见的截止日期须晚于开始日期。");
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
            throw DomainException.invalid("comment-period-ended", "征求意见期限已于 " + end + " 结束，请先重新设定期限。");
        }
        requireLongEnoughFrom(start.isAfter(today) ? start : today, end, shortPeriodReason);
    }

    private static void requireLongEnoughFrom(LocalDate from, LocalDate end, String shortPeriodReason) {
        long days = daysBetween(from, end);
        if (days < MINIMUM_DAYS && shortPeriodReason == null) {
            throw DomainException.invalid("comment-period-too-short", "征求意见期限只有 " + days + " 天；一般不少于 "
                    + MINIMUM_DAYS + " 日（自然日），期限较短的须说明理由。");
        }
    }

    private static long daysBetween(LocalDate from, LocalDate end) {
        return ChronoUnit.DAYS.between(from, end) + 1;
    }
}
