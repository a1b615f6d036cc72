package org.gongkai.contracts.publication;

import java.time.Instant;
import java.time.LocalDate;

import org.gongkai.contracts.EventType;
import org.gongkai.contracts.IntegrationEvent;

/** The one extension (art. 33), approved by the disclosure office and notified to the applicant. */
@EventType("gongkai.publication.application-extended.v1")
public record ApplicationExtended(
        String applicationId,
        String section,
        LocalDate extendedOn,
        int extraWorkingDays,
        LocalDate dueOn,
        Instant occurredAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return "applications/" + applicationId;
    }
}
