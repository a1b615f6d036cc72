package org.gongkai.catalogue.catalogue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gongkai.support.domain.DomainException;

/**
 * The official table layout of a 基层政务公开标准目录: a two-row merged header, one row per second-level item,
 * channels as a ■/□ checklist and audience, method and level as √ columns. Written and read as XLSX (Apache POI)
 * and as CSV (UTF-8 with BOM, so Excel shows Chinese correctly).
 */
public final class OfficialTable {

    static final String[] HEADER_1 = {"序号", "公开事项", "", "公开内容（要素）", "公开依据", "公开时限", "公开主体", "公开渠道和载体",
            "公开对象", "", "公开方式", "", "公开层级", ""};
    static final String[] HEADER_2 = {"", "一级事项", "二级事项", "", "", "", "", "", "全社会", "特定群体", "主动", "依申请", "县级", "乡级"};
    private static final int COLUMNS = HEADER_1.length;
    private static final String TICK = "√";
    private static final Map<String, String> TICK_COLUMNS = Map.of(
            "8", "all-society", "9", "specific-groups", "10", "proactive", "11", "on-request", "12", "county", "13", "township");

    /** One data row as it stands in the table, before any interpretation. */
    public record TableRow(int rowNumber, String seq, String level1, String level2, String content, String basis,
            String timeLimit, String body, String channels, List<String> ticked) {
    }

    private OfficialTable() {
    }

    // ---- writing ----

    static List<String[]> rows(CatalogueVersion version) {
        List<String[]> rows = new ArrayList<>();
        for (CatalogueItem item : version.items()) {
            String[] row = new String[COLUMNS];
            row[0] = String.valueOf(item.seq());
            row[1] = item.level1();
            row[2] = item.level2();
            row[3] = item.content();
            row[4] = String.join("\n", item.basis());
            row[5] = item.timeLimit();
            row[6] = item.body();
            row[7] = channelChecklist(item.channels());
            row[8] = tick(item.audience().contains("all-society"));
            row[9] = tick(item.audience().contains("specific-groups"));
            row[10] = tick(item.method().contains("proactive"));
            row[11] = tick(item.method().contains("on-request"));
            row[12] = tick(item.level().contains("county"));
            row[13] = tick(item.level().contains("township"));
            rows.add(row);
        }
        return rows;
    }

    static String channelChecklist(List<String> codes) {
        StringBuilder cell = new StringBuilder();
        for (Channel channel : Channel.values()) {
            if (!cell.isEmpty()) {
                cell.append('\n');
            }
            cell.append(codes.contains(channel.code()) ? '■' : '□').append(channel.label());
        }
        return cell.toString();
    }

    private static String tick(boolean on) {
        return on ? TICK : "";
    }

