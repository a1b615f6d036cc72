package org.gongkai.reporting.annualreport;

import java.time.Instant;

/**
 * The computed part of an annual report, built only from events: table 二's documents, table 三, and the
 * information-processing fees collected in the year (六). Live while a revision is a draft, frozen at approval.
 */
public record AnnualReportFigures(RegulatoryDocuments documents, ApplicationMatrix applications, long feesCollectedFen,
        Instant computedAt) {
}
