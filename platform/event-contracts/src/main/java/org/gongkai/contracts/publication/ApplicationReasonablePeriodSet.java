package org.gongkai.contracts.publication;

import java.time.Instant;
import java.time.LocalDate;

import org.gongkai.contracts.EventType;
import org.gongkai.contracts.IntegrationEvent;

/** Art. 35: the applicant's reasons were accepted and the office notified a longer reasonable period; the due date moves. */
@EventType("gongkai.publication.application-reasonable-period-set.v1")
public record ApplicationReasonablePeriodSet(
        String applicationId,
        String section,
        LocalDate notifiedOn,
        int extraWorkingDays,
        LocalDate dueOn,
        Instant occurredAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return "applications/" + applicationId;
    }
}
