package org.gongkai.contracts.reporting;

import java.time.Instant;
import java.time.LocalDate;

import org.gongkai.contracts.EventType;
import org.gongkai.contracts.IntegrationEvent;

/** A section's progress report is due soon and not yet submitted; sent once per configured lead time. */
@EventType("gongkai.reporting.report-reminder-due.v1")
public record ReportReminderDue(
        String section,
        String period,
        LocalDate dueOn,
        int daysLeft,
        Instant occurredAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return "reports/" + section + "/" + period;
    }
}
