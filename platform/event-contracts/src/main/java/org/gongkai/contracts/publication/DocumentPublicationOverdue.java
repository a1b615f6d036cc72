package org.gongkai.contracts.publication;

import java.time.Instant;
import java.time.LocalDate;

import org.gongkai.contracts.EventType;
import org.gongkai.contracts.IntegrationEvent;

/** A proactive document was not published within 20 working days of issuance (announced once per clock). */
@EventType("gongkai.publication.document-publication-overdue.v1")
public record DocumentPublicationOverdue(
        String documentId,
        String documentNumber,
        String section,
        LocalDate issuedOn,
        LocalDate publicationDueOn,
        LocalDate detectedOn,
        Instant occurredAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return "documents/" + documentId;
    }
}
