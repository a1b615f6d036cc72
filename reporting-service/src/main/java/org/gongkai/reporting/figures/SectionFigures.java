package org.gongkai.reporting.figures;

import java.util.Map;

/**
 * A section's disclosure figures for a period; a {@code section} of {@code null} means county-wide. Rates are
 * {@code null} when there is nothing to measure.
 */
public record SectionFigures(
        String section,
        String period,
        long documentsIssued,
        long documentsPublished,
        long publishedOnTime,
        long publishedLate,
        long stillOverdue,
        Map<String, Long> issuedByAttribute,
        Map<String, Long> issuedByLegalBasis,
        long attributesChangedInReview,
        Double onTimePublicationRate,
        long interpretationsPublished,
        Map<String, Long> interpretationsByForm,
        Double nonTextInterpretationShare,
        long concernsReceived,
        long concernsAnsweredWithin48Hours,
        long concernsAnsweredLate,
        long concernsUnansweredOverdue,
        long concernsEscalated,
        Double responseWithin48HoursRate,
        long consultationsOpened,
        long consultationsClosed,
        long commentsReceived,
        Map<String, Long> opinionsByDecision,
        long concentratedOpinionsNotAdopted,
        long feedbackReportsPublished,
        Double adoptionRate,
        long catalogueVersionsPublished,
        long catalogueItemsCovered,
        long catalogueItems,
        Double catalogueCoverage) {

    /**
     * The Chinese labels of the codes used as keys of the maps above (PROACTIVE → 主动公开, NOT_ADOPTED → 未予采纳 …);
     * shown beside the figures, never stored.
     */
    @com.fasterxml.jackson.annotation.JsonProperty(value = "codeLabels", access = com.fasterxml.jackson.annotation.JsonProperty.Access.READ_ONLY)
    public Map<String, String> codeLabels() {
        return CodeLabels.ofKeys(issuedByAttribute, issuedByLegalBasis, interpretationsByForm, opinionsByDecision);
    }
}
