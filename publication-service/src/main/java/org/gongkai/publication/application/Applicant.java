package org.gongkai.publication.application;

import org.gongkai.contracts.publication.ApplicationVocabulary;

/**
 * Who applies (art. 29 (一)): personal data. It is shown to the staff handling the application only — never in a
 * public answer, an event or a log line.
 */
public record Applicant(String type, String name, String identityDocument, Contact contact) {

    public record Contact(String phone, String email, String postalAddress) {
    }

    /** The applicant type's Chinese name (table 三's column); shown, never stored. */
    @com.fasterxml.jackson.annotation.JsonProperty(value = "typeLabel", access = com.fasterxml.jackson.annotation.JsonProperty.Access.READ_ONLY)
    public String typeLabel() {
        return ApplicationVocabulary.APPLICANT_TYPES.getOrDefault(type, type);
    }
}
