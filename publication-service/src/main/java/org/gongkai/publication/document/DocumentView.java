package org.gongkai.publication.document;

import java.time.LocalDate;
import java.util.List;

import org.gongkai.support.domain.AuditEntry;

/** What staff see of a document, audit trail included. */
record DocumentView(String id, String documentNumber, String title, String body, String section, String drafter,
        String catalogueItemCode, boolean issuedInCountyName, DisclosureAttribute disclosureAttribute, LegalBasis legalBasis,
        boolean mayInvolveStateSecrets, PolicyDocument.Status status, ReviewStep.ReviewStage pendingReview,
        List<ReviewStep> reviews, LocalDate issuedOn, String markingLine, LocalDate publicationDueOn,
        boolean publicationDueOnConfirmed, LocalDate publishedOn, List<String> publishedChannels,
        LocalDate readingRoomTransferredOn, List<AuditEntry> audit) {

    static DocumentView of(PolicyDocument d) {
        return new DocumentView(d.id(), d.documentNumber(), d.title(), d.body(), d.section(), d.drafter(),
                d.catalogueItemCode(), d.issuedInCountyName(), d.attribute(), d.legalBasis(), d.mayInvolveStateSecrets(),
                d.status(), d.pendingStage(), d.reviews(), d.issuedOn(), d.markingLine(), d.publicationDueOn(),
                d.publicationDueOnConfirmed(), d.publishedOn(), d.publishedChannels(), d.readingRoomTransferredOn(), d.audit());
    }
}
