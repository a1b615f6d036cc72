package org.gongkai.contracts.publication;

import java.time.Instant;

import org.gongkai.contracts.EventType;
import org.gongkai.contracts.IntegrationEvent;

/** A concern was not answered within 48 hours of first seen (announced once). */
@EventType("gongkai.publication.concern-response-overdue.v1")
public record ConcernResponseOverdue(
        String concernId,
        String section,
        Instant responseDueAt,
        Instant occurredAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return "concerns/" + concernId;
    }
}
