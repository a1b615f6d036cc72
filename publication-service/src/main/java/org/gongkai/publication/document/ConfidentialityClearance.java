package org.gongkai.publication.document;

import java.time.Instant;

/**
 * 谁公开、谁审查、谁负责 (O4): a confidentiality decision that must be on record before a document becomes more public.
 * It is opened by anything that widens disclosure — a document flagged as possibly secret or resting on the
 * state-secret basis, an attribute or legal basis edited after a review, the office referring it, or the annual review
 * turning a non-public document proactive ({@code widenTo}) — and only the confidentiality officer closes it.
 */
public record ConfidentialityClearance(String openedBecause, Instant openedAt, DisclosureAttribute widenTo, Integer reviewYear,
        String widenReason, Outcome outcome, String decidedBy, Instant decidedAt, AuthorityRuling ruling) {

    public enum Outcome {
        PENDING("待保密审查"), CLEARED("保密审查通过"), REFUSED("保密审查不同意公开");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The outcome's Chinese label beside its code; shown, never stored. */
    @com.fasterxml.jackson.annotation.JsonProperty(value = "outcomeLabel", access = com.fasterxml.jackson.annotation.JsonProperty.Access.READ_ONLY)
    public String outcomeLabel() {
        return outcome == null ? null : outcome.label();
    }

    /** The Chinese label of the attribute the document would be widened to; shown, never stored. */
    @com.fasterxml.jackson.annotation.JsonProperty(value = "widenToLabel", access = com.fasterxml.jackson.annotation.JsonProperty.Access.READ_ONLY)
    public String widenToLabel() {
        return widenTo == null ? null : widenTo.label();
    }

    /** A pending decision; public so that other disclosures (an application's reply) pass the same officer. */
    public static ConfidentialityClearance opened(String because, Instant at) {
        return new ConfidentialityClearance(because, at, null, null, null, Outcome.PENDING, null, null, null);
    }

    /** The annual review's change to proactive, held until the officer clears it (P4 with O4). */
    static ConfidentialityClearance widening(DisclosureAttribute to, int reviewYear, String reason, Instant at) {
        return new ConfidentialityClearance("年度属性审查拟转为" + to.label(), at, to, reviewYear, reason, Outcome.PENDING, null, null, null);
    }

    public ConfidentialityClearance decided(Outcome result, String by, Instant at, AuthorityRuling authorityRuling) {
        return new ConfidentialityClearance(openedBecause, openedAt, widenTo, reviewYear, widenReason, result, by, at, authorityRuling);
    }

    public boolean isPending() {
        return outcome == Outcome.PENDING;
    }

    public boolean isCleared() {
        return outcome == Outcome.CLEARED;
    }

    /** A widening of an issued document's attribute that waits for the officer. */
    boolean isPendingWidening() {
        return isPending() && widenTo != null;
    }
}
