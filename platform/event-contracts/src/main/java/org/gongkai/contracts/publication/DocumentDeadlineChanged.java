package org.gongkai.contracts.publication;

import java.time.Instant;
import java.time.LocalDate;

import org.gongkai.contracts.EventType;
import org.gongkai.contracts.IntegrationEvent;

/** New calendar data moved an open publication deadline (e.g. next year's holidays became known). */
@EventType("gongkai.publication.document-deadline-changed.v1")
public record DocumentDeadlineChanged(
        String documentId,
        String documentNumber,
        String section,
        LocalDate publicationDueOn,
        boolean publicationDueOnConfirmed,
        Instant occurredAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return "documents/" + documentId;
    }
}
