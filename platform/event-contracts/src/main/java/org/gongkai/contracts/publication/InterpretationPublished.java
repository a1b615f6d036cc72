package org.gongkai.contracts.publication;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.gongkai.contracts.EventType;
import org.gongkai.contracts.IntegrationEvent;

/** A policy interpretation went out together with its document; {@code forms} let reporting measure the non-text share. */
@EventType("gongkai.publication.interpretation-published.v1")
public record InterpretationPublished(
        String documentId,
        String documentNumber,
        String section,
        List<String> forms,
        boolean nonText,
        LocalDate publishedOn,
        Instant occurredAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return "documents/" + documentId;
    }
}
