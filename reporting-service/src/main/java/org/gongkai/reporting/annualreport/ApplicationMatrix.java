package org.gongkai.reporting.annualreport;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gongkai.contracts.publication.ApplicationVocabulary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Table 三 of the annual report (国办公开办函〔2021〕30号): columns 自然人, the five kinds of legal person or other
 * organisation and 总计; rows 本年新收, 上年结转, every outcome and reason of the year, 总计 and 结转下年度继续办理.
 * An application counts as new in the year it was received, as carried in when it was received before the year and
 * still open at its start, under its outcome in the year it was answered or closed, and as carried over when it is
 * still open at the year's end; so 一 + 二 = 三(七) + 四, column by column.
 */
public record ApplicationMatrix(List<Column> columns, List<MatrixRow> rows) {

    private static final Logger log = LoggerFactory.getLogger(ApplicationMatrix.class);

    public static final String TOTAL = "TOTAL";
    public static final String RECEIVED = "RECEIVED";
    public static final String CARRIED_IN = "CARRIED_IN";
    public static final String CARRIED_OUT = "CARRIED_OUT";

    public record Column(String code, String label, boolean organisation) {
    }

    /**
     * One row: {@code heading} is the numbered part (一 … 四), {@code group} the outcome (（一）…（七）), {@code item} the
     * numbered reason; {@code label} is the most specific of them. {@code cells} maps column codes (and TOTAL) to counts.
     */
    public record MatrixRow(String code, String heading, String group, String item, String label, Map<String, Long> cells) {
    }

    private record RowDefinition(String code, String heading, String group, String item) {
    }

    static final String OUTCOMES_HEADING = "三、本年度办理结果";

    /** The rows of the official table, in its order, with its words. */
    static final List<RowDefinition> ROWS = rowDefinitions();

    private static List<RowDefinition> rowDefinitions() {
        List<RowDefinition> rows = new ArrayList<>();
        rows.add(new RowDefinition(RECEIVED, "一、本年新收政府信息公开申请数量", null, null));
        rows.add(new RowDefinition(CARRIED_IN, "二、上年结转政府信息公开申请数量", null, null));
        rows.add(new RowDefinition("DISCLOSED", OUTCOMES_HEADING, "（一）予以公开", null));
        rows.add(new RowDefinition("PARTLY_DISCLOSED", OUTCOMES_HEADING, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", null));
        String[] groups = {"NOT_DISCLOSED", "（三）不予公开", "CANNOT_PROVIDE", "（四）无法提供", "NOT_HANDLED", "（五）不予处理",
                "OTHER", "（六）其他处理"};
        for (int g = 0; g < groups.length; g += 2) {
            int number = 1;
            for (Map.Entry<String, String> reason : ApplicationVocabulary.REASONS.entrySet()) {
                if (reason.getKey().startsWith(groups[g] + "/")) {
                    rows.add(new RowDefinition(reason.getKey(), OUTCOMES_HEADING, groups[g + 1], number++ + "." + reason.getValue()));
                }
            }
        }
        rows.add(new RowDefinition(TOTAL, OUTCOMES_HEADING, "（七）总计", null));
        rows.add(new RowDefinition(CARRIED_OUT, "四、结转下年度继续办理", null, null));
        return List.copyOf(rows);
    }

    static List<Column> officialColumns() {
        List<Column> columns = new ArrayList<>();
        ApplicationVocabulary.APPLICANT_TYPES.forEach((code, label) -> columns.add(new Column(code, label, !"NATURAL_PERSON".equals(code))));
        columns.add(new Column(TOTAL, "总计", false));
        return List.copyOf(columns);
    }

    /** The matrix of {@code year} from every application known. */
    public static ApplicationMatrix of(int year, Collection<ApplicationFacts> applications) {
        LocalDate start = LocalDate.of(year, 1, 1);
        LocalDate end = LocalDate.of(year, 12, 31);
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        for (RowDefinition row : ROWS) {
            Map<String, Long> cells = new LinkedHashMap<>();
            officialColumns().forEach(c -> cells.put(c.code(), 0L));
            counts.put(row.code(), cells);
        }
        for (ApplicationFacts a : applications) {
            if (a.receivedOn() == null || !ApplicationVocabulary.isApplicantType(a.applicantType()) || a.receivedOn().isAfter(end)) {
                if (a.receivedOn() == null || !ApplicationVocabulary.isApplicantType(a.applicantType())) {
                    log.warn("application {} left out of the annual report: receipt date or applicant type unknown", a.applicationId());
                }
                continue;
            }
            LocalDate decided = a.decidedOn();
            if (!a.receivedOn().isBefore(start)) {
                count(counts, RECEIVED, a);
            } else if (decided == null || !decided.isBefore(start)) {
                count(counts, CARRIED_IN, a);
            }
            if (decided != null && !decided.isBefore(start) && !decided.isAfter(end)) {
                count(counts, outcomeRow(a), a);
                count(counts, TOTAL, a);
            }
            if (decided == null || decided.isAfter(end)) {
                count(counts, CARRIED_OUT, a);
            }
        }
        List<MatrixRow> rows = new ArrayList<>();
        for (RowDefinition row : ROWS) {
            String label = row.item() != null ? row.item() : row.group() != null ? row.group() : row.heading();
            rows.add(new MatrixRow(row.code(), row.heading(), row.group(), row.item(), label, counts.get(row.code())));
        }
        return new ApplicationMatrix(officialColumns(), List.copyOf(rows));
    }

    /** 予以公开 includes the reply that the information is already public; an unknown code is 其他 (and logged). */
    private static String outcomeRow(ApplicationFacts a) {
        String outcome = a.outcome();
        if ("DISCLOSED".equals(outcome) || "PARTLY_DISCLOSED".equals(outcome)) {
            return outcome;
        }
        String key = outcome + "/" + a.reason();
        if (ApplicationVocabulary.REASONS.containsKey(key)) {
            return key;
        }
        log.warn("application {} has an unknown outcome {}; counted as 其他处理—其他", a.applicationId(), key);
        return "OTHER/OTHER";
    }

    private static void count(Map<String, Map<String, Long>> counts, String row, ApplicationFacts a) {
        Map<String, Long> cells = counts.get(row);
        cells.merge(a.applicantType(), 1L, Long::sum);
        cells.merge(TOTAL, 1L, Long::sum);
    }

    public MatrixRow row(String code) {
        return rows.stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow();
    }
}
