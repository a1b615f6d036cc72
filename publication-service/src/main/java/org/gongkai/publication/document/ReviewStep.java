package org.gongkai.publication.document;

import java.time.Instant;

/**
 * One recorded step of a review: which stage, who decided, what and why; at the entitled organ the authority's ruling,
 * and at the office's final approval the unit head who signed off as the one responsible (谁审查谁负责).
 */
public record ReviewStep(ReviewStage stage, String reviewer, String reviewerSection, ReviewDecision decision, String note, Instant at,
        AuthorityRuling ruling, String responsibleHead) {

    /** The stage's Chinese label beside its code; shown, never stored. */
    @com.fasterxml.jackson.annotation.JsonProperty(value = "stageLabel", access = com.fasterxml.jackson.annotation.JsonProperty.Access.READ_ONLY)
    public String stageLabel() {
        return stage == null ? null : stage.label();
    }

    /** The decision's Chinese label beside its code; shown, never stored. */
    @com.fasterxml.jackson.annotation.JsonProperty(value = "decisionLabel", access = com.fasterxml.jackson.annotation.JsonProperty.Access.READ_ONLY)
    public String decisionLabel() {
        return decision == null ? null : decision.label();
    }

    /**
     * The stages of "谁公开、谁审查、谁负责" (O4). A document flagged as possibly secret goes to the confidentiality
     * officer first (P2); every document then passes the disclosure office before issuance.
     */
    public enum ReviewStage {
        /** Unsure whether secret: the unit's confidentiality body. */
        CONFIDENTIALITY("保密审查"),
        /** Still unsure whether secret: the county's competent disclosure or secrecy authority; the officer records its ruling. */
        ENTITLED_ORGAN("报有权机关确定"),
        /** Not secret but unsure whether fit to publish: the competent business department's opinion. */
        BUSINESS_DEPARTMENT("征求业务主管部门意见"),
        /** The disclosure office: attribute, legal basis and fitness to publish. */
        DISCLOSURE_OFFICE("政务公开办审核");

        private final String label;

        ReviewStage(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        boolean isConfidentialityBody() {
            return this == CONFIDENTIALITY || this == ENTITLED_ORGAN;
        }
    }

    /**
     * APPROVE passes the stage (the disclosure office's approval is the confidentiality review of a document nobody
     * flagged), RETURN sends the draft back, ESCALATE moves to the next body of O4, REFER_TO_CONFIDENTIALITY lets the
     * office send a document it finds possibly secret to the confidentiality officer.
     */
    public enum ReviewDecision {
        APPROVE("同意"), RETURN("退回"), ESCALATE("提请上一级确定"), REFER_TO_CONFIDENTIALITY("转保密审查");

        private final String label;

        ReviewDecision(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
