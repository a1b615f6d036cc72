package org.gongkai.reporting.annualreport;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;

/**
 * One revision of an annual report as a reader sees it, in the template's words: the source of the API answer, the XLSX
 * and the printable page alike, so they cannot disagree. Carries no user names and no audit.
 */
public record AnnualReportDocument(int year, String title, int revision, AnnualReport.Status status, String statusLabel,
        String correctionNote, Instant publishedAt, String overview, ProactiveDisclosure proactive, ApplicationMatrix applications,
        Appeals appeals, String problemsAndImprovements, String otherMatters, long feesCollectedFen, BigDecimal feesCollectedYuan,
        String feesStatement) {

    /** Table 二: the documents (computed) and the decision counts and fees (entered, with their source). */
    public record ProactiveDisclosure(RegulatoryDocuments documents, SourcedFigure licensing, SourcedFigure punishment,
            SourcedFigure coercion, SourcedFigure administrativeFees) {
    }

    /** An entered figure: a count, or an amount in 万元 for the fees; null while not entered. */
    public record SourcedFigure(String label, BigDecimal value, String unit, String source) {
    }

    /** Table 四. */
    public record Appeals(CaseLine administrativeReview, CaseLine litigationDirect, CaseLine litigationAfterReview) {
    }

    public record CaseLine(String label, Integer upheld, Integer corrected, Integer other, Integer pending, Integer total) {
        static CaseLine of(String label, AnnualReportContent.CaseCounts c) {
            return c == null ? new CaseLine(label, null, null, null, null, null)
                    : new CaseLine(label, c.upheld(), c.corrected(), c.other(), c.pending(), c.total());
        }
    }

    static AnnualReportDocument of(AnnualReport report, AnnualReport.Revision revision, AnnualReportFigures figures) {
        AnnualReportContent c = revision.content();
        BigDecimal yuan = BigDecimal.valueOf(figures.feesCollectedFen()).movePointLeft(2);
        String fees = "本年度依据《政府信息公开信息处理费管理办法》收取信息处理费 " + yuan.toPlainString() + " 元。";
        return new AnnualReportDocument(report.year(), report.year() + "年政府信息公开工作年度报告", revision.number(), revision.status(),
                revision.status().label(), revision.correctionNote(), revision.publishedAt(), c.overview(),
                new ProactiveDisclosure(figures.documents(), count("行政许可", c.licensing()), count("行政处罚", c.punishment()),
                        count("行政强制", c.coercion()), amount(c.administrativeFees())),
                figures.applications(),
                new Appeals(CaseLine.of("行政复议", c.administrativeReview()), CaseLine.of("行政诉讼（未经复议直接起诉）", c.litigationDirect()),
                        CaseLine.of("行政诉讼（复议后起诉）", c.litigationAfterReview())),
                c.problemsAndImprovements(), c.otherMatters(), figures.feesCollectedFen(), yuan, fees);
    }

    private static SourcedFigure count(String label, AnnualReportContent.SourcedCount c) {
        return new SourcedFigure(label, c == null || c.count() == null ? null : BigDecimal.valueOf(c.count()), "件",
                c == null ? null : c.source());
    }

    private static SourcedFigure amount(AnnualReportContent.SourcedAmount a) {
        BigDecimal tenThousandYuan = a == null || a.fen() == null ? null
                : BigDecimal.valueOf(a.fen()).divide(BigDecimal.valueOf(1_000_000), 6, RoundingMode.UNNECESSARY).stripTrailingZeros();
        if (tenThousandYuan != null && tenThousandYuan.scale() < 0) {
            tenThousandYuan = tenThousandYuan.setScale(0); // 120000 rather than 1.2E+5
        }
        return new SourcedFigure("行政事业性收费", tenThousandYuan, "万元", a == null ? null : a.source());
    }
}
