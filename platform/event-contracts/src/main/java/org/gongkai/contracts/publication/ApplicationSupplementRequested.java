package org.gongkai.contracts.publication;

import java.time.Instant;
import java.time.LocalDate;

import org.gongkai.contracts.EventType;
import org.gongkai.contracts.IntegrationEvent;

/** The one supplement notice (art. 30): the clock stops until the supplement arrives by {@code supplementDueOn}. */
@EventType("gongkai.publication.application-supplement-requested.v1")
public record ApplicationSupplementRequested(
        String applicationId,
        String section,
        LocalDate requestedOn,
        LocalDate supplementDueOn,
        Instant occurredAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return "applications/" + applicationId;
    }
}
