package org.gongkai.publication.document;

import java.time.Instant;

/** One recorded step of the review before issuance: which stage, who decided, what and why. */
public record ReviewStep(ReviewStage stage, String reviewer, String reviewerSection, ReviewDecision decision, String note, Instant at) {

    public enum ReviewStage {
        /** The confidentiality officer first, when the drafter flags possible state secrets (P2, O4). */
        CONFIDENTIALITY,
        /** The disclosure office: attribute and fitness to publish; always before issuance (P2, O4 "谁公开、谁审查"). */
        DISCLOSURE_OFFICE
    }

    public enum ReviewDecision { APPROVE, RETURN }
}
