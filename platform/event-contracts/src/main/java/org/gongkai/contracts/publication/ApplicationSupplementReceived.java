package org.gongkai.contracts.publication;

import java.time.Instant;
import java.time.LocalDate;

import org.gongkai.contracts.EventType;
import org.gongkai.contracts.IntegrationEvent;

/** The supplemented application arrived; the 20-working-day clock restarts from {@code receivedOn}. */
@EventType("gongkai.publication.application-supplement-received.v1")
public record ApplicationSupplementReceived(
        String applicationId,
        String section,
        LocalDate receivedOn,
        LocalDate dueOn,
        Instant occurredAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return "applications/" + applicationId;
    }
}
