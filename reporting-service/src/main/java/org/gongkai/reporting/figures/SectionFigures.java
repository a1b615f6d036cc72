package org.gongkai.reporting.figures;

import java.util.Map;

/** A section's disclosure figures for a period (a section of {@code null} means county-wide). */
public record SectionFigures(String section, String period, long documentsIssued, long documentsPublished,
        long publishedOnTime, long publishedLate, long stillOverdue, Map<String, Long> issuedByAttribute,
        Map<String, Long> issuedByLegalBasis, Double onTimePublicationRate) {
}
