package org.gongkai.portal.workbench;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** publication-service's staff view of a document, as far as the desks show it. */
public record StaffDocument(String id, String documentNumber, String title, String body, String section, String drafter,
        String catalogueItemCode, boolean issuedInCountyName, String disclosureAttribute, String legalBasis,
        boolean mayInvolveStateSecrets, InterpretationNeed interpretationNeed, boolean requiresInterpretation,
        String status, String pendingReview, List<Review> reviews, Interpretation interpretation, LocalDate issuedOn, String markingLine,
        LocalDate publicationDueOn, boolean publicationDueOnConfirmed, boolean overdue, LocalDate publishedOn,
        List<String> publishedChannels, List<Audit> audit) {

    public record InterpretationNeed(boolean broadImpact, boolean closeToLivelihood, boolean highPublicConcern,
            boolean specialised, boolean submittedToExecutiveMeeting, boolean major) {
    }

    public record Interpretation(String content, List<String> forms, boolean textUsesCasesDataOrQa, List<String> elementsCovered,
            String draftedBy, Instant draftedAt, String reviewedBy, Instant reviewedAt) {

        public boolean reviewed() {
            return reviewedBy != null;
        }
    }

    public record Review(String stage, String reviewer, String reviewerSection, String decision, String note, Instant at,
            String responsibleHead) {
    }

    public record Audit(Instant at, String username, String section, String action, String reason) {
    }

    /** When the document last changed (its newest audit entry). */
    public Instant lastChanged() {
        return audit == null ? Instant.EPOCH : audit.stream().map(Audit::at).filter(java.util.Objects::nonNull)
                .max(Instant::compareTo).orElse(Instant.EPOCH);
    }

    public boolean isDraft() {
        return "DRAFT".equals(status);
    }

    public boolean isInReview() {
        return "IN_REVIEW".equals(status);
    }

    public boolean isApproved() {
        return "APPROVED".equals(status);
    }

    public boolean isIssued() {
        return "ISSUED".equals(status);
    }

    /** Document and interpretation are drafted together, before issuance. */
    public boolean interpretable() {
        return "DRAFT".equals(status) || "IN_REVIEW".equals(status) || "APPROVED".equals(status);
    }

    public boolean isProactive() {
        return "PROACTIVE".equals(disclosureAttribute);
    }

    /** The confidentiality officer decides these stages; the disclosure office the others. */
    public boolean awaitsConfidentialityOfficer() {
        return isInReview() && ("CONFIDENTIALITY".equals(pendingReview) || "ENTITLED_ORGAN".equals(pendingReview));
    }

    public boolean awaitsDisclosureOffice() {
        return isInReview() && !awaitsConfidentialityOfficer();
    }
}
