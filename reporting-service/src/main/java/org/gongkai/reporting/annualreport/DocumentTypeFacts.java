package org.gongkai.reporting.annualreport;

import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One document as table 二 counts it: its type and when it was issued and abolished, merged from DocumentIssued and
 * DocumentAbolished in any order. An issued event without a type (older events) means OTHER.
 */
@Document("annual_document_facts")
record DocumentTypeFacts(@Id String documentId, String issuedType, LocalDate issuedOn, String abolishedType, LocalDate abolishedOn) {

    String documentType() {
        if (issuedType != null) {
            return issuedType;
        }
        return abolishedType != null ? abolishedType : "OTHER";
    }
}
