package org.gongkai.catalogue.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.gongkai.catalogue.table.OfficialTable.TableRow;
import org.gongkai.catalogue.version.CatalogueItem;
import org.gongkai.catalogue.version.CatalogueVersion;
import org.gongkai.support.domain.Actor;
import org.gongkai.support.domain.DomainException;
import org.junit.jupiter.api.Test;

/** The official table layout, written as XLSX and CSV and read back; a wrong header is refused naming the column. */
class OfficialTableTest {

    static final Actor OFFICE = new Actor("o", "office", "disclosure-office", Set.of(Actor.DISCLOSURE_OFFICE));
    static final Instant NOW = Instant.parse("2026-11-29T00:00:00Z");

    static CatalogueItem item(String code, int seq, String level1, List<String> audience, List<String> method,
            List<String> level, String provenance, boolean applicable, String reason) {
        return new CatalogueItem(code, seq, level1, "二级" + seq, "内容" + seq, List.of("安全生产法", "条例"), "信息形成或变更之日起20个工作日内",
                "WORKING_DAYS_AFTER_CHANGE(20)", "应急管理部门", List.of("gov-website", "other"), audience, method, level,
                List.of("safety-coordination"), provenance, applicable, reason);
    }

    /** Two rows under 政策文件 (the second 待核实, on request, township), one under 依法行政 not applicable. */
    static CatalogueVersion version() {
        return CatalogueVersion.draft("work-safety", "应急管理领域基层政务公开标准目录", 1, List.of(
                item("WS-01", 1, "政策文件", List.of("all-society"), List.of("proactive"), List.of("county"), "verified", true, null),
                item("WS-02", 2, "政策文件", List.of("specific-groups"), List.of("on-request"), List.of("township"), "reconstructed",
                        true, null),
                item("WS-03", 3, "依法行政", List.of("all-society", "specific-groups"), List.of("proactive", "on-request"),
                        List.of("county", "township"), "partial", false, "乡级事项")), OFFICE, NOW, "seed");
    }

    @Test
    void theTitleSaysWhetherTheVersionIsADraftOrFromWhenItApplies() {
        CatalogueVersion draft = version();
        assertThat(OfficialTable.title(draft)).isEqualTo("应急管理领域基层政务公开标准目录（第1版，草稿）");

        draft.publish(LocalDate.of(2027, 1, 1), Optional.empty(), OFFICE, NOW);
        assertThat(OfficialTable.title(draft)).isEqualTo("应急管理领域基层政务公开标准目录（第1版，2027-01-01起施行）");
    }

