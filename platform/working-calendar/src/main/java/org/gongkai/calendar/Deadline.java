package org.gongkai.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A due date computed in working days.
 *
 * @param due       the last day on which the obligation can still be met
 * @param confirmed {@code true} when every year the computation went through has official calendar data; when
 *                  {@code false} the date assumed Monday–Friday weeks minus the statutory holidays (no make-up
 *                  days) and may move once the year's notice is published, so callers should show it as provisional
 *                  and recompute later
 */
public record Deadline(LocalDate due, boolean confirmed) {

    public Deadline {
        Objects.requireNonNull(due, "due");
    }
}
