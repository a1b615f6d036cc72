package org.gongkai.contracts.publication;

import java.time.Instant;
import java.time.LocalDate;

import org.gongkai.contracts.EventType;
import org.gongkai.contracts.IntegrationEvent;

/**
 * The application ended without a reply on its merits (supplement or fee not received in time, or another reason),
 * outcome OTHER with its reason code.
 */
@EventType("gongkai.publication.application-closed.v1")
public record ApplicationClosed(
        String applicationId,
        String section,
        String applicantType,
        LocalDate receivedOn,
        LocalDate closedOn,
        String outcome,
        String reason,
        Instant occurredAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return "applications/" + applicationId;
    }
}
