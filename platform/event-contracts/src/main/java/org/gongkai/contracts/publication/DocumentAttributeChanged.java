package org.gongkai.contracts.publication;

import java.time.Instant;
import java.time.LocalDate;

import org.gongkai.contracts.EventType;
import org.gongkai.contracts.IntegrationEvent;

/** The annual review (P4) changed a document's disclosure attribute; the publication clock restarted on {@code changedOn}. */
@EventType("gongkai.publication.document-attribute-changed.v1")
public record DocumentAttributeChanged(
        String documentId,
        String documentNumber,
        String section,
        int reviewYear,
        String previousAttribute,
        String newAttribute,
        LocalDate changedOn,
        LocalDate publicationDueOn,
        Instant occurredAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return "documents/" + documentId;
    }
}
