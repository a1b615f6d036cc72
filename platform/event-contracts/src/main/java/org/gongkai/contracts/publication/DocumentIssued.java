package org.gongkai.contracts.publication;

import java.time.Instant;
import java.time.LocalDate;

import org.gongkai.contracts.EventType;
import org.gongkai.contracts.IntegrationEvent;

/**
 * A policy document was issued with its disclosure attribute and marking line. For proactive documents
 * {@code publicationDueOn} is the 20-working-day deadline; otherwise it is null. {@code documentType} (added in
 * place, additive) is {@code RULE} (规章), {@code NORMATIVE} (行政规范性文件) or {@code OTHER}; absent in older events = OTHER.
 */
@EventType("gongkai.publication.document-issued.v1")
public record DocumentIssued(
        String documentId,
        String documentNumber,
        String title,
        String section,
        String catalogueItemCode,
        String disclosureAttribute,
        String legalBasisCode,
        LocalDate issuedOn,
        LocalDate publicationDueOn,
        boolean publicationDueOnConfirmed,
        String documentType,
        Instant occurredAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return "documents/" + documentId;
    }
}
