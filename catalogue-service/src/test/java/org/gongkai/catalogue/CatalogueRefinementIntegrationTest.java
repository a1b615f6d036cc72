package org.gongkai.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongkai.testsupport.TestHttp.call;
import static org.gongkai.testsupport.TestHttp.download;
import static org.gongkai.testsupport.TestHttp.upload;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.gongkai.catalogue.version.CatalogueVersion;
import org.gongkai.catalogue.version.CatalogueVersionRepository;
import org.gongkai.testsupport.ServiceIntegrationTest;
import org.gongkai.testsupport.TestEvents;
import org.gongkai.testsupport.TestHttp.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Sections refine, the office decides, versions are published, compared, exported and imported. */
@ServiceIntegrationTest
class CatalogueRefinementIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestEvents events;
    @Autowired
    CatalogueVersionRepository versions;

    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void noOpenDraft() {
        versions.findAll().stream().filter(v -> v.status() == CatalogueVersion.Status.DRAFT).forEach(versions::delete);
    }

    @Test
    void approvedProposalGoesIntoTheNextVersionWhichIsPublishedComparedAndAnnounced() {
        int before = current("work-safety").get("version").asInt();
        Response proposed = call(port, "safety1", "POST", "/api/catalogues/work-safety/proposals", addItem("safety-coordination", "重点领域信息公开"));
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        String id = json.readTree(proposed.body()).get("id").asString();

        assertThat(call(port, "relief1", "GET", "/api/catalogues/proposals/" + id, null).status()).isEqualTo(404);
        assertThat(call(port, "safety1", "POST", "/api/catalogues/proposals/" + id + "/decision", Map.of("approve", true)).status()).isEqualTo(403);
        Response approved = call(port, "office", "POST", "/api/catalogues/proposals/" + id + "/decision",
                Map.of("approve", true, "reason", "符合本县实际"));
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        JsonNode proposal = json.readTree(approved.body());
        assertThat(proposal.get("status").asString()).isEqualTo("APPROVED");
        assertThat(proposal.get("statusLabel").asString()).isEqualTo("已批准");
        assertThat(proposal.get("kind").asString()).isEqualTo("ADD_ITEM");
        assertThat(proposal.get("kindLabel").asString()).isEqualTo("新增事项");
        assertThat(proposal.get("sectionLabel").asString()).isEqualTo("安全生产综合协调股");
        assertThat(proposal.get("audit").toString()).contains("office", "符合本县实际");
        String newCode = proposal.get("resultingItemCode").asString();

        Response again = call(port, "office", "POST", "/api/catalogues/proposals/" + id + "/decision", Map.of("approve", false, "reason", "x"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("proposal-already-decided", "该修订建议已有决定（已批准）");

        Response published = call(port, "office", "POST", "/api/catalogues/work-safety/versions/" + (before + 1) + "/publication",
                Map.of("effectiveFrom", "2026-12-01"));
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(call(port, "office", "POST", "/api/catalogues/work-safety/versions/" + (before + 1) + "/publication",
                Map.of("effectiveFrom", "2026-12-01")).body()).contains("version-already-published");

        JsonNode now = current("work-safety");
        assertThat(now.get("version").asInt()).isEqualTo(before + 1);
        assertThat(call(port, null, "GET", "/api/public/catalogues/work-safety/items?q=危险化学品", null).body()).contains(newCode);
        assertThat(call(port, null, "GET", "/api/public/catalogues/work-safety/versions/" + before, null).status()).isEqualTo(200);

        JsonNode diff = json.readTree(call(port, null, "GET", "/api/public/catalogues/work-safety/diff?from=" + before + "&to=" + (before + 1), null).body());
        assertThat(diff.get("added").size()).isEqualTo(1);
        assertThat(diff.get("added").get(0).get("code").asString()).isEqualTo(newCode);
        assertThat(diff.get("removed").size()).isZero();

        TestEvents.Received event = events.awaitType("gongkai.catalogue.version-published.v1",
                r -> r.json().get("version").asInt() == before + 1 && r.json().get("catalogue").asString().equals("work-safety"));
        assertThat(event.json().get("items").toString()).contains(newCode, "WORKING_DAYS_AFTER_CHANGE(20)");
        TestEvents.assertMatchesFixture(event);
    }

    @Test
    void refinementsAreComparedFieldByField() {
        int before = current("disaster-relief").get("version").asInt();
        Map<String, Object> refine = new HashMap<>(Map.of("section", "disaster-relief", "kind", "REFINE_ITEM", "itemCode", "DR-01",
                "reason", "补充本县法规", "changes", Map.of("content", "与救灾有关的法律、法规及本县实施办法")));
        String id = json.readTree(call(port, "relief1", "POST", "/api/catalogues/disaster-relief/proposals", refine).body()).get("id").asString();
        assertThat(call(port, "office", "POST", "/api/catalogues/proposals/" + id + "/decision", Map.of("approve", true)).body())
                .contains("reason-required");
        call(port, "office", "POST", "/api/catalogues/proposals/" + id + "/decision", Map.of("approve", true, "reason", "补充有据"));
        assertThat(call(port, "office", "DELETE", "/api/catalogues/disaster-relief/draft", null).body()).contains("draft-has-approved-changes");
        assertThat(call(port, "office", "POST", "/api/catalogues/disaster-relief/versions/" + (before + 1) + "/publication",
                Map.of("effectiveFrom", "2027-01-01")).status()).isEqualTo(200);
        JsonNode diff = json.readTree(call(port, null, "GET", "/api/public/catalogues/disaster-relief/diff?from=" + before + "&to=" + (before + 1), null).body());
        assertThat(diff.get("changed").toString()).contains("\"code\":\"DR-01\"", "\"field\":\"content\"", "本县实施办法");
        assertThat(diff.get("added").size()).isZero();
    }

    @Test
    void badProposalsAreClearClientErrorsAndStoreNothing() {
        Response otherSection = call(port, "safety1", "POST", "/api/catalogues/work-safety/proposals", addItem("disaster-relief", "重点领域信息公开"));
        assertThat(otherSection.status()).isEqualTo(403);
        assertThat(otherSection.body()).contains("proposal-for-another-section");

        Response unknownLevel1 = call(port, "safety1", "POST", "/api/catalogues/work-safety/proposals", addItem("safety-coordination", "渔业管理"));
        assertThat(unknownLevel1.status()).isEqualTo(422);
        assertThat(unknownLevel1.body()).contains("unknown-first-level-item");

        Map<String, Object> badRule = addItem("safety-coordination", "公共服务");
        ((Map<String, Object>) badRule.get("changes")).put("timeLimitRule", "尽快");
        Response rule = call(port, "safety1", "POST", "/api/catalogues/work-safety/proposals", badRule);
        assertThat(rule.status()).isEqualTo(422);
        assertThat(rule.body()).contains("invalid-time-limit-rule");

        Response notApplicableWithoutReason = call(port, "safety1", "POST", "/api/catalogues/work-safety/proposals",
                Map.of("section", "safety-coordination", "kind", "MARK_NOT_APPLICABLE", "itemCode", "WS-05"));
        assertThat(notApplicableWithoutReason.status()).isEqualTo(422);
        Response unknownSection = call(port, "safety1", "POST", "/api/catalogues/work-safety/proposals", addItem("no-such-section", "重点领域信息公开"));
        assertThat(unknownSection.status()).isEqualTo(422);
        assertThat(unknownSection.body()).contains("unknown-section");
        assertThat(call(port, "office", "GET", "/api/catalogues/proposals?size=100", null).body()).doesNotContain("渔业管理", "尽快");
    }

    @Test
    void xlsxExportHasATitleTheOfficialTwoRowHeaderOneRowPerItemAndPrintsOnA4Landscape() throws Exception {
        JsonNode now = current("work-safety");
        byte[] xlsx = download(port, null, "/api/public/catalogues/work-safety/versions/1/export?format=xlsx");
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains("安全生产", "第1版");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("序号");
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("公开事项");
            assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).isEqualTo("一级事项");
            assertThat(sheet.getRow(2).getCell(2).getStringCellValue()).isEqualTo("二级事项");
            assertThat(sheet.getRow(1).getCell(7).getStringCellValue()).isEqualTo("公开渠道和载体");
            assertThat(sheet.getRow(2).getCell(13).getStringCellValue()).isEqualTo("乡级");
            assertThat(sheet.getRow(1).getCell(14).getStringCellValue()).isEqualTo("备注");
            assertThat(sheet.getMergedRegions()).anySatisfy(r -> assertThat(r.formatAsString()).isEqualTo("B2:C2"));
            assertThat(sheet.getLastRowNum() + 1 - 3).isEqualTo(28);
            assertThat(sheet.getRow(3).getCell(7).getStringCellValue()).startsWith("■政府网站");
            assertThat(sheet.getRow(3).getCell(8).getStringCellValue()).isEqualTo("√");
            // the seed's reconstructed rows are marked in every export until the office confirms them
            long marked = 0;
            for (int r = 3; r <= sheet.getLastRowNum(); r++) {
                marked += sheet.getRow(r).getCell(14).getStringCellValue().contains("待核实") ? 1 : 0;
                assertThat(sheet.getRow(r).getHeightInPoints()).isGreaterThan(30f);
            }
            assertThat(marked).isGreaterThan(0);
            assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
            assertThat(sheet.getPrintSetup().getPaperSize()).isEqualTo(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
            assertThat(sheet.getRepeatingRows().formatAsString()).isEqualTo("2:3");
        }
        byte[] csv = download(port, null, "/api/public/catalogues/work-safety/versions/1/export?format=csv");
        assertThat(csv[0] & 0xff).isEqualTo(0xEF);
        assertThat(new String(csv, StandardCharsets.UTF_8)).contains("序号,公开事项,,公开内容（要素）", "备注", "待核实");
        assertThat(now.get("items").size()).isGreaterThanOrEqualTo(28);
    }

    @Test
    void aReconstructedRowStaysUnverifiedWhenRefinedAndLeavesItOnlyByTheOfficesConfirmation() {
        JsonNode toConfirm = json.readTree(call(port, "office", "GET", "/api/catalogues/work-safety/rows-to-confirm", null).body()).get("items");
        String code = toConfirm.get(0).get("code").asString();
        assertThat(toConfirm.get(0).get("verificationStatus").asString()).isEqualTo("待核实");

        Map<String, Object> refine = new HashMap<>(Map.of("section", "safety-coordination", "kind", "REFINE_ITEM", "itemCode", code,
                "changes", Map.of("body", "县应急管理局"), "reason", "明确公开主体"));
        Response proposed = call(port, "safety1", "POST", "/api/catalogues/work-safety/proposals", refine);
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        assertThat(call(port, "office", "POST", "/api/catalogues/proposals/" + json.readTree(proposed.body()).get("id").asString() + "/decision",
                Map.of("approve", true, "reason", "同意")).status()).isEqualTo(200);
        JsonNode refined = item(json.readTree(call(port, "office", "GET", "/api/catalogues/work-safety/draft", null).body()), code);
        assertThat(refined.get("body").asString()).isEqualTo("县应急管理局");
        assertThat(refined.get("provenance").asString()).isIn("reconstructed", "partial");
        assertThat(refined.get("verificationStatus").asString()).isEqualTo("待核实");

        assertThat(call(port, "safety1", "POST", "/api/catalogues/work-safety/items/" + code + "/confirmation",
                Map.of("checkedAgainst", "省厅2024年标准目录")).status()).isEqualTo(403);
        assertThat(call(port, "office", "POST", "/api/catalogues/work-safety/items/" + code + "/confirmation", Map.of("checkedAgainst", " "))
                .status()).isEqualTo(400);
        Response confirmed = call(port, "office", "POST", "/api/catalogues/work-safety/items/" + code + "/confirmation",
                Map.of("checkedAgainst", "省厅2024年标准目录"));
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        JsonNode after = item(json.readTree(confirmed.body()), code);
        assertThat(after.get("provenance").asString()).isEqualTo("office-confirmed");
        assertThat(after.get("verificationStatus").asString()).isEqualTo("已核实");
        assertThat(call(port, "office", "POST", "/api/catalogues/work-safety/items/" + code + "/confirmation",
                Map.of("checkedAgainst", "再次")).status()).isEqualTo(409);
    }

    @Test
    void aGb18030CsvAsChineseExcelSavesItWithATitleRowIsImported() {
        JsonNode now = current("work-safety");
        int version = now.get("version").asInt();
        String exported = new String(download(port, null, "/api/public/catalogues/work-safety/versions/" + version + "/export?format=csv"),
                StandardCharsets.UTF_8).substring(1);
        Response imported = upload(port, "office", "/api/catalogues/work-safety/imports", "目录.csv", exported.getBytes(java.nio.charset.Charset.forName("GB18030")));
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        JsonNode draft = json.readTree(call(port, "office", "GET", "/api/catalogues/work-safety/draft", null).body());
        assertThat(draft.get("items")).isEqualTo(now.get("items"));
        assertThat(call(port, "office", "DELETE", "/api/catalogues/work-safety/draft", null).status()).isEqualTo(204);
    }

    private static JsonNode item(JsonNode version, String code) {
        for (JsonNode item : version.get("items")) {
            if (item.get("code").asString().equals(code)) {
                return item;
            }
        }
        throw new AssertionError("no item " + code);
    }

    @Test
    void exportThenImportGivesBackTheSameVersion() {
        for (String format : List.of("xlsx", "csv")) {
            JsonNode now = current("work-safety");
            int version = now.get("version").asInt();
            byte[] table = download(port, null, "/api/public/catalogues/work-safety/versions/" + version + "/export?format=" + format);
            Response imported = upload(port, "office", "/api/catalogues/work-safety/imports", "official." + format, table);
            assertThat(imported.status()).as(imported.body()).isEqualTo(201);
            assertThat(imported.body()).doesNotContain("REJECTED");
            JsonNode draft = json.readTree(call(port, "office", "GET", "/api/catalogues/work-safety/draft", null).body());
            assertThat(draft.get("version").asInt()).isEqualTo(version + 1);
            assertThat(draft.get("items")).isEqualTo(now.get("items"));
            Response unchanged = call(port, "office", "POST", "/api/catalogues/work-safety/versions/" + (version + 1) + "/publication",
                    Map.of("effectiveFrom", "2027-01-01"));
            assertThat(unchanged.status()).isEqualTo(409);
            assertThat(unchanged.body()).contains("unchanged-version");
            assertThat(call(port, "office", "DELETE", "/api/catalogues/work-safety/draft", null).status()).isEqualTo(204);
        }
    }

    @Test
    void malformedUploadIsRejectedRowByRowAndCreatesNoVersion() {
        long before = versions.count();
        String header = "序号,公开事项,,公开内容（要素）,公开依据,公开时限,公开主体,公开渠道和载体,公开对象,,公开方式,,公开层级,\r\n"
                + ",一级事项,二级事项,,,,,,全社会,特定群体,主动,依申请,县级,乡级\r\n";
        String good = "1,政策文件,法律法规,与安全生产有关的法律、法规,条例,信息形成或变更之日起20个工作日内,应急管理部门,■政府网站,√,,√,,√,\r\n";
        String unknownLevel1 = "2,渔业管理,渔船,渔船信息,条例,信息形成或变更之日起20个工作日内,应急管理部门,■政府网站,√,,√,,√,\r\n";
        String badRule = "3,政策文件,其他政策文件,政策,条例,尽快公开,应急管理部门,■政府网站,√,,√,,√,\r\n";
        String duplicate = "1,政策文件,法律法规,重复,条例,信息形成或变更之日起20个工作日内,应急管理部门,■政府网站,√,,√,,√,\r\n";
        Response rejected = upload(port, "office", "/api/catalogues/work-safety/imports", "table.csv",
                ("\uFEFF" + header + good + unknownLevel1 + badRule + duplicate).getBytes(StandardCharsets.UTF_8));
        assertThat(rejected.status()).isEqualTo(422);
        JsonNode problem = json.readTree(rejected.body());
        assertThat(problem.get("type").asString()).isEqualTo("urn:gongkai:problem:import-rejected");
        JsonNode rows = problem.get("rows");
        assertThat(rows.get(0).get("outcome").asString()).isNotEqualTo("REJECTED");
        assertThat(rows.get(1).toString()).contains("REJECTED", "一级事项“渔业管理”不在目录中");
        assertThat(rows.get(1).get("outcomeLabel").asString()).isEqualTo("未通过");
        assertThat(problem.get("detail").asString()).isEqualTo("目录表未导入：共 4 行，其中 3 行未通过检查，详见各行说明（rows）。");
        assertThat(rows.get(2).toString()).contains("REJECTED", "的写法无法识别");
        assertThat(rows.get(3).toString()).contains("REJECTED", "重复出现");

        Response wrongHeader = upload(port, "office", "/api/catalogues/work-safety/imports", "table.csv",
                ("a,b,c\r\n" + good).getBytes(StandardCharsets.UTF_8));
        assertThat(wrongHeader.status()).isEqualTo(422);
        assertThat(wrongHeader.body()).contains("wrong-table-header", "第1列应为“序号”，实际为“a”");
        assertThat(upload(port, "office", "/api/catalogues/work-safety/imports", "table.xlsx", "not a workbook".getBytes()).body())
                .contains("unreadable-file");
        assertThat(upload(port, "office", "/api/catalogues/work-safety/imports", "table.csv", header.getBytes(StandardCharsets.UTF_8)).status())
                .isEqualTo(422);
        assertThat(versions.count()).isEqualTo(before);
        assertThat(call(port, "safety1", "POST", "/api/catalogues/work-safety/versions/9/publication",
                Map.of("effectiveFrom", "2027-01-01")).status()).isEqualTo(403);
    }

    private static Map<String, Object> addItem(String section, String level1) {
        Map<String, Object> changes = new HashMap<>(Map.of("level2", "危险化学品安全监管信息",
                "content", "危险化学品企业安全许可、检查和整改情况", "basis", List.of("《危险化学品安全管理条例》"),
                "timeLimit", "信息形成或变更之日起20个工作日内", "timeLimitRule", "WORKING_DAYS_AFTER_CHANGE(20)",
                "channels", List.of("gov-website", "new-media")));
        return new HashMap<>(Map.of("section", section, "kind", "ADD_ITEM", "level1", level1, "changes", changes,
                "reason", "本县危化企业较多"));
    }

    private JsonNode current(String catalogue) {
        return json.readTree(call(port, null, "GET", "/api/public/catalogues/" + catalogue, null).body());
    }
}
