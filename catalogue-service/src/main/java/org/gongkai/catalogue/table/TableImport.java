package org.gongkai.catalogue.table;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.gongkai.catalogue.version.CatalogueItem;
import org.gongkai.catalogue.version.CatalogueVersion;
import org.gongkai.catalogue.version.Channel;
import org.gongkai.support.domain.DomainException;

/**
 * Interprets the rows of an uploaded official table against the version in force: item codes, sections and
 * applicability carry over by 序号; the time limit as written is mapped to a rule only from known wording.
 * Every row is checked; if any row is rejected, nothing is imported.
 */
public final class TableImport {

    public enum Outcome {
        UNCHANGED("未变化"), CHANGED("已修改"), ADDED("新增"), REJECTED("未通过");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        /** The Chinese label a reader sees beside the code. */
        public String label() {
            return label;
        }
    }

    public record RowResult(int row, String seq, String code, Outcome outcome, String outcomeLabel, List<String> problems) {
        public RowResult(int row, String seq, String code, Outcome outcome, List<String> problems) {
            this(row, seq, code, outcome, outcome.label(), problems);
        }
    }

    public record Result(List<CatalogueItem> items, List<RowResult> rows) {
        public boolean accepted() {
            return !rows.isEmpty() && rows.stream().noneMatch(r -> r.outcome() == Outcome.REJECTED);
        }
    }

    private TableImport() {
    }

    public static Result interpret(List<OfficialTable.TableRow> rows, CatalogueVersion current, Map<String, String> phrasings) {
        List<CatalogueItem> items = new ArrayList<>();
        List<RowResult> results = new ArrayList<>();
        Set<Integer> seqs = new HashSet<>();
        String prefix = current.items().get(0).code().substring(0, 2);
        for (OfficialTable.TableRow row : rows) {
            List<String> problems = new ArrayList<>();
            Integer seq = parseSeq(row.seq(), problems);
            if (seq != null && !seqs.add(seq)) {
                problems.add("序号 " + seq + " 重复出现");
            }
            if (!current.level1Names().contains(row.level1())) {
                problems.add("一级事项“" + row.level1() + "”不在目录中，可选：" + String.join("、", current.level1Names()));
            }
            Optional<CatalogueItem> existing = seq == null ? Optional.empty()
                    : current.items().stream().filter(i -> i.seq() == seq).findFirst();
            String rule = existing.filter(i -> i.timeLimit().equals(row.timeLimit())).map(CatalogueItem::timeLimitRule)
                    .orElse(phrasings.get(row.timeLimit()));
            if (rule == null) {
                problems.add("公开时限“" + row.timeLimit() + "”的写法无法识别，系统不作猜测");
            }
            List<String> channels = channels(row.channels(), problems);
            row.ticked().stream().filter(t -> t.startsWith("?"))
                    .forEach(t -> problems.add("标记“" + t.substring(1) + "”不是 √"));
            List<String> audience = ticked(row.ticked(), List.of("all-society", "specific-groups"));
            List<String> method = ticked(row.ticked(), List.of("proactive", "on-request"));
            List<String> level = ticked(row.ticked(), List.of("county", "township"));
            String code = existing.map(CatalogueItem::code).orElse(seq == null ? null : String.format("%s-%02d", prefix, seq));
            if (!problems.isEmpty()) {
                results.add(new RowResult(row.rowNumber(), row.seq(), code, Outcome.REJECTED, problems));
                continue;
            }
            List<String> basis = row.basis().isBlank() ? List.of() : List.of(row.basis().split("\\R"));
            try {
                CatalogueItem read = new CatalogueItem(code, seq, row.level1(), row.level2(), row.content(), basis, row.timeLimit(),
                        rule, row.body(), channels, audience, method, level,
                        existing.map(CatalogueItem::sections).orElse(List.of()), "office-import",
                        existing.map(CatalogueItem::applicable).orElse(true),
                        existing.map(CatalogueItem::notApplicableReason).orElse(null));
                Outcome outcome = Outcome.ADDED;
                if (existing.isPresent()) {
                    // an imported column is a refinement: it never changes how far sources back the row
                    read = read.withProvenance(existing.get().provenance());
                    outcome = read.equals(existing.get()) ? Outcome.UNCHANGED : Outcome.CHANGED;
                }
                items.add(read);
                results.add(new RowResult(row.rowNumber(), row.seq(), code, outcome, List.of()));
            } catch (DomainException e) {
                results.add(new RowResult(row.rowNumber(), row.seq(), code, Outcome.REJECTED, List.of(e.getMessage())));
            }
        }
        return new Result(items, results);
    }

    private static Integer parseSeq(String text, List<String> problems) {
        try {
            int seq = Integer.parseInt(text);
            if (seq > 0 && seq < 1000) {
                return seq;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add("序号“" + text + "”不是正整数");
        return null;
    }

    /** The ■/□ checklist: ■ marks a channel the row uses. Unknown channel names are rejected. */
    private static List<String> channels(String cell, List<String> problems) {
        List<String> codes = new ArrayList<>();
        for (String entry : cell.split("[\\s]+(?=[■□])|\\R")) {
            String e = entry.strip();
            if (e.isEmpty()) {
                continue;
            }
            char mark = e.charAt(0);
            if (mark != '■' && mark != '□') {
                problems.add("公开渠道“" + e + "”前缺少 ■ 或 □ 标记");
                continue;
            }
            Optional<Channel> channel = Channel.byLabel(e.substring(1));
            if (channel.isEmpty()) {
                problems.add("公开渠道“" + e.substring(1) + "”不在渠道目录中");
            } else if (mark == '■') {
                codes.add(channel.get().code());
            }
        }
        return codes;
    }

    private static List<String> ticked(List<String> ticks, List<String> column) {
        return ticks.stream().filter(column::contains).toList();
    }
}
