package org.gongkai.contracts.publication;

import java.time.Instant;
import java.util.List;

import org.gongkai.contracts.EventType;
import org.gongkai.contracts.IntegrationEvent;

/** A major or cross-department concern was reported to the propaganda, cyberspace, emergency and disclosure departments (R4). */
@EventType("gongkai.publication.concern-escalated.v1")
public record ConcernEscalated(
        String concernId,
        String section,
        List<String> departments,
        Instant occurredAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return "concerns/" + concernId;
    }
}
