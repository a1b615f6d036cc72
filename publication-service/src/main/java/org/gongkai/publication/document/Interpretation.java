package org.gongkai.publication.document;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The interpretation of a document, kept inside the document's own record so that both are drafted, reviewed
 * and released together in one write (I6). Drafted by the drafting section (谁起草、谁解读, I4).
 */
public record Interpretation(String content, List<InterpretationForm> forms, boolean textUsesCasesDataOrQa,
        Set<InterpretationElement> elementsCovered, String draftedBy, Instant draftedAt, String reviewedBy,
        Instant reviewedAt) {

    public boolean isReviewed() {
        return reviewedBy != null;
    }

    public boolean hasNonTextForm() {
        return forms.stream().anyMatch(InterpretationForm::isNonText);
    }

    Interpretation reviewed(String reviewer, Instant at) {
        return new Interpretation(content, forms, textUsesCasesDataOrQa, elementsCovered, draftedBy, draftedAt, reviewer, at);
    }
}
