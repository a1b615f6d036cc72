package org.gongkai.contracts.consultation;

import java.time.Instant;

import org.gongkai.contracts.EventType;
import org.gongkai.contracts.IntegrationEvent;

/**
 * Staff decided on an opinion (a group of comments): {@code ADOPTED}, {@code PARTLY_ADOPTED} or {@code NOT_ADOPTED}.
 * A later decision on the same opinion replaces the earlier one; {@code concentrated} is judged at decision time.
 */
@EventType("gongkai.consultation.opinion-decided.v1")
public record OpinionDecided(
        String consultationId,
        String opinionId,
        String section,
        String catalogueItemCode,
        String decision,
        String reason,
        int commentCount,
        boolean concentrated,
        Instant decidedAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return "opinions/" + opinionId;
    }
}
