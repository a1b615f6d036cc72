package org.gongkai.reporting.facts;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What reporting knows of one document, merged from its events in any order: each event sets only its own fields,
 * so whichever arrives first, the result is the same.
 */
@Document("document_facts")
public record DocumentFacts(@Id String documentId, String section, String documentNumber, String catalogueItemCode,
        String disclosureAttribute, String legalBasisCode, LocalDate issuedOn, LocalDate publicationDueOn,
        LocalDate publishedOn, Boolean publishedOnTime, Integer attributeReviewYear, LocalDate attributeChangedOn,
        List<String> interpretationForms, Boolean interpretationNonText, LocalDate interpretationPublishedOn) {

    /** Due and not published by {@code asOf}. */
    public boolean overdueOn(LocalDate asOf) {
        return publicationDueOn != null && asOf.isAfter(publicationDueOn) && (publishedOn == null || publishedOn.isAfter(asOf));
    }
}
