package org.gongkai.reporting.annualreport;

import java.util.List;

/**
 * The annual report as a printable page (A4, the template's tables with their merged headers), built as plain HTML
 * with every text escaped; no script, and the only style is the page's own.
 */
final class AnnualReportHtml {

    private AnnualReportHtml() {
    }

    static String of(AnnualReportDocument r) {
        StringBuilder h = new StringBuilder(16_000);
        h.append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>").append(esc(r.title())).append("</title>")
                .append("<style>@page{size:A4;margin:20mm}body{font-family:\"FangSong\",\"SimSun\",\"Noto Serif CJK SC\",\"WenQuanYi Zen Hei\",serif;")
                .append("font-size:12pt;line-height:1.6}h1{text-align:center;font-size:18pt}h2{font-size:14pt;margin-top:1.2em}")
                .append("table{border-collapse:collapse;width:100%;margin:.5em 0;page-break-inside:avoid}")
                .append("th,td{border:1px solid #000;padding:2px 4px;text-align:center;font-size:10.5pt}td.l{text-align:left}")
                .append(".note{color:#444;font-size:10pt}.draft{color:#a00;text-align:center}p{text-indent:2em;white-space:pre-wrap}</style>")
                .append("</head><body>\n");
        h.append("<h1>").append(esc(r.title())).append("</h1>\n");
        if (r.status() != AnnualReport.Status.PUBLISHED) {
            h.append("<p class=\"draft\">（第 ").append(r.revision()).append(" 版，").append(esc(r.statusLabel())).append("，未发布）</p>\n");
        }
        if (r.correctionNote() != null) {
            h.append("<p class=\"note\">更正说明（第 ").append(r.revision()).append(" 版）：").append(esc(r.correctionNote())).append("</p>\n");
        }
        h.append("<h2>一、总体情况</h2>\n").append(paragraph(r.overview()));
        proactive(h, r.proactive());
        applications(h, r.applications());
        appeals(h, r.appeals());
        h.append("<h2>五、存在的主要问题及改进情况</h2>\n").append(paragraph(r.problemsAndImprovements()));
        h.append("<h2>六、其他需要报告的事项</h2>\n").append(paragraph(r.feesStatement()));
        if (r.otherMatters() != null) {
            h.append(paragraph(r.otherMatters()));
        }
        return h.append("</body></html>\n").toString();
    }

    private static void proactive(StringBuilder h, AnnualReportDocument.ProactiveDisclosure p) {
        h.append("<h2>二、主动公开政府信息情况</h2>\n<table>\n");
        h.append("<tr><th colspan=\"4\">第二十条第（一）项</th></tr>\n");
        h.append("<tr><th>信息内容</th><th>本年制发件数</th><th>本年废止件数</th><th>现行有效件数</th></tr>\n");
        for (RegulatoryDocuments.Line line : p.documents().lines()) {
            h.append("<tr><td>").append(esc(line.label())).append("</td><td>").append(line.issued()).append("</td><td>")
                    .append(line.abolished()).append("</td><td>").append(line.inForce()).append("</td></tr>\n");
        }
        block(h, "第二十条第（五）项", "本年处理决定数量", List.of(p.licensing()));
        block(h, "第二十条第（六）项", "本年处理决定数量", List.of(p.punishment(), p.coercion()));
        block(h, "第二十条第（八）项", "本年收费金额（单位：万元）", List.of(p.administrativeFees()));
        h.append("</table>\n");
        for (AnnualReportDocument.SourcedFigure f : List.of(p.licensing(), p.punishment(), p.coercion(), p.administrativeFees())) {
            h.append("<div class=\"note\">注：").append(esc(f.label())).append("数据来源：")
                    .append(esc(f.source() == null ? "未填报" : f.source())).append("</div>\n");
        }
    }

    private static void block(StringBuilder h, String title, String valueHeader, List<AnnualReportDocument.SourcedFigure> figures) {
        h.append("<tr><th colspan=\"4\">").append(title).append("</th></tr>\n");
        h.append("<tr><th>信息内容</th><th colspan=\"3\">").append(valueHeader).append("</th></tr>\n");
        for (AnnualReportDocument.SourcedFigure f : figures) {
            h.append("<tr><td>").append(esc(f.label())).append("</td><td colspan=\"3\">")
                    .append(f.value() == null ? "" : f.value().toPlainString()).append("</td></tr>\n");
        }
    }