    @Test
    void eachItemIsOneRowWithChannelsAsAChecklistAndTicksInTheirColumns() {
        List<String[]> rows = OfficialTable.rows(version());

        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).containsExactly("1", "政策文件", "二级1", "内容1", "安全生产法\n条例", "信息形成或变更之日起20个工作日内",
                "应急管理部门", OfficialTable.channelChecklist(List.of("gov-website", "other")), "√", "", "√", "", "√", "", "");
        assertThat(rows.get(1)).startsWith("2").endsWith("", "√", "", "√", "", "√", "待核实");
        assertThat(rows.get(2)).endsWith("√", "√", "√", "√", "√", "√", "待核实\n本级不适用：乡级事项");
    }

    @Test
    void theChannelChecklistListsAllThirteenChannelsInTheOfficialOrder() {
        String cell = OfficialTable.channelChecklist(List.of("gov-website", "other"));

        assertThat(cell.split("\n")).hasSize(13).startsWith("■政府网站", "□政府公报", "□两微一端").endsWith("□精准推送", "■其他");
    }

    @Test
    void theHeaderHasTheOfficialTwoRowsAndARemarksColumn() {
        assertThat(OfficialTable.header1()).hasSize(15).startsWith("序号", "公开事项", "").endsWith("公开层级", "", "备注");
        assertThat(OfficialTable.header2()).hasSize(15).startsWith("", "一级事项", "二级事项").endsWith("县级", "乡级", "");
    }

    @Test
    void rowsAreTallEnoughForTheirFullestCell() {
        String[] oneLine = new String[15];
        assertThat(OfficialTable.heightInPoints(oneLine)).isEqualTo(19f);
        String[] content = new String[15];
        content[3] = "安".repeat(39); // 78 width units in a 40-character column (39 usable): two lines
        assertThat(OfficialTable.heightInPoints(content)).isEqualTo(34f);
        content[3] = "安".repeat(40); // one unit more: a third line
        assertThat(OfficialTable.heightInPoints(content)).isEqualTo(49f);
        String[] basis = new String[15];
        basis[4] = "一\n二\n三\n四";
        assertThat(OfficialTable.heightInPoints(basis)).isEqualTo(64f);
    }

    @Test
    void theCsvExportIsUtf8WithBomAndReadsBackRowByRow() {
        byte[] csv = OfficialTable.csv(version());

        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF应急管理领域基层政务公开标准目录（第1版，草稿）,,,");
        List<TableRow> rows = OfficialTable.read("目录.CSV", csv);
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).isEqualTo(new TableRow(4, "1", "政策文件", "二级1", "内容1", "安全生产法\n条例",
                "信息形成或变更之日起20个工作日内", "应急管理部门", OfficialTable.channelChecklist(List.of("gov-website", "other")),
                List.of("all-society", "proactive", "county")));
        assertThat(rows.get(1).ticked()).containsExactly("specific-groups", "on-request", "township");
        assertThat(rows.get(2).ticked()).containsExactly("all-society", "specific-groups", "proactive", "on-request", "county",
                "township");
    }

    @Test
    void theXlsxExportIsTheOfficialLayoutReadyToPrint() throws IOException {
        byte[] xlsx = OfficialTable.xlsx(version());

        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(workbook.getSheetName(0)).isEqualTo("应急管理领域基层政务公开标准目录");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("应急管理领域基层政务公开标准目录（第1版，草稿）");
            assertThat(sheet.getRow(1).getCell(14).getStringCellValue()).isEqualTo("备注");
            assertThat(sheet.getRow(2).getCell(8).getStringCellValue()).isEqualTo("全社会");
            assertThat(sheet.getRow(4).getCell(14).getStringCellValue()).isEqualTo("待核实");
            assertThat(sheet.getLastRowNum()).isEqualTo(5);
            assertThat(sheet.getMergedRegions()).containsExactlyInAnyOrder(
                    new CellRangeAddress(0, 0, 0, 14),
                    new CellRangeAddress(1, 2, 0, 0), new CellRangeAddress(1, 2, 3, 3), new CellRangeAddress(1, 2, 4, 4),
                    new CellRangeAddress(1, 2, 5, 5), new CellRangeAddress(1, 2, 6, 6), new CellRangeAddress(1, 2, 7, 7),
                    new CellRangeAddress(1, 2, 14, 14),
                    new CellRangeAddress(1, 1, 1, 2), new CellRangeAddress(1, 1, 8, 9), new CellRangeAddress(1, 1, 10, 11),
                    new CellRangeAddress(1, 1, 12, 13),
                    // 政策文件 spans its two rows; 依法行政 has one row and is not merged
                    new CellRangeAddress(3, 4, 1, 1));
            assertThat(sheet.getColumnWidth(3)).isEqualTo(40 * 256);
            assertThat(sheet.getColumnWidth(14)).isEqualTo(14 * 256);
            assertThat(sheet.getRow(3).getHeightInPoints())
                    .isEqualTo(OfficialTable.heightInPoints(OfficialTable.rows(version()).get(0)));
            PrintSetup print = sheet.getPrintSetup();
            assertThat(print.getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
            assertThat(print.getLandscape()).isTrue();
            assertThat(print.getFitWidth()).isEqualTo((short) 1);
            assertThat(print.getFitHeight()).isEqualTo((short) 0);
            assertThat(sheet.getFitToPage()).isTrue();
            CellRangeAddress repeated = sheet.getRepeatingRows();
            assertThat(repeated.getFirstRow()).isEqualTo(1);
            assertThat(repeated.getLastRow()).isEqualTo(2);
        }
        assertThat(OfficialTable.read("目录.xlsx", xlsx)).extracting(TableRow::seq).containsExactly("1", "2", "3");
    }

    @Test
    void aLongTitleIsCutToTheThirtyOneCharactersASheetNameMayHave() throws IOException {
        String title = "标".repeat(40);
        CatalogueVersion version = CatalogueVersion.draft("work-safety", title, 1, List.of(item("WS-01", 1, "政策文件",
                List.of("all-society"), List.of("proactive"), List.of("county"), "verified", true, null)), OFFICE, NOW, "seed");

        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(OfficialTable.xlsx(version)))) {
            assertThat(workbook.getSheetName(0)).isEqualTo("标".repeat(31));
        }
    }

    private static final String HEADERS = "序号,公开事项,,公开内容（要素）,公开依据,公开时限,公开主体,公开渠道和载体,公开对象,,公开方式,,公开层级,\n"
            + ",一级事项,二级事项,,,,,,全社会,特定群体,主动,依申请,县级,乡级\n";

    @Test
    void aTableWithoutATitleRowIsReadAndMergedFirstLevelCellsCarryDown() {
        String csv = HEADERS
                + " 1 ,政策文件,二级1,内容,依据,时限,主体,■政府网站,√,,x,,,\n"
                + ",,,,,,,,,,,,,\n"
                + "2,,二级2,内容,依据,时限,主体,□政府网站,,√,,,,√\n";

        List<TableRow> rows = OfficialTable.read("目录.csv", csv.getBytes(StandardCharsets.UTF_8));

        assertThat(rows).extracting(TableRow::rowNumber).containsExactly(3, 5);
        assertThat(rows).extracting(TableRow::seq).containsExactly("1", "2");
        assertThat(rows).extracting(TableRow::level1).containsExactly("政策文件", "政策文件");
        assertThat(rows.get(0).ticked()).containsExactly("all-society", "?x");
        assertThat(rows.get(1).ticked()).containsExactly("specific-groups", "township");
    }

    @Test
    void aCsvSavedAsGb18030ByChineseExcelIsReadToo() {
        byte[] gb = (HEADERS + "1,政策文件,二级1,内容,依据,时限,主体,■政府网站,√,,√,,√,\n").getBytes(Charset.forName("GB18030"));

        assertThat(OfficialTable.decode(gb)).startsWith("序号,公开事项");
        assertThat(OfficialTable.read("a.csv", gb)).extracting(TableRow::level2).containsExactly("二级1");
        assertThat(OfficialTable.decode("\uFEFF序号".getBytes(StandardCharsets.UTF_8))).isEqualTo("\uFEFF序号");
    }

    @Test
    void anEmptyFileIsRefusedAsHavingNoHeader() {
        assertThatThrownBy(() -> OfficialTable.read("a.csv", new byte[0]))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.type()).isEqualTo("wrong-table-header");
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID);
                    assertThat(e.getMessage()).isEqualTo("文件是空的，没有找到目录表的两行表头（序号、公开事项……公开层级）。");
                });
    }

    @Test
    void aWrongHeaderIsRefusedNamingTheFirstColumnThatDiffers() {
        String wrongFirst = HEADERS.replaceFirst("公开事项", "事项");
        assertThatThrownBy(() -> OfficialTable.read("a.csv", wrongFirst.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.type()).isEqualTo("wrong-table-header");
                    assertThat(e.getMessage()).startsWith("表头与标准目录表不一致：第2列应为“公开事项”，实际为“事项”。标准表头为：序号｜公开事项｜｜")
                            .endsWith(" / ｜一级事项｜二级事项｜｜｜｜｜｜全社会｜特定群体｜主动｜依申请｜县级｜乡级。");
                });
        String wrongSecond = HEADERS.replace("乡级", "镇级");
        assertThatThrownBy(() -> OfficialTable.read("a.csv", wrongSecond.getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("第14列应为“乡级”，实际为“镇级”");
        String shortSecond = HEADERS.replace(",全社会,特定群体,主动,依申请,县级,乡级", "");
        assertThatThrownBy(() -> OfficialTable.read("a.csv", shortSecond.getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("第9列应为“全社会”，实际为“”");
        String headerOnly = HEADERS.substring(0, HEADERS.indexOf('\n') + 1);
        assertThatThrownBy(() -> OfficialTable.read("a.csv", headerOnly.getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("缺少第二行表头（一级事项、二级事项……县级、乡级）");
        String titleOnly = "目录标题\n";
        assertThatThrownBy(() -> OfficialTable.read("a.csv", titleOnly.getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("第1列应为“序号”，实际为“目录标题”");
    }

    @Test
    void anUnreadableFileIsRefusedAsSuch() {
        assertThatThrownBy(() -> OfficialTable.read("a.xlsx", "不是工作簿".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.type()).isEqualTo("unreadable-file");
                    assertThat(e.getMessage()).isEqualTo("文件不是可读取的 XLSX 工作簿。");
                });
        assertThatThrownBy(() -> OfficialTable.read(null, new byte[] {1, 2, 3}))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("unreadable-file"));
        assertThatThrownBy(() -> OfficialTable.read("a.csv", (HEADERS + "1,\"未闭合,\n").getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.type()).isEqualTo("unreadable-file");
                    assertThat(e.getMessage()).isEqualTo("CSV 文件格式有误（引号未闭合或分隔不正确），无法读取。");
                });
    }
}
