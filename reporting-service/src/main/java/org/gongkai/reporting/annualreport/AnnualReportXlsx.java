package org.gongkai.reporting.annualreport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.RegionUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The annual report as a workbook in the template's table layout (国办公开办函〔2021〕30号): the text, then tables 二, 三
 * and 四 on sheets of their own, with the template's merged header cells, Chinese throughout, numbers as numbers.
 */
final class AnnualReportXlsx {

    static final String TEXT_SHEET = "报告正文";
    static final String PROACTIVE_SHEET = "二、主动公开政府信息情况";
    static final String APPLICATIONS_SHEET = "三、收到和处理政府信息公开申请情况";
    static final String APPEALS_SHEET = "四、行政复议行政诉讼情况";
    /** Table 三: the first data row (after the title and the three header rows) and the first count column. */
    static final int MATRIX_FIRST_ROW = 4;
    static final int MATRIX_FIRST_COLUMN = 3;

    private AnnualReportXlsx() {
    }

    static byte[] of(AnnualReportDocument report) {
        try (Workbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(workbook);
            text(workbook.createSheet(TEXT_SHEET), report, styles);
            proactive(workbook.createSheet(PROACTIVE_SHEET), report, styles);
            applications(workbook.createSheet(APPLICATIONS_SHEET), report.applications(), styles);
            appeals(workbook.createSheet(APPEALS_SHEET), report.appeals(), styles);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void text(Sheet sheet, AnnualReportDocument r, Styles s) {
        sheet.setColumnWidth(0, 24 * 256);
        sheet.setColumnWidth(1, 90 * 256);
        put(sheet, 0, 0, r.title() + "（第 " + r.revision() + " 版，" + r.statusLabel() + "）", s.title);
        merge(sheet, 0, 0, 0, 1, null);
        int row = 1;
        if (r.correctionNote() != null) {
            row = textRow(sheet, row, "更正说明", r.correctionNote(), s);
        }
        row = textRow(sheet, row, "一、总体情况", r.overview(), s);
        row = textRow(sheet, row, "五、存在的主要问题及改进情况", r.problemsAndImprovements(), s);
        textRow(sheet, row, "六、其他需要报告的事项", r.feesStatement() + (r.otherMatters() == null ? "" : "\n" + r.otherMatters()), s);
        landscape(sheet);
    }

    private static int textRow(Sheet sheet, int row, String heading, String text, Styles s) {
        put(sheet, row, 0, heading, s.header);
        put(sheet, row, 1, text == null ? "" : text, s.text);
        return row + 1;
    }

    private static void proactive(Sheet sheet, AnnualReportDocument r, Styles s) {
        for (int c = 0; c < 4; c++) {
            sheet.setColumnWidth(c, (c == 0 ? 24 : 18) * 256);
        }
        put(sheet, 0, 0, "二、主动公开政府信息情况", s.title);
        merge(sheet, 0, 0, 0, 3, null);
        int row = 1;
        row = block(sheet, row, "第二十条第（一）项", s);
        header(sheet, row++, s, "信息内容", "本年制发件数", "本年废止件数", "现行有效件数");
        for (RegulatoryDocuments.Line line : r.proactive().documents().lines()) {
            put(sheet, row, 0, line.label(), s.cell);
            number(sheet, row, 1, line.issued(), s);
            number(sheet, row, 2, line.abolished(), s);
            number(sheet, row, 3, line.inForce(), s);
            row++;
        }
        row = block(sheet, row, "第二十条第（五）项", s);
        row = decisions(sheet, row, "本年处理决定数量", List.of(r.proactive().licensing()), s);
        row = block(sheet, row, "第二十条第（六）项", s);
        row = decisions(sheet, row, "本年处理决定数量", List.of(r.proactive().punishment(), r.proactive().coercion()), s);
        row = block(sheet, row, "第二十条第（八）项", s);
        row = decisions(sheet, row, "本年收费金额（单位：万元）", List.of(r.proactive().administrativeFees()), s);
        // the template has no source column; the office's sources follow the table
        row++;
        for (AnnualReportDocument.SourcedFigure f : List.of(r.proactive().licensing(), r.proactive().punishment(), r.proactive().coercion(),
                r.proactive().administrativeFees())) {
            put(sheet, row, 0, "注：" + f.label() + "数据来源：" + (f.source() == null ? "未填报" : f.source()), s.plain);
            merge(sheet, row, row, 0, 3, null);
            row++;
        }
        landscape(sheet);
    }

    private static int block(Sheet sheet, int row, String title, Styles s) {
        put(sheet, row, 0, title, s.header);
        for (int c = 1; c < 4; c++) {
            put(sheet, row, c, "", s.header);
        }
        merge(sheet, row, row, 0, 3, s);
        return row + 1;
    }

    private static int decisions(Sheet sheet, int row, String valueHeader, List<AnnualReportDocument.SourcedFigure> figures, Styles s) {
        put(sheet, row, 0, "信息内容", s.header);
        for (int c = 1; c < 4; c++) {
            put(sheet, row, c, c == 1 ? valueHeader : "", s.header);
        }
        merge(sheet, row, row, 1, 3, s);
        row++;
        for (AnnualReportDocument.SourcedFigure f : figures) {
            put(sheet, row, 0, f.label(), s.cell);
            Cell value = sheet.getRow(row).createCell(1);
            value.setCellStyle(s.number);
            if (f.value() != null) {
                value.setCellValue(f.value().doubleValue());
            }
            put(sheet, row, 2, "", s.cell);
            put(sheet, row, 3, "", s.cell);
            merge(sheet, row, row, 1, 3, s);
            row++;
        }
        return row;
    }

    private static void applications(Sheet sheet, ApplicationMatrix m, Styles s) {
        int columns = MATRIX_FIRST_COLUMN + m.columns().size();
        sheet.setColumnWidth(0, 8 * 256);
        sheet.setColumnWidth(1, 16 * 256);
        sheet.setColumnWidth(2, 44 * 256);
        for (int c = MATRIX_FIRST_COLUMN; c < columns; c++) {
            sheet.setColumnWidth(c, 11 * 256);
        }
        put(sheet, 0, 0, "三、收到和处理政府信息公开申请情况", s.title);
        merge(sheet, 0, 0, 0, columns - 1, null);
        for (int r = 1; r <= 3; r++) {
            for (int c = 0; c < columns; c++) {
                put(sheet, r, c, "", s.header);
            }
        }
        put(sheet, 1, 0, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", s.header);
        merge(sheet, 1, 3, 0, 2, s);
        put(sheet, 1, MATRIX_FIRST_COLUMN, "申请人情况", s.header);
        merge(sheet, 1, 1, MATRIX_FIRST_COLUMN, columns - 1, s);
        int organisations = (int) m.columns().stream().filter(ApplicationMatrix.Column::organisation).count();
        for (int i = 0; i < m.columns().size(); i++) {
            ApplicationMatrix.Column column = m.columns().get(i);
            int c = MATRIX_FIRST_COLUMN + i;
            if (column.organisation()) {
                put(sheet, 3, c, column.label(), s.header);
            } else {
                put(sheet, 2, c, column.label(), s.header);
                merge(sheet, 2, 3, c, c, s);
            }
        }
        put(sheet, 2, MATRIX_FIRST_COLUMN + 1, "法人或其他组织", s.header);
        merge(sheet, 2, 2, MATRIX_FIRST_COLUMN + 1, MATRIX_FIRST_COLUMN + organisations, s);

        List<ApplicationMatrix.MatrixRow> rows = m.rows();
        for (int i = 0; i < rows.size(); i++) {
            ApplicationMatrix.MatrixRow line = rows.get(i);
            int row = MATRIX_FIRST_ROW + i;
            put(sheet, row, 0, line.heading(), s.header);
            put(sheet, row, 1, line.group() == null ? "" : line.group(), s.header);
            put(sheet, row, 2, line.item() == null ? "" : line.item(), s.cell);
            for (int c = 0; c < m.columns().size(); c++) {
                number(sheet, row, MATRIX_FIRST_COLUMN + c, line.cells().get(m.columns().get(c).code()), s);
            }
        }
        // merged as in the template: 一, 二, 四 across the three label columns; 三 down all its rows; each outcome down
        // its numbered reasons, or across the two inner label columns when it has none
        int i = 0;
        while (i < rows.size()) {
            ApplicationMatrix.MatrixRow line = rows.get(i);
            int row = MATRIX_FIRST_ROW + i;
            if (line.group() == null) {
                merge(sheet, row, row, 0, 2, s);
                i++;
                continue;
            }
            int last = i;
            while (last + 1 < rows.size() && line.heading().equals(rows.get(last + 1).heading())) {
                last++;
            }
            merge(sheet, row, MATRIX_FIRST_ROW + last, 0, 0, s);
            for (int g = i; g <= last; ) {
                int groupEnd = g;
                while (groupEnd + 1 <= last && rows.get(g).group().equals(rows.get(groupEnd + 1).group())) {
                    groupEnd++;
                }
                if (rows.get(g).item() == null) {
                    merge(sheet, MATRIX_FIRST_ROW + g, MATRIX_FIRST_ROW + g, 1, 2, s);
                } else if (groupEnd > g) {
                    merge(sheet, MATRIX_FIRST_ROW + g, MATRIX_FIRST_ROW + groupEnd, 1, 1, s);
                }
                g = groupEnd + 1;
            }
            i = last + 1;
        }
        landscape(sheet);
    }

    private static void appeals(Sheet sheet, AnnualReportDocument.Appeals a, Styles s) {
        String[] results = {"结果维持", "结果纠正", "其他结果", "尚未审结", "总计"};
        for (int c = 0; c < 15; c++) {
            sheet.setColumnWidth(c, 10 * 256);
        }
        put(sheet, 0, 0, "四、政府信息公开行政复议、行政诉讼情况", s.title);
        merge(sheet, 0, 0, 0, 14, null);
        for (int r = 1; r <= 3; r++) {
            for (int c = 0; c < 15; c++) {
                put(sheet, r, c, "", s.header);
            }
        }
        put(sheet, 1, 0, "行政复议", s.header);
        merge(sheet, 1, 1, 0, 4, s);
        put(sheet, 1, 5, "行政诉讼", s.header);
        merge(sheet, 1, 1, 5, 14, s);
        for (int i = 0; i < 5; i++) {
            put(sheet, 2, i, results[i], s.header);
            merge(sheet, 2, 3, i, i, s);
            put(sheet, 3, 5 + i, results[i], s.header);
            put(sheet, 3, 10 + i, results[i], s.header);
        }
        put(sheet, 2, 5, "未经复议直接起诉", s.header);
        merge(sheet, 2, 2, 5, 9, s);
        put(sheet, 2, 10, "复议后起诉", s.header);
        merge(sheet, 2, 2, 10, 14, s);
        int c = 0;
        for (AnnualReportDocument.CaseLine line : List.of(a.administrativeReview(), a.litigationDirect(), a.litigationAfterReview())) {
            for (Integer value : new Integer[] {line.upheld(), line.corrected(), line.other(), line.pending(), line.total()}) {
                number(sheet, 4, c++, value == null ? null : value.longValue(), s);
            }
        }
        landscape(sheet);
    }

    private static void header(Sheet sheet, int row, Styles s, String... labels) {
        for (int c = 0; c < labels.length; c++) {
            put(sheet, row, c, labels[c], s.header);
        }
    }

    private static void put(Sheet sheet, int row, int column, String text, CellStyle style) {
        Row r = sheet.getRow(row) == null ? sheet.createRow(row) : sheet.getRow(row);
        Cell cell = r.createCell(column);
        cell.setCellValue(text);
        cell.setCellStyle(style);
    }

    private static void number(Sheet sheet, int row, int column, Long value, Styles s) {
        Row r = sheet.getRow(row) == null ? sheet.createRow(row) : sheet.getRow(row);
        Cell cell = r.createCell(column);
        cell.setCellStyle(s.number);
        if (value != null) {
            cell.setCellValue(value);
        }
    }

    private static void merge(Sheet sheet, int firstRow, int lastRow, int firstColumn, int lastColumn, Styles bordered) {
        CellRangeAddress range = new CellRangeAddress(firstRow, lastRow, firstColumn, lastColumn);
        sheet.addMergedRegion(range);
        if (bordered != null) {
            RegionUtil.setBorderTop(BorderStyle.THIN, range, sheet);
            RegionUtil.setBorderBottom(BorderStyle.THIN, range, sheet);
            RegionUtil.setBorderLeft(BorderStyle.THIN, range, sheet);
            RegionUtil.setBorderRight(BorderStyle.THIN, range, sheet);
        }
    }

    private static void landscape(Sheet sheet) {
        sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
        sheet.getPrintSetup().setLandscape(true);
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
    }

    /** Cell styles: title, header (bold, centred, bordered), text cells, numbers. */
    private static final class Styles {
        final CellStyle title;
        final CellStyle header;
        final CellStyle cell;
        final CellStyle number;
        final CellStyle text;
        final CellStyle plain;

        Styles(Workbook workbook) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            Font big = workbook.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            title = workbook.createCellStyle();
            title.setFont(big);
            title.setAlignment(HorizontalAlignment.CENTER);
            header = bordered(workbook);
            header.setFont(bold);
            header.setAlignment(HorizontalAlignment.CENTER);
            cell = bordered(workbook);
            number = bordered(workbook);
            number.setAlignment(HorizontalAlignment.CENTER);
            text = bordered(workbook);
            text.setVerticalAlignment(VerticalAlignment.TOP);
            plain = workbook.createCellStyle();
        }

        private static CellStyle bordered(Workbook workbook) {
            CellStyle style = workbook.createCellStyle();
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
            style.setWrapText(true);
            style.setVerticalAlignment(VerticalAlignment.CENTER);
            return style;
        }
    }

}