    public static byte[] xlsx(CatalogueVersion version) {
        try (Workbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(version.title().length() > 31 ? version.title().substring(0, 31) : version.title());
            CellStyle style = workbook.createCellStyle();
            style.setWrapText(true);
            style.setVerticalAlignment(VerticalAlignment.CENTER);
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
            CellStyle header = workbook.createCellStyle();
            header.cloneStyleFrom(style);
            header.setAlignment(HorizontalAlignment.CENTER);
            write(sheet.createRow(0), HEADER_1, header);
            write(sheet.createRow(1), HEADER_2, header);
            // the two-row header: single-column titles span both rows, grouped titles span their columns
            for (int c : new int[] {0, 3, 4, 5, 6, 7}) {
                sheet.addMergedRegion(new CellRangeAddress(0, 1, c, c));
            }
            for (int c : new int[] {1, 8, 10, 12}) {
                sheet.addMergedRegion(new CellRangeAddress(0, 0, c, c + 1));
            }
            List<String[]> rows = rows(version);
            for (int r = 0; r < rows.size(); r++) {
                write(sheet.createRow(r + 2), rows.get(r), style);
            }
            // the first-level item spans the rows of its second-level items, as in the official table
            int start = 0;
            for (int r = 1; r <= rows.size(); r++) {
                if (r == rows.size() || !rows.get(r)[1].equals(rows.get(start)[1])) {
                    if (r - start > 1) {
                        sheet.addMergedRegion(new CellRangeAddress(start + 2, r + 1, 1, 1));
                    }
                    start = r;
                }
            }
            int[] widths = {6, 12, 16, 40, 36, 22, 14, 22, 7, 7, 7, 7, 7, 7};
            for (int c = 0; c < COLUMNS; c++) {
                sheet.setColumnWidth(c, widths[c] * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write XLSX", e);
        }
    }

    private static void write(Row row, String[] values, CellStyle style) {
        for (int c = 0; c < values.length; c++) {
            Cell cell = row.createCell(c);
            cell.setCellValue(values[c]);
            cell.setCellStyle(style);
        }
    }

    public static byte[] csv(CatalogueVersion version) {
        StringBuilder out = new StringBuilder("\uFEFF");
        csvLine(out, HEADER_1);
        csvLine(out, HEADER_2);
        for (String[] row : rows(version)) {
            csvLine(out, row);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void csvLine(StringBuilder out, String[] values) {
        for (int c = 0; c < values.length; c++) {
            if (c > 0) {
                out.append(',');
            }
            String v = values[c] == null ? "" : values[c];
            if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
                out.append('"').append(v.replace("\"", "\"\"")).append('"');
            } else {
                out.append(v);
            }
        }
        out.append("\r\n");
    }

    // ---- reading ----

    /** Reads an uploaded table; a file whose header is not the official one is refused as a whole. */
    public static List<TableRow> read(String filename, byte[] content) {
        List<String[]> cells = filename != null && filename.toLowerCase().endsWith(".csv") ? readCsv(content) : readXlsx(content);
        if (cells.size() < 2 || !headerMatches(cells.get(0), HEADER_1) || !headerMatches(cells.get(1), HEADER_2)) {
            throw DomainException.invalid("wrong-table-header",
                    "The file does not have the official two-row header: " + String.join(" | ", HEADER_1) + " / "
                            + String.join(" | ", HEADER_2) + ".");
        }
        List<TableRow> rows = new ArrayList<>();
        String level1 = "";
        for (int r = 2; r < cells.size(); r++) {
            String[] row = Arrays.copyOf(cells.get(r), COLUMNS);
            for (int c = 0; c < COLUMNS; c++) {
                row[c] = row[c] == null ? "" : row[c].strip();
            }
            if (Arrays.stream(row).allMatch(String::isEmpty)) {
                continue;
            }
            // a merged first-level cell is blank below its first row
            level1 = row[1].isEmpty() ? level1 : row[1];
            List<String> ticked = new ArrayList<>();
            for (int c = 8; c < COLUMNS; c++) {
                if (!row[c].isEmpty()) {
                    ticked.add(row[c].equals(TICK) ? TICK_COLUMNS.get(String.valueOf(c)) : "?" + row[c]);
                }
            }
            rows.add(new TableRow(r + 1, row[0], level1, row[2], row[3], row[4], row[5], row[6], row[7], ticked));
        }
        return rows;
    }

    private static boolean headerMatches(String[] actual, String[] expected) {
        for (int c = 0; c < expected.length; c++) {
            String a = c < actual.length && actual[c] != null ? actual[c].strip() : "";
            if (!a.equals(expected[c])) {
                return false;
            }
        }
        return true;
    }

    private static List<String[]> readXlsx(byte[] content) {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter();
            List<String[]> rows = new ArrayList<>();
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                String[] values = new String[COLUMNS];
                for (int c = 0; c < COLUMNS; c++) {
                    values[c] = row == null || row.getCell(c) == null ? "" : formatter.formatCellValue(row.getCell(c));
                }
                rows.add(values);
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            throw DomainException.invalid("unreadable-file", "The file is not a readable XLSX workbook.");
        }
    }

    /** RFC 4180 CSV with quoted fields that may span lines; a leading BOM is ignored. */
    static List<String[]> readCsv(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<String[]> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                rows.add(row.toArray(String[]::new));
                row = new ArrayList<>();
            } else {
                field.append(ch);
            }
        }
        if (!field.isEmpty() || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row.toArray(String[]::new));
        }
        return rows;
    }
}
