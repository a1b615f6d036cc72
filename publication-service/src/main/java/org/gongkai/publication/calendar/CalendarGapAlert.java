package org.gongkai.publication.calendar;

import java.time.Instant;
import java.time.LocalDate;

import org.gongkai.contracts.publication.CalendarNoticeMissing;
import org.gongkai.support.domain.Changes;
import org.gongkai.support.domain.RecordsChanges;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Unwrapped;

/**
 * That a year's holiday notice was found missing (rule W4), announced once: its {@code _id} is kind and year, so the
 * watch may run every few minutes on every instance and the office still hears of it once.
 */
@Document("calendar_gap_alerts")
public class CalendarGapAlert implements RecordsChanges {

    @Id
    private final String id;
    private final int year;
    private final String kind;
    private final LocalDate detectedOn;
    @Unwrapped.Empty
    private final Changes changes;

    @PersistenceCreator
    CalendarGapAlert(String id, int year, String kind, LocalDate detectedOn, Changes changes) {
        this.id = id;
        this.year = year;
        this.kind = kind;
        this.detectedOn = detectedOn;
        this.changes = changes == null ? Changes.none() : changes;
    }

    static CalendarGapAlert of(int year, CalendarNoticeService.Warning warning, LocalDate today, Instant now) {
        CalendarGapAlert alert = new CalendarGapAlert(warning.code() + ":" + year, year, warning.code(), today, Changes.none());
        alert.changes.announce(new CalendarNoticeMissing(year, warning.code(), warning.message(), today, now), now);
        return alert;
    }

    String id() {
        return id;
    }

    @Override
    public Changes changes() {
        return changes;
    }
}
