package org.gongkai.portal.document;

import java.time.LocalDate;
import java.util.List;

/** publication-service's public document, as the pages show it. */
public final class DocumentModels {

    private DocumentModels() {
    }

    public record Media(String form, String title, String location) {

        /** Only published web addresses become links; attachments are named. */
        public boolean link() {
            return location != null && (location.startsWith("https://") || location.startsWith("http://"));
        }
    }

    public record Interpretation(String content, List<String> forms, List<Media> media) {

        public List<String> paragraphs() {
            return content == null ? List.of() : java.util.Arrays.stream(content.split("\\R+")).filter(p -> !p.isBlank()).toList();
        }
    }

    public record PublicDocument(String id, String documentNumber, String title, String body, String markingLine,
            LocalDate issuedOn, LocalDate publishedOn, String catalogueItemCode, List<String> channels, Interpretation interpretation) {

        /** The body split into paragraphs for display. */
        public List<String> paragraphs() {
            return body == null ? List.of() : java.util.Arrays.stream(body.split("\\R+")).filter(p -> !p.isBlank()).toList();
        }
    }
}
