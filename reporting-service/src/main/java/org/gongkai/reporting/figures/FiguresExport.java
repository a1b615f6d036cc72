package org.gongkai.reporting.figures;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Exports figures as XLSX (Apache POI) and CSV (Commons CSV, UTF-8 with BOM) under Chinese headers: each figure's
 * Chinese name, its code, its value (numeric cells in XLSX). Rows are derived from the same records the API returns,
 * field by field, so an export shows exactly the figures on screen.
 */
public final class FiguresExport {

    private FiguresExport() {
    }

    /** One figure per row: its name (nested maps as {@code name.key}) and its value. */
    public static List<String[]> rows(Object record) {
        List<String[]> rows = new ArrayList<>();
        for (RecordComponent field : record.getClass().getRecordComponents()) {
            Object value = read(field, record);
            if (value instanceof Map<?, ?> map) {
                map.forEach((k, v) -> rows.add(new String[] {field.getName() + "." + k, String.valueOf(v)}));
            } else {
                rows.add(new String[] {field.getName(), value == null ? "" : String.valueOf(value)});
            }
        }
        if (record instanceof SectionFigures figures) {
            // what the screen shows beside the figures: the Chinese words of the codes counted above
            figures.codeLabels().forEach((code, label) -> rows.add(new String[] {"codeLabels." + code, label}));
        }
        return rows;
    }

    /** The header of a figures table. */
    static final String[] HEADER = {"指标", "代码", "数值", "目标", "是否达标"};

    public static byte[] xlsx(SectionFigures figures) {
        return xlsx(rows(figures));
    }

    public static byte[] xlsx(List<String[]> rows) {
        return workbook(List.of(new NamedSheet("指标", labelled(rows))));
    }

    public static byte[] xlsx(FiguresService.LeadershipReport report) {
        List<NamedSheet> sheets = new ArrayList<>();
        List<String[]> county = new ArrayList<>(rows(report.county()));
        report.indicators().forEach(i -> county.add(new String[] {"indicator." + i.name(), value(i.value()), value(i.target()), value(i.met())}));
        county.add(new String[] {"score", value(report.score())});
        sheets.add(new NamedSheet("全县", labelled(county)));
        for (FiguresService.SectionEvaluation section : report.sections()) {
            List<String[]> rows = new ArrayList<>(rows(section.figures()));
            section.indicators().forEach(i -> rows.add(new String[] {"indicator." + i.name(), value(i.value()), value(i.target()), value(i.met())}));
            rows.add(new String[] {"score", value(section.score())});
            sheets.add(new NamedSheet(section.section(), labelled(rows)));
        }
        List<String[]> trend = new ArrayList<>();
        trend.add(new String[] {"期间", "按时公开率", "多元化解读占比", "48小时内回应率", "意见采纳率", "综合得分"});
        report.trend().forEach(t -> trend.add(new String[] {t.period(), value(t.onTimePublicationRate()), value(t.nonTextInterpretationShare()),
                value(t.responseWithin48HoursRate()), value(t.adoptionRate()), value(t.score())}));
        sheets.add(new NamedSheet("趋势", trend));
        return FiguresExport.workbook(sheets);
    }

    /** The header row, then each figure with its Chinese name before its code; yes/no in words. */
    static List<String[]> labelled(List<String[]> rows) {
        List<String[]> out = new ArrayList<>();
        out.add(HEADER);
        for (String[] row : rows) {
            String[] labelled = new String[row.length + 1];
            labelled[0] = CodeLabels.figure(row[0]);
            System.arraycopy(row, 0, labelled, 1, row.length);
            for (int c = 2; c < labelled.length; c++) {
                labelled[c] = "true".equals(labelled[c]) ? "是" : "false".equals(labelled[c]) ? "否" : labelled[c];
            }
            out.add(labelled);
        }
        return out;
    }

    public static byte[] csv(List<String[]> rows) {
        return csvOf(labelled(rows));
    }

    /** UTF-8 with BOM; a text cell that a spreadsheet would run as a formula (= + - @) is neutralised with a quote. */
    private static byte[] csvOf(List<String[]> rows) {
        StringBuilder out = new StringBuilder("\uFEFF");
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            for (String[] row : rows) {
                printer.printRecord(java.util.Arrays.stream(row).map(FiguresExport::neutralised).toList());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot write CSV", e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String neutralised(String cell) {
        if (cell == null || cell.isEmpty() || NUMBER.matcher(cell).matches()) {
            return cell == null ? "" : cell;
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' ? "'" + cell : cell;
    }

    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("-?\\d+(\\.\\d+)?([eE]-?\\d+)?");

    /** All sheets of the leadership report in one CSV, each row prefixed with its sheet name. */
    public static byte[] csv(FiguresService.LeadershipReport report) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"表", "指标", "代码", "数值", "目标", "是否达标"});
        List<String[]> county = new ArrayList<>(rows(report.county()));
        report.indicators().forEach(i -> county.add(new String[] {"indicator." + i.name(), value(i.value()), value(i.target()), value(i.met())}));
        county.add(new String[] {"score", value(report.score())});
        labelled(county).stream().skip(1).forEach(row -> rows.add(prefixed("全县", row)));
        for (FiguresService.SectionEvaluation section : report.sections()) {
            List<String[]> sectionRows = new ArrayList<>(rows(section.figures()));
            sectionRows.add(new String[] {"score", value(section.score())});
            labelled(sectionRows).stream().skip(1).forEach(row -> rows.add(prefixed(section.section(), row)));
        }
        return csvOf(rows);
    }

    private static String[] prefixed(String sheet, String[] row) {
        String[] out = new String[row.length + 1];
        out[0] = sheet;
        System.arraycopy(row, 0, out, 1, row.length);
        return out;
    }

    private record NamedSheet(String name, List<String[]> rows) {
    }

    /** Numbers go in as numeric cells, so a spreadsheet sums and charts them; text stays text. */
    private static byte[] workbook(List<NamedSheet> sheets) {
        try (Workbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            for (NamedSheet named : sheets) {
                Sheet sheet = workbook.createSheet(named.name());
                for (int r = 0; r < named.rows().size(); r++) {
                    Row row = sheet.createRow(r);
                    String[] values = named.rows().get(r);
                    for (int c = 0; c < values.length; c++) {
                        Cell cell = row.createCell(c);
                        String v = values[c] == null ? "" : values[c];
                        if (r > 0 && NUMBER.matcher(v).matches()) {
                            cell.setCellValue(Double.parseDouble(v));
                        } else {
                            cell.setCellValue(v);
                        }
                        if (r == 0) {
                            cell.setCellStyle(bold);
                        }
                    }
                }
                sheet.setColumnWidth(0, 30 * 256);
                sheet.setColumnWidth(1, 36 * 256);
                sheet.createFreezePane(0, 1);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write XLSX", e);
        }
    }

    private static String value(Object v) {
        return v == null ? "" : String.valueOf(v);
    }

    private static Object read(RecordComponent field, Object record) {
        try {
            return field.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
