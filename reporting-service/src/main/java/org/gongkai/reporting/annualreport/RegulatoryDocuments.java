package org.gongkai.reporting.annualreport;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * The first part of table 二 (第二十条第（一）项): for 规章 and 行政规范性文件, how many were made (issued) and abolished in
 * the year, and how many are in force at its end (issued by then and not abolished by then).
 */
public record RegulatoryDocuments(List<Line> lines) {

    public record Line(String documentType, String label, long issued, long abolished, long inForce) {
    }

    static final List<String[]> TYPES = List.of(new String[] {"RULE", "规章"}, new String[] {"NORMATIVE", "行政规范性文件"});

    static RegulatoryDocuments of(int year, Collection<DocumentTypeFacts> documents) {
        LocalDate end = LocalDate.of(year, 12, 31);
        return new RegulatoryDocuments(TYPES.stream().map(type -> {
            List<DocumentTypeFacts> ofType = documents.stream().filter(d -> d.documentType().equals(type[0])).toList();
            long issued = ofType.stream().filter(d -> d.issuedOn() != null && d.issuedOn().getYear() == year).count();
            long abolished = ofType.stream().filter(d -> d.abolishedOn() != null && d.abolishedOn().getYear() == year).count();
            long inForce = ofType.stream().filter(d -> d.issuedOn() != null && !d.issuedOn().isAfter(end)
                    && (d.abolishedOn() == null || d.abolishedOn().isAfter(end))).count();
            return new Line(type[0], type[1], issued, abolished, inForce);
        }).toList());
    }
}
