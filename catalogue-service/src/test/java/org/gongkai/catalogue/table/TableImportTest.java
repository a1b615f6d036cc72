package org.gongkai.catalogue.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gongkai.catalogue.table.OfficialTable.TableRow;
import org.gongkai.catalogue.table.TableImport.Outcome;
import org.gongkai.catalogue.table.TableImport.Result;
import org.gongkai.catalogue.table.TableImport.RowResult;
import org.gongkai.catalogue.version.CatalogueItem;
import org.gongkai.catalogue.version.CatalogueVersion;
import org.junit.jupiter.api.Test;

/** An uploaded table is read against the version in force: every row checked, nothing imported if one fails. */
class TableImportTest {

    /** A wording the office has mapped to a rule: rows not in the version in force need one. */
    private static final String KNOWN_WORDING = "按进展情况及时公开";
    private static final String CHECKLIST = OfficialTable.channelChecklist(List.of("gov-website", "other"));

    private final CatalogueVersion current = published();

    private static CatalogueVersion published() {
        CatalogueVersion version = OfficialTableTest.version();
        version.publish(LocalDate.of(2027, 1, 1), Optional.empty(), OfficialTableTest.OFFICE, OfficialTableTest.NOW);
        return version;
    }

    /** The rows exactly as the export of the version in force reads back. */
    private List<TableRow> exported() {
        return OfficialTable.read("目录.csv", OfficialTable.csv(current));
    }

    private static TableRow row(int rowNumber, String seq, String level1, String timeLimit, String channels, List<String> ticked) {
        return new TableRow(rowNumber, seq, level1, "新事项", "新内容", "依据一\n依据二", timeLimit, "应急管理部门", channels, ticked);
    }

    private static Result interpret(CatalogueVersion current, TableRow... rows) {
        return TableImport.interpret(List.of(rows), current, Map.of("按进展情况及时公开", "ON_PROGRESS"));
    }

    @Test
    void theExportOfTheVersionInForceImportsUnchanged() {
        Result result = TableImport.interpret(exported(), current, Map.of());

        assertThat(result.accepted()).isTrue();
        assertThat(result.rows()).extracting(RowResult::code).containsExactly("WS-01", "WS-02", "WS-03");
        assertThat(result.rows()).extracting(RowResult::outcome).containsOnly(Outcome.UNCHANGED);
        assertThat(result.rows()).extracting(RowResult::outcomeLabel).containsOnly("未变化");
        // sections, applicability and provenance carry over by 序号
        assertThat(result.items()).isEqualTo(current.items());
    }

