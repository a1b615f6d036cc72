package org.gongkai.contracts.publication;

import java.time.Instant;

import org.gongkai.contracts.EventType;
import org.gongkai.contracts.IntegrationEvent;

/** The first authoritative response to a concern; {@code onTime} means within 48 hours of first seen. */
@EventType("gongkai.publication.concern-answered.v1")
public record ConcernAnswered(
        String concernId,
        String section,
        String channel,
        Instant firstSeenAt,
        Instant answeredAt,
        boolean onTime,
        Instant occurredAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return "concerns/" + concernId;
    }
}
