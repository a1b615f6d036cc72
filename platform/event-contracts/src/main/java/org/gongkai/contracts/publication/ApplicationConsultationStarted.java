package org.gongkai.contracts.publication;

import java.time.Instant;
import java.time.LocalDate;

import org.gongkai.contracts.EventType;
import org.gongkai.contracts.IntegrationEvent;

/**
 * A third party (art. 32) or another agency is consulted; the clock pauses from {@code startedOn}. {@code
 * consultee} is THIRD_PARTY or AGENCY.
 */
@EventType("gongkai.publication.application-consultation-started.v1")
public record ApplicationConsultationStarted(
        String applicationId,
        String section,
        String consultee,
        LocalDate startedOn,
        Instant occurredAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return "applications/" + applicationId;
    }
}
