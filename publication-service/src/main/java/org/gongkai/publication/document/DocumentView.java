package org.gongkai.publication.document;

import java.time.LocalDate;
import java.util.List;

import org.gongkai.support.domain.AuditEntry;

/** What staff see of a document, audit trail included; attachments are listed without their content. */
record DocumentView(String id, String documentNumber, String title, String body, String section, String sectionLabel, String drafter,
        String catalogueItemCode, boolean issuedInCountyName, DocumentType documentType, String documentTypeLabel,
        DisclosureAttribute disclosureAttribute,
        String disclosureAttributeLabel, LegalBasis legalBasis, String legalBasisLabel,
        boolean mayInvolveStateSecrets, ConfidentialityClearance confidentialityClearance, InterpretationNeed interpretationNeed, boolean requiresInterpretation,
        List<AttachmentInfo> attachments, PolicyDocument.Status status, String statusLabel, ReviewStep.ReviewStage pendingReview,
        String pendingReviewLabel, List<ReviewStep> reviews, Interpretation interpretation, Coordination coordination, LocalDate issuedOn,
        String markingLine, LocalDate publicationDueOn, boolean publicationDueOnConfirmed, boolean overdue,
        LocalDate publishedOn, List<String> publishedChannels, List<String> publishedChannelLabels, LocalDate readingRoomTransferredOn,
        Abolition abolition, String validityLabel, List<AuditEntry> audit) {

    record AttachmentInfo(String name, String mediaType, int size) {
    }

    static DocumentView of(PolicyDocument d, LocalDate today, String sectionLabel) {
        return new DocumentView(d.id(), d.documentNumber(), d.title(), d.body(), d.section(), sectionLabel, d.drafter(),
                d.catalogueItemCode(), d.issuedInCountyName(), d.documentType(), d.documentType().label(), d.attribute(), d.attribute() == null ? null : d.attribute().label(),
                d.legalBasis(), d.legalBasis() == null ? null : d.legalBasis().label(), d.mayInvolveStateSecrets(),
                d.clearance(),
                d.interpretationNeed(), d.requiresInterpretation(),
                d.attachments().stream().map(a -> new AttachmentInfo(a.name(), a.mediaType(), a.size())).toList(),
                d.status(), d.status() == null ? null : d.status().label(), d.pendingStage(),
                d.pendingStage() == null ? null : d.pendingStage().label(), d.reviews(), d.interpretation(), d.coordination(),
                d.issuedOn(), d.markingLine(), d.publicationDueOn(), d.publicationDueOnConfirmed(), d.isOverdueOn(today), d.publishedOn(),
                d.publishedChannels(), channelLabels(d.publishedChannels()), d.readingRoomTransferredOn(),
                d.abolition(), validityLabel(d), d.audit());
    }

    /** 现行有效 or 已废止 for an issued document; nothing before issuance. */
    static String validityLabel(PolicyDocument d) {
        if (d.isAbolished()) {
            return "已废止";
        }
        return d.issuedOn() == null ? null : "现行有效";
    }

    /** The Chinese names of channel codes, in their order. */
    static List<String> channelLabels(List<String> channels) {
        return channels == null ? List.of()
                : channels.stream().map(c -> org.gongkai.contracts.catalogue.StandardChannels.NAMES.getOrDefault(c, c)).toList();
    }
}
