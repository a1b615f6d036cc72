package org.gongkai.reporting.figures;

import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What reporting knows of one document, merged from its events in any order: issuance facts and
 * publication facts are separate fields, so whichever event arrives first, the result is the same.
 */
@Document("document_facts")
public record DocumentFacts(@Id String documentId, String section, String documentNumber, String catalogueItemCode,
        String disclosureAttribute, String legalBasisCode, LocalDate issuedOn, LocalDate publicationDueOn,
        LocalDate publishedOn, Boolean publishedOnTime) {

    /** Proactive, due, and still not published on {@code today}. */
    public boolean overdueOn(LocalDate today) {
        return publishedOn == null && publicationDueOn != null && today.isAfter(publicationDueOn);
    }
}
