package org.gongkai.contracts.publication;

import java.time.Instant;
import java.time.LocalDate;

import org.gongkai.contracts.EventType;
import org.gongkai.contracts.IntegrationEvent;

/**
 * Art. 35: the volume or frequency of applications looks clearly unreasonable, so the disclosure office asked the
 * applicant to explain by {@code explainBy}. The question and the explanation stay in publication-service.
 */
@EventType("gongkai.publication.application-reasons-requested.v1")
public record ApplicationReasonsRequested(
        String applicationId,
        String section,
        LocalDate requestedOn,
        LocalDate explainBy,
        Instant occurredAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return "applications/" + applicationId;
    }
}
