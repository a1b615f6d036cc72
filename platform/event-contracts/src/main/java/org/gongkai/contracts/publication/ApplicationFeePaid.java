package org.gongkai.contracts.publication;

import java.time.Instant;
import java.time.LocalDate;

import org.gongkai.contracts.EventType;
import org.gongkai.contracts.IntegrationEvent;

/** The applicant paid the information-processing fee; the clock resumes, now due {@code dueOn}. */
@EventType("gongkai.publication.application-fee-paid.v1")
public record ApplicationFeePaid(
        String applicationId,
        String section,
        int amountFen,
        LocalDate paidOn,
        LocalDate dueOn,
        Instant occurredAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return "applications/" + applicationId;
    }
}
