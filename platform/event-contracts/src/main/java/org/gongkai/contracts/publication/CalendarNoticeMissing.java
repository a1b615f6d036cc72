package org.gongkai.contracts.publication;

import java.time.Instant;
import java.time.LocalDate;

import org.gongkai.contracts.EventType;
import org.gongkai.contracts.IntegrationEvent;

/**
 * The official holiday notice of a year that deadlines already reach is not in the calendar (announced once per year
 * and kind): deadlines in that year are provisional until the disclosure office enters the notice. {@code kind} is
 * {@code next-year-calendar-missing} (from 1 November) or {@code current-year-calendar-missing}.
 */
@EventType("gongkai.publication.calendar-notice-missing.v1")
public record CalendarNoticeMissing(
        int year,
        String kind,
        String message,
        LocalDate detectedOn,
        Instant occurredAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return "calendar/" + year;
    }
}
