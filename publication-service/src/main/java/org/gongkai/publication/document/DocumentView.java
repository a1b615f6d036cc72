package org.gongkai.publication.document;

import java.time.LocalDate;
import java.util.List;

import org.gongkai.support.domain.AuditEntry;

/** What staff see of a document, audit trail included; attachments are listed without their content. */
record DocumentView(String id, String documentNumber, String title, String body, String section, String drafter,
        String catalogueItemCode, boolean issuedInCountyName, DisclosureAttribute disclosureAttribute, LegalBasis legalBasis,
        boolean mayInvolveStateSecrets, ConfidentialityClearance confidentialityClearance, InterpretationNeed interpretationNeed, boolean requiresInterpretation,
        List<AttachmentInfo> attachments, PolicyDocument.Status status, ReviewStep.ReviewStage pendingReview,
        List<ReviewStep> reviews, Interpretation interpretation, Coordination coordination, LocalDate issuedOn,
        String markingLine, LocalDate publicationDueOn, boolean publicationDueOnConfirmed, boolean overdue,
        LocalDate publishedOn, List<String> publishedChannels, LocalDate readingRoomTransferredOn, List<AuditEntry> audit) {

    record AttachmentInfo(String name, String mediaType, int size) {
    }

    static DocumentView of(PolicyDocument d, LocalDate today) {
        return new DocumentView(d.id(), d.documentNumber(), d.title(), d.body(), d.section(), d.drafter(),
                d.catalogueItemCode(), d.issuedInCountyName(), d.attribute(), d.legalBasis(), d.mayInvolveStateSecrets(),
                d.clearance(),
                d.interpretationNeed(), d.requiresInterpretation(),
                d.attachments().stream().map(a -> new AttachmentInfo(a.name(), a.mediaType(), a.size())).toList(),
                d.status(), d.pendingStage(), d.reviews(), d.interpretation(), d.coordination(), d.issuedOn(), d.markingLine(),
                d.publicationDueOn(), d.publicationDueOnConfirmed(), d.isOverdueOn(today), d.publishedOn(),
                d.publishedChannels(), d.readingRoomTransferredOn(), d.audit());
    }
}
