package org.gongkai.reporting.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.gongkai.contracts.reporting.ReportReminderDue;
import org.gongkai.support.events.OutboxEntry;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/** One reminder sent; its id (section, period, lead days) makes sure it is sent once, its outbox carries the event. */
@Document("report_reminders")
public class ReportReminder {

    @Id
    private final String id;
    private final String section;
    private final String period;
    private final LocalDate dueOn;
    private final int daysLeft;
    private final Instant sentAt;
    private final List<OutboxEntry> outbox;

    @PersistenceCreator
    ReportReminder(String id, String section, String period, LocalDate dueOn, int daysLeft, Instant sentAt, List<OutboxEntry> outbox) {
        this.id = id;
        this.section = section;
        this.period = period;
        this.dueOn = dueOn;
        this.daysLeft = daysLeft;
        this.sentAt = sentAt;
        this.outbox = new ArrayList<>(outbox == null ? List.of() : outbox);
    }

    static ReportReminder of(String section, String period, LocalDate dueOn, int leadDays, LocalDate today, Instant now) {
        int daysLeft = (int) java.time.temporal.ChronoUnit.DAYS.between(today, dueOn);
        ReportReminder reminder = new ReportReminder(section + ":" + period + ":" + leadDays, section, period, dueOn, daysLeft, now, List.of());
        reminder.outbox.add(OutboxEntry.of(new ReportReminderDue(section, period, dueOn, daysLeft, now), now));
        return reminder;
    }

    public String id() { return id; }
    public String section() { return section; }
    public String period() { return period; }
    public int daysLeft() { return daysLeft; }
}
