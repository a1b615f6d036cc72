package org.gongkai.contracts.publication;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.gongkai.contracts.EventType;
import org.gongkai.contracts.IntegrationEvent;

/** A proactive document went out on its channels; {@code onTime} compares the publication date with the due date. */
@EventType("gongkai.publication.document-published.v1")
public record DocumentPublished(
        String documentId,
        String documentNumber,
        String title,
        String section,
        String catalogueItemCode,
        LocalDate issuedOn,
        LocalDate publicationDueOn,
        LocalDate publishedOn,
        boolean onTime,
        List<String> channels,
        Instant occurredAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return "documents/" + documentId;
    }
}
