package org.gongkai.publication.document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.gongkai.support.domain.DomainException;
import org.gongkai.support.domain.Actor;

/**
 * The interpretation of a document, kept inside the document's own record so that both are drafted, reviewed
 * and released together in one write (I6). Drafted by the drafting section (谁起草、谁解读, I4) before the document is
 * issued, reviewed by the disclosure office, and released only once reviewed; its non-text forms carry their media.
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

    /**
     * I4, I6: checks what the drafting section proposes and returns the interpretation as drafted. It is drafted with the
     * document, so never once the document is issued; it covers all nine elements in at least one form; a text
     * interpretation uses cases, data or questions and answers; each medium belongs to a chosen non-text form and is a
     * published web address or one of the document's attachments.
     */
    static Interpretation drafted(Interpretation proposal, PolicyDocument.Status documentStatus, Attachments attachments,
            String drafter, Instant now) {
        if (documentStatus == PolicyDocument.Status.ISSUED || documentStatus == PolicyDocument.Status.PUBLISHED) {
            throw DomainException.conflict("document-already-issued", "政策解读须在文件印发前与文件同步起草。");
        }
        if (proposal.forms() == null || proposal.forms().isEmpty()) {
            throw DomainException.invalid("interpretation-form-required", "请至少选择一种解读形式。");
        }
        Set<InterpretationElement> missing = EnumSet.allOf(InterpretationElement.class);
        missing.removeAll(proposal.elementsCovered() == null ? Set.of() : proposal.elementsCovered());
        if (!missing.isEmpty()) {
            throw DomainException.invalid("interpretation-elements-missing", "政策解读还须涵盖以下要素："
                    + missing.stream().map(InterpretationElement::label).collect(Collectors.joining("、")) + "。");
        }
        if (proposal.forms().contains(InterpretationForm.TEXT) && !proposal.textUsesCasesDataOrQa()) {
            throw DomainException.invalid("text-interpretation-needs-cases", "文字解读须运用案例、数据或问答等方式。");
        }
        List<InterpretationForm> forms = List.copyOf(new LinkedHashSet<>(proposal.forms()));
        return new Interpretation(proposal.content(), forms, proposal.textUsesCasesDataOrQa(), Set.copyOf(proposal.elementsCovered()),
                drafter, now, null, null, checkedMedia(proposal.media(), forms, attachments));
    }

    private static List<InterpretationMedia> checkedMedia(List<InterpretationMedia> media, List<InterpretationForm> forms,
            Attachments attachments) {
        List<InterpretationMedia> checked = new ArrayList<>();
        for (InterpretationMedia m : media == null ? List.<InterpretationMedia>of() : media) {
            if (m.form() == null || !m.form().isNonText() || !forms.contains(m.form())) {
                throw DomainException.invalid("media-form-mismatch", "解读材料须对应已选择的非文字解读形式。");
            }
            String location = m.location() == null ? "" : m.location().strip();
            InterpretationMedia candidate = new InterpretationMedia(m.form(), m.title() == null ? "" : m.title().strip(), location);
            String attachment = candidate.attachmentName();
            boolean attached = attachment != null && attachments.hasNamed(attachment);
            if (!candidate.isLink() && !attached) {
                throw DomainException.invalid("media-location-invalid",
                        "解读材料须为已发布的网址（http:// 或 https://）或本文件的附件（attachment:附件名）：" + location);
            }
            checked.add(candidate);
        }
        return checked;
    }

    /** The disclosure office reviews the interpretation there is. */
    static Interpretation reviewed(Interpretation current, Actor actor, Instant now) {
        if (!actor.hasRole(Actor.DISCLOSURE_OFFICE)) {
            throw DomainException.forbidden("wrong-reviewer", "政策解读由政务公开办公室审核。");
        }
        if (current == null) {
            throw DomainException.conflict("no-interpretation", "该文件没有待审核的政策解读。");
        }
        return current.reviewed(actor.username(), now);
    }

    /** I1: a document that must be interpreted is issued only with a reviewed interpretation (drafted with it). */
    static void requireReviewedBeforeIssuance(Interpretation interpretation, boolean required) {
        if (required && (interpretation == null || !interpretation.isReviewed())) {
            throw DomainException.conflict("interpretation-required",
                    "该文件须进行政策解读；请在印发前起草解读并经审核。");
        }
    }

    /** I6: an interpretation is released with its document, and only once reviewed, whether required or not. */
    static void requireReviewedBeforeRelease(Interpretation interpretation) {
        if (interpretation != null && !interpretation.isReviewed()) {
            throw DomainException.conflict("interpretation-not-reviewed",
                    "政策解读须经审核后才能与文件同步发布。");
        }
    }
}
