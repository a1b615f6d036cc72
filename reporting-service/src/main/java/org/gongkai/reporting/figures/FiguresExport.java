package org.gongkai.reporting.figures;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Exports figures as XLSX (Apache POI) and CSV (UTF-8 with BOM). Rows are derived from the same records the API
 * returns, field by field, so an export shows exactly the figures on screen.
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

    public static byte[] xlsx(SectionFigures figures) {
        return xlsx(rows(figures));
    }

    public static byte[] xlsx(List<String[]> rows) {
        return workbook(List.of(new NamedSheet("figures", rows)));
    }

    public static byte[] xlsx(FiguresService.LeadershipReport report) {
        List<NamedSheet> sheets = new ArrayList<>();
        List<String[]> county = new ArrayList<>(rows(report.county()));
        report.indicators().forEach(i -> county.add(new String[] {"indicator." + i.name(), value(i.value()), value(i.target()), value(i.met())}));
        county.add(new String[] {"score", value(report.score())});
        sheets.add(new NamedSheet("county", county));
        for (FiguresService.SectionEvaluation section : report.sections()) {
            List<String[]> rows = new ArrayList<>(rows(section.figures()));
            section.indicators().forEach(i -> rows.add(new String[] {"indicator." + i.name(), value(i.value()), value(i.target()), value(i.met())}));
            rows.add(new String[] {"score", value(section.score())});
            sheets.add(new NamedSheet(section.section(), rows));
        }
        List<String[]> trend = new ArrayList<>();
        trend.add(new String[] {"period", "onTimePublicationRate", "nonTextInterpretationShare", "responseWithin48HoursRate", "adoptionRate", "score"});
        report.trend().forEach(t -> trend.add(new String[] {t.period(), value(t.onTimePublicationRate()), value(t.nonTextInterpretationShare()),
                value(t.responseWithin48HoursRate()), value(t.adoptionRate()), value(t.score())}));
        sheets.add(new NamedSheet("trend", trend));
        return FiguresExport.workbook(sheets);
    }
    public static byte[] csv(List<String[]> rows) {
        StringBuilder out = new StringBuilder("\uFEFF");
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    out.append(',');
                }
                String v = row[i] == null ? "" : row[i];
                out.append(v.contains(",") || v.contains("\"") || v.contains("\n") ? '"' + v.replace("\"", "\"\"") + '"' : v);
            }
            out.append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** All sheets of the leadership report in one CSV, each row prefixed with its sheet name. */
    public static byte[] csv(FiguresService.LeadershipReport report) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"sheet", "figure", "value", "target", "met"});
        for (String[] row : rows(report.county())) {
            rows.add(prefixed("county", row));
        }
        report.indicators().forEach(i -> rows.add(new String[] {"county", "indicator." + i.name(), value(i.value()), value(i.target()), value(i.met())}));
        rows.add(new String[] {"county", "score", value(report.score())});
        for (FiguresService.SectionEvaluation section : report.sections()) {
            for (String[] row : rows(section.figures())) {
                rows.add(prefixed(section.section(), row));
            }
            rows.add(new String[] {section.section(), "score", value(section.score())});
        }
        return csv(rows);
    }

    private static String[] prefixed(String sheet, String[] row) {
        String[] out = new String[row.length + 1];
        out[0] = sheet;
        System.arraycopy(row, 0, out, 1, row.length);
        return out;
    }

    private record NamedSheet(String name, List<String[]> rows) {
    }

    private static byte[] workbook(List<NamedSheet> sheets) {
        try (Workbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (NamedSheet named : sheets) {
                Sheet sheet = workbook.createSheet(named.name());
                for (int r = 0; r < named.rows().size(); r++) {
                    Row row = sheet.createRow(r);
                    String[] values = named.rows().get(r);
                    for (int c = 0; c < values.length; c++) {
                        row.createCell(c).setCellValue(values[c]);
                    }
                }
                sheet.setColumnWidth(0, 40 * 256);
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
