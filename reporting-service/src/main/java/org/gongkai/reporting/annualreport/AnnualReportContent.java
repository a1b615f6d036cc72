package org.gongkai.reporting.annualreport;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the disclosure office writes and enters in the annual report: the narratives of 一, 五 and 六, the counts of
 * table 二 that other systems hold (each with its source), and the cases of table 四. Everything else is computed.
 */
public record AnnualReportContent(String overview, SourcedCount licensing, SourcedCount punishment, SourcedCount coercion,
        SourcedAmount administrativeFees, CaseCounts administrativeReview, CaseCounts litigationDirect,
        CaseCounts litigationAfterReview, String problemsAndImprovements, String otherMatters) {

    /** A count taken from another system, and which system or record it was taken from. */
    public record SourcedCount(Long count, String source) {
    }

    /** An amount in fen (分), shown in 万元 as the template asks, with its source. */
    public record SourcedAmount(Long fen, String source) {
    }

    /** Cases of table 四: 结果维持, 结果纠正, 其他结果, 尚未审结; 总计 is their sum. */
    public record CaseCounts(int upheld, int corrected, int other, int pending) {
        public int total() {
            return upheld + corrected + other + pending;
        }
    }

    static final AnnualReportContent EMPTY = new AnnualReportContent(null, null, null, null, null, null, null, null, null, null);

    /** The Chinese names of the parts, for audit entries and for what is missing. */
    static final String[] PART_NAMES = {"一、总体情况", "二、行政许可", "二、行政处罚", "二、行政强制", "二、行政事业性收费", "四、行政复议",
        "四、行政诉讼（未经复议直接起诉）", "四、行政诉讼（复议后起诉）", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"};

    private Object[] parts() {
        return new Object[] {overview, licensing, punishment, coercion, administrativeFees, administrativeReview, litigationDirect,
            litigationAfterReview, problemsAndImprovements, otherMatters};
    }

    /** Names of the parts that differ from {@code before}. */
    List<String> changedFrom(AnnualReportContent before) {
        Object[] now = parts();
        Object[] then = before.parts();
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < now.length; i++) {
            if (!Objects.equals(now[i], then[i])) {
                changed.add(PART_NAMES[i]);
            }
        }
        return changed;
    }

    /** Names of the parts a report cannot be approved without (六 may stay empty: its fees are computed). */
    List<String> missingParts() {
        Object[] parts = parts();
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < parts.length - 1; i++) {
            if (parts[i] == null || (parts[i] instanceof String s && s.isBlank())) {
                missing.add(PART_NAMES[i]);
            }
        }
        return missing;
    }
}
