package org.gongkai.publication.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.gongkai.contracts.publication.CalendarNoticeMissing;
import org.gongkai.support.events.OutboxEntry;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * That a year's holiday notice was found missing (rule W4), announced once: its {@code _id} is kind and year, so the
 * watch may run every few minutes on every instance and the office still hears of it once.
 */
@Document("calendar_gap_alerts")
class CalendarGapAlert {

    @Id
    private final String id;
    private final int year;
    private final String kind;
    private final LocalDate detectedOn;
    private final List<OutboxEntry> outbox;

    @PersistenceCreator
    CalendarGapAlert(String id, int year, String kind, LocalDate detectedOn, List<OutboxEntry> outbox) {
        this.id = id;
        this.year = year;
        this.kind = kind;
        this.detectedOn = detectedOn;
        this.outbox = new ArrayList<>(outbox == null ? List.of() : outbox);
    }

    static CalendarGapAlert of(int year, CalendarNoticeService.Warning warning, LocalDate today, Instant now) {
        CalendarGapAlert alert = new CalendarGapAlert(warning.code() + ":" + year, year, warning.code(), today, List.of());
        alert.outbox.add(OutboxEntry.of(new CalendarNoticeMissing(year, warning.code(), warning.message(), today, now), now));
        return alert;
    }

    String id() {
        return id;
    }
}
