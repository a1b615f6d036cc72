package org.gongkai.publication.document;

import java.time.Instant;

/** One recorded step of the review before issuance: which stage, who decided, what and why. */
public record ReviewStep(ReviewStage stage, String reviewer, String reviewerSection, ReviewDecision decision, String note, Instant at) {

    /**
     * The stages of "谁公开、谁审查、谁负责" (O4). A document flagged as possibly secret goes to the confidentiality
     * officer first (P2); every document then passes the disclosure office before issuance.
     */
    public enum ReviewStage {
        /** Unsure whether secret: the unit's confidentiality body. */
        CONFIDENTIALITY,
        /** Still unsure whether secret: the organ entitled to decide; the confidentiality officer records its ruling. */
        ENTITLED_ORGAN,
        /** Not secret but unsure whether fit to publish: the competent business department's opinion. */
        BUSINESS_DEPARTMENT,
        /** The disclosure office: attribute, legal basis and fitness to publish. */
        DISCLOSURE_OFFICE
    }

    /**
     * APPROVE passes the stage (the disclosure office's approval is the confidentiality review of a document nobody
     * flagged), RETURN sends the draft back, ESCALATE moves to the next body of O4, REFER_TO_CONFIDENTIALITY lets the
     * office send a document it finds possibly secret to the confidentiality officer.
     */
    public enum ReviewDecision { APPROVE, RETURN, ESCALATE, REFER_TO_CONFIDENTIALITY }
}