    @Test
    void anEditedRowIsChangedAndKeepsItsProvenanceSectionsAndApplicability() {
        TableRow first = exported().get(2);
        TableRow edited = new TableRow(first.rowNumber(), first.seq(), first.level1(), first.level2(), "改写的内容",
                first.basis(), first.timeLimit(), first.body(), first.channels(), first.ticked());

        Result result = interpret(current, edited);

        assertThat(result.rows()).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.CHANGED);
            assertThat(r.outcomeLabel()).isEqualTo("已修改");
            assertThat(r.problems()).isEmpty();
        });
        CatalogueItem item = result.items().get(0);
        assertThat(item.content()).isEqualTo("改写的内容");
        assertThat(item.provenance()).isEqualTo("partial");
        assertThat(item.sections()).containsExactly("safety-coordination");
        assertThat(item.applicable()).isFalse();
        assertThat(item.notApplicableReason()).isEqualTo("乡级事项");
    }

    @Test
    void aNewSequenceNumberAddsAnItemWithTheCatalogueCodeAndAKnownWording() {
        Result result = interpret(current, row(4, "7", "依法行政", "按进展情况及时公开", CHECKLIST, List.of("all-society", "proactive", "county")));

        assertThat(result.accepted()).isTrue();
        assertThat(result.rows()).containsExactly(new RowResult(4, "7", "WS-07", Outcome.ADDED, List.of()));
        assertThat(result.rows().get(0).outcomeLabel()).isEqualTo("新增");
        CatalogueItem added = result.items().get(0);
        assertThat(added.code()).isEqualTo("WS-07");
        assertThat(added.seq()).isEqualTo(7);
        assertThat(added.timeLimitRule()).isEqualTo("ON_PROGRESS");
        assertThat(added.basis()).containsExactly("依据一", "依据二");
        assertThat(added.channels()).containsExactly("gov-website", "other");
        assertThat(added.audience()).containsExactly("all-society");
        assertThat(added.method()).containsExactly("proactive");
        assertThat(added.level()).containsExactly("county");
        assertThat(added.sections()).isEmpty();
        assertThat(added.provenance()).isEqualTo("office-import");
        assertThat(added.applicable()).isTrue();
    }

    @Test
    void anEmptyBasisIsNoBasisAndAnExistingRowWithANewWordingTakesTheWordingsRule() {
        TableRow first = exported().get(0);
        TableRow reworded = new TableRow(first.rowNumber(), first.seq(), first.level1(), first.level2(), first.content(), " ",
                "按进展情况及时公开", first.body(), first.channels(), first.ticked());

        CatalogueItem item = interpret(current, reworded).items().get(0);

        assertThat(item.basis()).isEmpty();
        assertThat(item.timeLimitRule()).isEqualTo("ON_PROGRESS");
    }

    @Test
    void everyProblemOfARowIsReportedInChinese() {
        Result result = interpret(current,
                row(4, "abc", "不存在", "尽快", "政府网站\n■不存在的渠道\n□政府公报", List.of("all-society", "?x")));

        assertThat(result.accepted()).isFalse();
        assertThat(result.items()).isEmpty();
        RowResult rejected = result.rows().get(0);
        assertThat(rejected.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(rejected.outcomeLabel()).isEqualTo("未通过");
        assertThat(rejected.code()).isNull();
        assertThat(rejected.problems()).containsExactly(
                "序号“abc”不是正整数",
                "一级事项“不存在”不在目录中，可选：政策文件、依法行政",
                "公开时限“尽快”的写法无法识别，系统不作猜测",
                "公开渠道“政府网站”前缺少 ■ 或 □ 标记",
                "公开渠道“不存在的渠道”不在渠道目录中",
                "标记“x”不是 √");
    }

    @Test
    void aSequenceNumberMustBeBetweenOneAnd999AndAppearOnce() {
        List<String> ticks = List.of("all-society", "proactive", "county");
        Result result = interpret(current,
                row(4, "0", "政策文件", KNOWN_WORDING, CHECKLIST, ticks),
                row(5, "1000", "政策文件", KNOWN_WORDING, CHECKLIST, ticks),
                row(6, "999", "政策文件", KNOWN_WORDING, CHECKLIST, ticks),
                row(7, "999", "政策文件", KNOWN_WORDING, CHECKLIST, ticks));

        assertThat(result.rows()).extracting(RowResult::outcome)
                .containsExactly(Outcome.REJECTED, Outcome.REJECTED, Outcome.ADDED, Outcome.REJECTED);
        assertThat(result.rows().get(0).problems()).containsExactly("序号“0”不是正整数");
        assertThat(result.rows().get(1).problems()).containsExactly("序号“1000”不是正整数");
        assertThat(result.rows().get(2).code()).isEqualTo("WS-999");
        assertThat(result.rows().get(3).problems()).containsExactly("序号 999 重复出现");
        assertThat(result.rows().get(3).code()).isEqualTo("WS-999");
        assertThat(result.accepted()).isFalse();
    }

    @Test
    void aRowTheItemItselfRefusesIsRejectedWithTheItemsMessage() {
        Result result = interpret(current, row(4, "8", "政策文件", "按进展情况及时公开", CHECKLIST, List.of("proactive", "county")));

        assertThat(result.rows()).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.REJECTED);
            assertThat(r.code()).isEqualTo("WS-08");
            assertThat(r.problems()).singleElement().asString().startsWith("事项 WS-08 的公开对象取值 [] 无效");
        });
        assertThat(result.items()).isEmpty();
    }

    @Test
    void anEmptyTableIsNotAccepted() {
        assertThat(interpret(current).accepted()).isFalse();
    }
}
