package org.gongkai.reporting.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.gongkai.reporting.figures.FiguresService.LeadershipReport;
import org.gongkai.reporting.figures.FiguresService.SectionEvaluation;
import org.gongkai.reporting.figures.FiguresService.TrendPoint;
import org.gongkai.reporting.figures.Indicators.Indicator;
import org.junit.jupiter.api.Test;

/** Exports a clerk can open safely: Chinese headers, and no cell a spreadsheet would run as a formula. */
class FiguresExportTest {

    @Test
    void textCellsThatWouldRunAsFormulasAreNeutralisedButNumbersAreNot() {
        assertThat(FiguresExport.neutralised("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(FiguresExport.neutralised("+1+1")).isEqualTo("'+1+1");
        assertThat(FiguresExport.neutralised("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(FiguresExport.neutralised("-cmd")).isEqualTo("'-cmd");
        assertThat(FiguresExport.neutralised("-1.5")).isEqualTo("-1.5");
        assertThat(FiguresExport.neutralised("完成情况")).isEqualTo("完成情况");
        String csv = new String(FiguresExport.csv(List.<String[]>of(new String[] {"workDone", "=1+2"})), StandardCharsets.UTF_8);
        assertThat(csv).contains("指标,代码,数值", "workDone,workDone,'=1+2");
    }

    static final SectionFigures COUNTY = FiguresCalculator.figures(null, FiguresCalculatorTest.FIRST_HALF_2026,
            FiguresCalculatorTest.FACTS, FiguresCalculatorTest.AFTER_THE_PERIOD);
    static final SectionFigures RELIEF = FiguresCalculator.figures(FiguresCalculatorTest.RELIEF, FiguresCalculatorTest.FIRST_HALF_2026,
            FiguresCalculatorTest.FACTS.ofSection(FiguresCalculatorTest.RELIEF), FiguresCalculatorTest.AFTER_THE_PERIOD);
    static final LeadershipReport REPORT = new LeadershipReport("2026-H1", COUNTY,
            List.of(new Indicator("onTimePublication", 0.6667, 1.0, false)), 0.71,
            List.of(new SectionEvaluation(FiguresCalculatorTest.RELIEF, RELIEF, List.of(new Indicator("onTimePublication", 1.0, 1.0, true)), 0.93)),
            List.of(new TrendPoint("2026-H1", 0.6667, 0.5, 0.3333, 0.5, 0.71)));

    @Test
    void theLeadershipWorkbookHasTheCountyEachSectionAndTheTrendWithNumbersAsNumbers() throws IOException {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(FiguresExport.xlsx(REPORT)))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(3);
            Sheet county = workbook.getSheet("全县");
            assertThat(texts(county.getRow(0))).containsExactly("指标", "代码", "数值", "目标", "是否达标");
            assertThat(workbook.getFontAt(county.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(workbook.getFontAt(county.getRow(1).getCell(0).getCellStyle().getFontIndex()).getBold()).isFalse();
            Row issued = row(county, "documentsIssued");
            assertThat(issued.getCell(0).getStringCellValue()).isEqualTo("印发文件数");
            assertThat(issued.getCell(2).getNumericCellValue()).isEqualTo(6.0);
            assertThat(row(county, "issuedByAttribute.PROACTIVE").getCell(0).getStringCellValue()).isEqualTo("按公开属性：主动公开");
            assertThat(row(county, "section").getCell(2).getStringCellValue()).isEmpty();
            assertThat(row(county, "codeLabels.NOT_ADOPTED").getCell(2).getStringCellValue()).isEqualTo("未予采纳");
            Row indicator = row(county, "indicator.onTimePublication");
            assertThat(indicator.getCell(2).getNumericCellValue()).isEqualTo(0.6667);
            assertThat(indicator.getCell(3).getNumericCellValue()).isEqualTo(1.0);
            assertThat(indicator.getCell(4).getStringCellValue()).isEqualTo("否");
            assertThat(row(county, "score").getCell(2).getNumericCellValue()).isEqualTo(0.71);
            assertThat(county.getColumnWidth(0)).isEqualTo(30 * 256);
            assertThat(county.getColumnWidth(1)).isEqualTo(36 * 256);
            assertThat(county.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);

            Sheet relief = workbook.getSheet(FiguresCalculatorTest.RELIEF);
            assertThat(row(relief, "section").getCell(2).getStringCellValue()).isEqualTo(FiguresCalculatorTest.RELIEF);
            assertThat(row(relief, "documentsIssued").getCell(2).getNumericCellValue()).isEqualTo(1.0);
            assertThat(row(relief, "indicator.onTimePublication").getCell(4).getStringCellValue()).isEqualTo("是");
            assertThat(row(relief, "score").getCell(2).getNumericCellValue()).isEqualTo(0.93);

            Sheet trend = workbook.getSheet("趋势");
            assertThat(texts(trend.getRow(0))).containsExactly("期间", "按时公开率", "多元化解读占比", "48小时内回应率", "意见采纳率", "综合得分");
            assertThat(trend.getRow(1).getCell(0).getStringCellValue()).isEqualTo("2026-H1");
            assertThat(trend.getRow(1).getCell(3).getNumericCellValue()).isEqualTo(0.3333);
            assertThat(trend.getRow(1).getCell(5).getNumericCellValue()).isEqualTo(0.71);
        }
    }

    @Test
    void aSectionsFiguresExportAsOneSheetAndTheLeadershipCsvNamesEachRowsSheet() throws IOException {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(FiguresExport.xlsx(RELIEF)))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(1);
            assertThat(row(workbook.getSheet("指标"), "commentsReceived").getCell(2).getNumericCellValue()).isEqualTo(1.0);
        }

        List<String> lines = new String(FiguresExport.csv(REPORT), StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).isEqualTo("\uFEFF表,指标,代码,数值,目标,是否达标");
        assertThat(lines).contains("全县,印发文件数,documentsIssued,6", "全县,按公开属性：主动公开,issuedByAttribute.PROACTIVE,3",
                "全县,指标：按时公开率,indicator.onTimePublication,0.6667,1.0,否", "全县,综合得分,score,0.71",
                "relief,印发文件数,documentsIssued,1", "relief,综合得分,score,0.93");
        assertThat(lines).noneMatch(line -> line.startsWith("relief,指标"));
    }

    private static Row row(Sheet sheet, String code) {
        for (Row row : sheet) {
            if (code.equals(row.getCell(1).getStringCellValue())) {
                return row;
            }
        }
        throw new AssertionError("no row " + code + " in " + sheet.getSheetName());
    }

    private static List<String> texts(Row row) {
        List<String> texts = new java.util.ArrayList<>();
        row.forEach(cell -> texts.add(cell.getStringCellValue()));
        return texts;
    }
}
