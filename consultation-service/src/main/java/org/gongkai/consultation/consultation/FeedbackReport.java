package org.gongkai.consultation.consultation;

import java.time.Instant;
import java.util.List;

/**
 * The published adoption feedback of a consultation (Q2): counts by decision, every opinion with its decision
 * and reason (concentrated ones flagged), and what changed in the final decision. Public as a whole.
 */
public record FeedbackReport(
        String finalDecisionChanges,
        int commentCount,
        int opinionCount,
        int adoptedCount,
        int partlyAdoptedCount,
        int notAdoptedCount,
        int concentratedThreshold,
        int concentratedCount,
        int concentratedNotAdoptedCount,
        List<ReportedOpinion> opinions,
        Instant publishedAt) {

    public FeedbackReport {
        opinions = List.copyOf(opinions == null ? List.of() : opinions);
    }

    public record ReportedOpinion(String opinionId, String summary, int commentCount, boolean concentrated,
            AdoptionDecision decision, String reason) {

        /** The decision's Chinese label beside its code; shown, never stored. */
        @com.fasterxml.jackson.annotation.JsonProperty(value = "decisionLabel", access = com.fasterxml.jackson.annotation.JsonProperty.Access.READ_ONLY)
        public String decisionLabel() {
            return AdoptionDecision.labelOf(decision);
        }
    }

    public List<ReportedOpinion> concentratedOpinions() {
        return opinions.stream().filter(ReportedOpinion::concentrated).toList();
    }
}
