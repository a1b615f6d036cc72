package org.gongkai.reporting.reports;

import java.time.Instant;
import java.time.LocalDate;

import org.gongkai.contracts.reporting.ReportReminderDue;
import org.gongkai.support.domain.Changes;
import org.gongkai.support.domain.RecordsChanges;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Unwrapped;

/** One reminder sent; its id (section, period, lead days) makes sure it is sent once, its outbox carries the event. */
@Document("report_reminders")
public class ReportReminder implements RecordsChanges {

    @Id
    private final String id;
    private final String section;
    private final String period;
    private final LocalDate dueOn;
    private final int daysLeft;
    private final Instant sentAt;
    @Unwrapped.Empty
    private final Changes changes;

    @PersistenceCreator
    ReportReminder(String id, String section, String period, LocalDate dueOn, int daysLeft, Instant sentAt, Changes changes) {
        this.id = id;
        this.section = section;
        this.period = period;
        this.dueOn = dueOn;
        this.daysLeft = daysLeft;
        this.sentAt = sentAt;
        this.changes = changes == null ? Changes.none() : changes;
    }

    static ReportReminder of(String section, String period, LocalDate dueOn, int leadDays, LocalDate today, Instant now) {
        int daysLeft = (int) java.time.temporal.ChronoUnit.DAYS.between(today, dueOn);
        ReportReminder reminder = new ReportReminder(section + ":" + period + ":" + leadDays, section, period, dueOn, daysLeft, now, Changes.none());
        reminder.changes.announce(new ReportReminderDue(section, period, dueOn, daysLeft, now), now);
        return reminder;
    }

    public String id() { return id; }
    public String section() { return section; }
    public String period() { return period; }
    public int daysLeft() { return daysLeft; }

    @Override
    public Changes changes() {
        return changes;
    }
}