    private static void applications(StringBuilder h, ApplicationMatrix m) {
        List<ApplicationMatrix.Column> columns = m.columns();
        long organisations = columns.stream().filter(ApplicationMatrix.Column::organisation).count();
        h.append("<h2>三、收到和处理政府信息公开申请情况</h2>\n<table>\n");
        h.append("<tr><th colspan=\"3\" rowspan=\"3\">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</th>")
                .append("<th colspan=\"").append(columns.size()).append("\">申请人情况</th></tr>\n<tr>");
        boolean organisationHeader = false;
        for (ApplicationMatrix.Column c : columns) {
            if (!c.organisation()) {
                h.append("<th rowspan=\"2\">").append(esc(c.label())).append("</th>");
            } else if (!organisationHeader) {
                h.append("<th colspan=\"").append(organisations).append("\">法人或其他组织</th>");
                organisationHeader = true;
            }
        }
        h.append("</tr>\n<tr>");
        columns.stream().filter(ApplicationMatrix.Column::organisation).forEach(c -> h.append("<th>").append(esc(c.label())).append("</th>"));
        h.append("</tr>\n");
        List<ApplicationMatrix.MatrixRow> rows = m.rows();
        for (int i = 0; i < rows.size(); i++) {
            ApplicationMatrix.MatrixRow row = rows.get(i);
            h.append("<tr>");
            if (row.group() == null) {
                h.append("<td class=\"l\" colspan=\"3\">").append(esc(row.heading())).append("</td>");
            } else {
                if (i == 0 || !row.heading().equals(rows.get(i - 1).heading())) {
                    h.append("<td rowspan=\"").append(span(rows, i, r -> r.heading())).append("\">").append(esc(row.heading())).append("</td>");
                }
                if (row.item() == null) {
                    h.append("<td class=\"l\" colspan=\"2\">").append(esc(row.group())).append("</td>");
                } else {
                    if (!row.group().equals(rows.get(i - 1).group())) {
                        h.append("<td rowspan=\"").append(span(rows, i, r -> r.group())).append("\">").append(esc(row.group())).append("</td>");
                    }
                    h.append("<td class=\"l\">").append(esc(row.item())).append("</td>");
                }
            }
            for (ApplicationMatrix.Column c : columns) {
                h.append("<td>").append(row.cells().get(c.code())).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");
    }

    private static int span(List<ApplicationMatrix.MatrixRow> rows, int from, java.util.function.Function<ApplicationMatrix.MatrixRow, String> key) {
        int n = 1;
        while (from + n < rows.size() && key.apply(rows.get(from)).equals(key.apply(rows.get(from + n)))) {
            n++;
        }
        return n;
    }

    private static void appeals(StringBuilder h, AnnualReportDocument.Appeals a) {
        String results = "<th>结果维持</th><th>结果纠正</th><th>其他结果</th><th>尚未审结</th><th>总计</th>";
        h.append("<h2>四、政府信息公开行政复议、行政诉讼情况</h2>\n<table>\n")
                .append("<tr><th colspan=\"5\">行政复议</th><th colspan=\"10\">行政诉讼</th></tr>\n<tr>")
                .append(results.replace("<th>", "<th rowspan=\"2\">"))
                .append("<th colspan=\"5\">未经复议直接起诉</th><th colspan=\"5\">复议后起诉</th></tr>\n<tr>")
                .append(results).append(results).append("</tr>\n<tr>");
        for (AnnualReportDocument.CaseLine line : List.of(a.administrativeReview(), a.litigationDirect(), a.litigationAfterReview())) {
            for (Integer v : new Integer[] {line.upheld(), line.corrected(), line.other(), line.pending(), line.total()}) {
                h.append("<td>").append(v == null ? "" : v).append("</td>");
            }
        }
        h.append("</tr>\n</table>\n");
    }

    private static String paragraph(String text) {
        return text == null || text.isBlank() ? "<p></p>\n" : "<p>" + esc(text) + "</p>\n";
    }

    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
