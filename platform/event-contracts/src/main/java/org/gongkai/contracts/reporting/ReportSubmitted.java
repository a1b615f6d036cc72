package org.gongkai.contracts.reporting;

import java.time.Instant;
import java.time.LocalDate;

import org.gongkai.contracts.EventType;
import org.gongkai.contracts.IntegrationEvent;

/** A section submitted its semiannual progress report (O3); {@code late} compares with the due date. */
@EventType("gongkai.reporting.report-submitted.v1")
public record ReportSubmitted(
        String section,
        String period,
        LocalDate dueOn,
        LocalDate submittedOn,
        boolean late,
        Instant occurredAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return "reports/" + section + "/" + period;
    }
}
