package org.gongkai.contracts.publication;

import java.time.Instant;
import java.time.LocalDate;

import org.gongkai.contracts.EventType;
import org.gongkai.contracts.IntegrationEvent;

/**
 * An issued document was abolished (废止) by the office; it leaves the count of documents in force of the annual
 * report's table 二. {@code documentType} is one of {@code RULE} (规章), {@code NORMATIVE} (行政规范性文件), {@code OTHER}.
 */
@EventType("gongkai.publication.document-abolished.v1")
public record DocumentAbolished(
        String documentId,
        String documentNumber,
        String section,
        String documentType,
        LocalDate abolishedOn,
        Instant occurredAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return "documents/" + documentId;
    }
}
