package org.gongkai.support.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Dates of things that really happened (an issuance, a transfer, a coordination, a concern first seen): never before
 * 2000, when the bureau's disclosure work began to be recorded, and never after today. A wrong year typed by hand
 * would otherwise skew every figure built on it.
 */
public final class RecordedDates {

    public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private RecordedDates() {
    }

    public static LocalDate require(LocalDate date, LocalDate today, String what) {
        if (date.isBefore(EARLIEST) || date.isAfter(today)) {
            throw DomainException.invalid("implausible-date",
                    what + "日期 " + date + " 不合理：不能早于2000年1月1日，也不能晚于今天（" + today + "）。")
                    .with("field", what);
        }
        return date;
    }

    public static Instant require(Instant at, Instant now, String what) {
        require(at.atZone(CHINA).toLocalDate(), now.atZone(CHINA).toLocalDate(), what);
        return at;
    }
}
