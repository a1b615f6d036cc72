package org.gongkai.contracts.publication;

import java.time.Instant;

import org.gongkai.contracts.EventType;
import org.gongkai.contracts.IntegrationEvent;

/** A public concern (舆情) was registered; the response is due 48 hours after it was first seen. */
@EventType("gongkai.publication.concern-registered.v1")
public record ConcernRegistered(
        String concernId,
        String section,
        String severity,
        String source,
        Instant firstSeenAt,
        Instant responseDueAt,
        Instant occurredAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return "concerns/" + concernId;
    }
}
