package org.gongkai.portal.document;

import java.time.LocalDate;
import java.util.List;

/** publication-service's public document, as the pages show it. */
public final class DocumentModels {

    private DocumentModels() {
    }

    public record PublicDocument(String id, String documentNumber, String title, String body, String markingLine,
            LocalDate issuedOn, LocalDate publishedOn, String catalogueItemCode, List<String> channels) {

        /** The body split into paragraphs for display. */
        public List<String> paragraphs() {
            return body == null ? List.of() : java.util.Arrays.stream(body.split("\\R+")).filter(p -> !p.isBlank()).toList();
        }
    }
}
