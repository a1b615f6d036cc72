package org.gongkai.publication.document;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The interpretation of a document, kept inside the document's own record so that both are drafted, reviewed
 * and released together in one write (I6). Drafted by the drafting section (谁起草、谁解读, I4); its non-text forms
 * carry their media.
 */
public record Interpretation(String content, List<InterpretationForm> forms, boolean textUsesCasesDataOrQa,
        Set<InterpretationElement> elementsCovered, String draftedBy, Instant draftedAt, String reviewedBy,
        Instant reviewedAt, List<InterpretationMedia> media) {

    public Interpretation {
        media = media == null ? List.of() : List.copyOf(media);
    }

    /** The forms' Chinese labels beside their codes; shown, never stored. */
    @com.fasterxml.jackson.annotation.JsonProperty(value = "formLabels", access = com.fasterxml.jackson.annotation.JsonProperty.Access.READ_ONLY)
    public List<String> formLabels() {
        return forms == null ? List.of() : forms.stream().map(InterpretationForm::label).toList();
    }

    /** The covered elements' Chinese labels; shown, never stored. */
    @com.fasterxml.jackson.annotation.JsonProperty(value = "elementsCoveredLabels", access = com.fasterxml.jackson.annotation.JsonProperty.Access.READ_ONLY)
    public List<String> elementsCoveredLabels() {
        return elementsCovered == null ? List.of() : elementsCovered.stream().sorted().map(InterpretationElement::label).toList();
    }

    public boolean isReviewed() {
        return reviewedBy != null;
    }

    /** I4: a non-text form counts only when its media is attached or linked. */
    public boolean hasNonTextForm() {
        return media.stream().anyMatch(m -> m.form().isNonText());
    }

    Interpretation reviewed(String reviewer, Instant at) {
        return new Interpretation(content, forms, textUsesCasesDataOrQa, elementsCovered, draftedBy, draftedAt, reviewer, at, media);
    }
}
