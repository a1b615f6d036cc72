package org.gongkai.catalogue.table;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gongkai.catalogue.version.CatalogueItem;
import org.gongkai.catalogue.version.CatalogueVersion;
import org.gongkai.catalogue.version.Channel;
import org.gongkai.support.domain.DomainException;

/**
 * The official table layout of a 基层政务公开标准目录: a two-row merged header, one row per second-level item,
 * channels as a ■/□ checklist and audience, method and level as √ columns. Written and read as XLSX (Apache POI)
 * and as CSV (UTF-8 with BOM, so Excel shows Chinese correctly), with a title row above the header and a 备注 column
 * that marks rows to be verified (待核实) and items not applicable at county level.
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

    /** The remarks column after the official 14: 待核实 rows and items not applicable at county level are marked there. */
    static final String REMARKS = "备注";

    static List<String[]> rows(CatalogueVersion version) {
        List<String[]> rows = new ArrayList<>();
        for (CatalogueItem item : version.items()) {
            String[] row = new String[COLUMNS + 1];
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
            row[COLUMNS] = remarks(item);
            rows.add(row);
        }
        return rows;
    }

    static String remarks(CatalogueItem item) {
        List<String> marks = new ArrayList<>();
        if (item.needsVerification()) {
            marks.add(CatalogueItem.UNVERIFIED_MARK);
        }
        if (!item.applicable()) {
            marks.add("本级不适用：" + item.notApplicableReason());
        }
        return String.join("\n", marks);
    }

    static String[] header1() {
        String[] h = Arrays.copyOf(HEADER_1, COLUMNS + 1);
        h[COLUMNS] = REMARKS;
        return h;
    }

    static String[] header2() {
        String[] h = Arrays.copyOf(HEADER_2, COLUMNS + 1);
        h[COLUMNS] = "";
        return h;
    }

    static String title(CatalogueVersion version) {
        return version.title() + "（第" + version.version() + "版" + (version.effectiveFrom() == null ? "，草稿" : "，"
                + version.effectiveFrom() + "起施行") + "）";
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

    /** Column widths in characters; the remarks column last. */
    private static final int[] WIDTHS = {6, 12, 16, 40, 36, 22, 14, 22, 7, 7, 7, 7, 7, 7, 14};

    public static byte[] xlsx(CatalogueVersion version) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
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
            CellStyle titleStyle = workbook.createCellStyle();
            titleStyle.setAlignment(HorizontalAlignment.CENTER);
            titleStyle.setVerticalAlignment(VerticalAlignment.CENTER);
            Font titleFont = workbook.createFont();
            titleFont.setBold(true);
            titleFont.setFontHeightInPoints((short) 16);
            titleStyle.setFont(titleFont);

            int columns = COLUMNS + 1;
            Row titleRow = sheet.createRow(0);
            titleRow.setHeightInPoints(30);
            Cell titleCell = titleRow.createCell(0);
            titleCell.setCellValue(title(version));
            titleCell.setCellStyle(titleStyle);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, columns - 1));
            write(sheet.createRow(1), header1(), header);
            write(sheet.createRow(2), header2(), header);
            // the two-row header: single-column titles span both rows, grouped titles span their columns
            for (int c : new int[] {0, 3, 4, 5, 6, 7, COLUMNS}) {
                sheet.addMergedRegion(new CellRangeAddress(1, 2, c, c));
            }
            for (int c : new int[] {1, 8, 10, 12}) {
                sheet.addMergedRegion(new CellRangeAddress(1, 1, c, c + 1));
            }
            List<String[]> rows = rows(version);
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + FIRST_DATA_ROW);
                write(row, rows.get(r), style);
                row.setHeightInPoints(heightInPoints(rows.get(r)));
            }
            // the first-level item spans the rows of its second-level items, as in the official table
            int start = 0;
            for (int r = 1; r <= rows.size(); r++) {
                if (r == rows.size() || !rows.get(r)[1].equals(rows.get(start)[1])) {
                    if (r - start > 1) {
                        sheet.addMergedRegion(new CellRangeAddress(start + FIRST_DATA_ROW, r + FIRST_DATA_ROW - 1, 1, 1));
                    }
                    start = r;
                }
            }
            for (int c = 0; c < columns; c++) {
                sheet.setColumnWidth(c, WIDTHS[c] * 256);
            }
            // printed as the office files it: A4 landscape, one page wide, the header rows on every page
            PrintSetup print = sheet.getPrintSetup();
            print.setPaperSize(PrintSetup.A4_PAPERSIZE);
            print.setLandscape(true);
            print.setFitWidth((short) 1);
            print.setFitHeight((short) 0);
            sheet.setFitToPage(true);
            sheet.setRepeatingRows(new CellRangeAddress(1, 2, -1, -1));
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write XLSX", e);
        }
    }

    private static final int FIRST_DATA_ROW = 3;

    /** Tall enough for the wrapped text of the fullest cell, so that printed rows do not overprint. */
    static float heightInPoints(String[] row) {
        int lines = 1;
        for (int c = 0; c < row.length; c++) {
            int cellLines = 0;
            for (String line : (row[c] == null ? "" : row[c]).split("\n", -1)) {
                // a CJK character is about two width units of the column
                cellLines += Math.max(1, (int) Math.ceil(line.length() * 2.0 / Math.max(1, WIDTHS[c] - 1)));
            }
            lines = Math.max(lines, cellLines);
        }
        return lines * 15f + 4f;
    }

    private static void write(Row row, String[] values, CellStyle style) {
        for (int c = 0; c < values.length; c++) {
            Cell cell = row.createCell(c);
            cell.setCellValue(values[c]);
            cell.setCellStyle(style);
        }
    }

    /** UTF-8 with BOM (Excel and WPS then show Chinese correctly): a title line, the two header rows, the items. */
    public static byte[] csv(CatalogueVersion version) {
        StringBuilder out = new StringBuilder("\uFEFF");
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            String[] titleLine = new String[COLUMNS + 1];
            Arrays.fill(titleLine, "");
            titleLine[0] = title(version);
            printer.printRecord((Object[]) titleLine);
            printer.printRecord((Object[]) header1());
            printer.printRecord((Object[]) header2());
            for (String[] row : rows(version)) {
                printer.printRecord((Object[]) row);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot write CSV", e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    // ---- reading ----

    /**
     * Reads an uploaded table. A title row above the header is allowed (the export writes one); a file whose header is
     * not the official one is refused as a whole, naming the first column that differs.
     */
    public static List<TableRow> read(String filename, byte[] content) {
        List<String[]> cells = filename != null && filename.toLowerCase().endsWith(".csv") ? readCsv(content) : readXlsx(content);
        if (cells.isEmpty()) {
            throw DomainException.invalid("wrong-table-header", "文件是空的，没有找到目录表的两行表头（序号、公开事项……公开层级）。");
        }
        // the header starts on the first row, or on the second below a title row
        int headerAt = cells.size() > 1 && headerMismatch(cells.get(0), HEADER_1) != null
                && headerMismatch(cells.get(1), HEADER_1) == null ? 1 : 0;
        String mismatch = headerMismatch(cells.get(headerAt), HEADER_1);
        if (mismatch == null && cells.size() < headerAt + 2) {
            mismatch = "缺少第二行表头（一级事项、二级事项……县级、乡级）";
        } else if (mismatch == null) {
            mismatch = headerMismatch(cells.get(headerAt + 1), HEADER_2);
        }
        if (mismatch != null) {
            throw DomainException.invalid("wrong-table-header", "表头与标准目录表不一致：" + mismatch
                    + "。标准表头为：" + String.join("｜", HEADER_1) + " / " + String.join("｜", HEADER_2) + "。");
        }
        List<TableRow> rows = new ArrayList<>();
        String level1 = "";
        for (int r = headerAt + 2; r < cells.size(); r++) {
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

    /** The first header cell that differs from the official one, described for a person; null when all match. */
    private static String headerMismatch(String[] actual, String[] expected) {
        for (int c = 0; c < expected.length; c++) {
            String a = c < actual.length && actual[c] != null ? actual[c].strip() : "";
            if (!a.equals(expected[c])) {
                return "第" + (c + 1) + "列应为“" + expected[c] + "”，实际为“" + a + "”";
            }
        }
        return null;
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
            throw DomainException.invalid("unreadable-file", "文件不是可读取的 XLSX 工作簿。");
        }
    }

    /**
     * RFC 4180 CSV (Commons CSV). UTF-8, with or without BOM, or GB18030 — what Chinese Excel and WPS save as
     * “CSV（逗号分隔）”: a file that is not valid UTF-8 is read as GB18030.
     */
    static List<String[]> readCsv(byte[] content) {
        String text = decode(content);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        try (CSVParser parser = CSVParser.parse(text, CSVFormat.RFC4180)) {
            List<String[]> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                rows.add(record.values());
            }
            return rows;
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw DomainException.invalid("unreadable-file", "CSV 文件格式有误（引号未闭合或分隔不正确），无法读取。");
        }
    }

    static String decode(byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(content, Charset.forName("GB18030"));
        }
    }
}
