package org.gongkai.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import tools.jackson.databind.JsonNode;

/**
 * The portal in a real Chromium against the running suite: the Keycloak login page, the broker and every service
 * are real; the browser only ever talks to the gateway. Each test names the need of one kind of user and saves
 * screenshots of the pages it visits (1280 px and 390 px) under {@code target/screenshots/<test>/}.
 */
@ExtendWith(RunningSuite.class)
class PortalBrowserSystemTest {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static String safetyDraftId;
    static String safetyDraftNumber;

    /** Drafting needs the catalogue in publication-service, which learns it from an event: wait for that once. */
    @BeforeAll
    static void safetyHasADraft() throws Exception {
        String safety1 = Suite.token("safety1");
        safetyDraftNumber = "县应急〔2026〕安" + UUID.randomUUID().toString().substring(0, 6) + "号";
        Map<String, Object> draft = Map.of("documentNumber", safetyDraftNumber, "title", "安全生产综合协调股内部草稿（不应被他股室看到）",
                "body", "草稿正文。", "catalogueItemCode", "WS-03", "disclosureAttribute", "PROACTIVE");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> Suite.call(safety1, "POST", "/api/documents", draft).status() == 201);
        for (JsonNode d : Suite.all(safety1, "/api/documents")) {
            if (d.get("documentNumber").asString().equals(safetyDraftNumber)) {
                safetyDraftId = d.get("id").asString();
            }
        }
        assertThat(safetyDraftId).isNotNull();
    }

    /** An open consultation drafted and opened by safety1 through the API. */
    static String openConsultation(String title) throws Exception {
        String safety1 = Suite.token("safety1");
        LocalDate today = LocalDate.now(CHINA);
        await().atMost(Duration.ofSeconds(60)).until(() -> Suite.call(safety1, "GET", "/api/consultations/catalogue-snapshots", null)
                .body().contains("work-safety"));
        Suite.Response drafted = Suite.call(safety1, "POST", "/api/consultations", Map.of("title", title,
                "draftText", "第一条 为了加强本县安全生产工作，制定本条例。\n第二条 本条例适用于本县行政区域内的生产经营单位。",
                "decisionBasis", "《中华人民共和国安全生产法》", "explanation", "为落实安全生产责任制，起草本条例。",
                "catalogueItemCode", "WS-05", "channels", List.of("WEBSITE", "HEARING"), "periodStart", today.toString(),
                "periodEnd", today.plusDays(30).toString(), "commentsPublic", false));
        assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
        String id = drafted.json().get("id").asString();
        assertThat(Suite.call(safety1, "POST", "/api/consultations/" + id + "/opening", null).status()).isEqualTo(200);
        return id;
    }

    static JsonNode staffComments(String consultationId) throws Exception {
        return Suite.call(Suite.token("safety1"), "GET", "/api/consultations/" + consultationId + "/comments?size=100", null).json().get("items");
    }

    @Test
    void aCitizenFindsAnOpenConsultationCommentsAndLooksTheReceiptUp() throws Exception {
        String title = "某某县安全生产条例（征求意见稿）" + UUID.randomUUID().toString().substring(0, 4);
        String id = openConsultation(title);
        try (Browser browser = new Browser("citizen-comment")) {
            browser.open("/");
            browser.find(By.id("open-consultations"));
            assertThat(browser.html()).contains("政府信息公开专栏", "安全生产领域基层政务公开标准目录");
            browser.shoot("home");
            browser.clickAndWait(By.linkText(title));
            assertThat(browser.text(By.id("days-left"))).isEqualTo("（剩余30天）");
            assertThat(browser.text(By.id("privacy-note"))).contains("不会公开");
            browser.type(By.id("content"), "建议增加对危险化学品仓储企业的夜间巡查。");
            browser.type(By.id("name"), "张三");
            browser.type(By.id("contact"), "13800138000");
            browser.shoot("consultation-with-comment");
            browser.clickAndWait(By.id("submit-comment"));

            String receipt = browser.text(By.id("receipt-code"));
            // the form's session cookie is out of reach of scripts and of other sites' forms
            org.openqa.selenium.Cookie session = browser.driver.manage().getCookieNamed("GONGKAI_PORTAL");
            assertThat(session).isNotNull();
            assertThat(session.isHttpOnly()).isTrue();
            assertThat(session.getSameSite()).isEqualTo("Lax");
            assertThat(receipt).matches("[A-Za-z0-9_-]{32}");
            assertThat(browser.html()).contains("您的意见已提交", "复制回执码");
            browser.shoot("receipt");
            browser.clickAndWait(By.id("lookup-link"));
            assertThat(browser.text(By.id("comment-status"))).isEqualTo("已收到，待归纳");
            assertThat(browser.html()).contains(title).doesNotContain("13800138000").doesNotContain("张三");
            browser.shoot("receipt-lookup");

            // the lookup page on its own, as a citizen comes back to it days later
            browser.open("/portal/receipts");
            browser.type(By.id("code"), receipt);
            browser.clickAndWait(By.cssSelector("form button[type=submit].button"));
            assertThat(browser.text(By.id("comment-status"))).isEqualTo("已收到，待归纳");
        }
        // stored once, with the name and contact the staff may see and the public never does
        JsonNode comments = staffComments(id);
        assertThat(comments).hasSize(1);
        assertThat(comments.get(0).get("content").asString()).isEqualTo("建议增加对危险化学品仓储企业的夜间巡查。");
        assertThat(comments.get(0).get("name").asString()).isEqualTo("张三");
        assertThat(comments.get(0).toString()).contains("13800138000");
    }

    @Test
    void aFormWithInvalidInputShowsTheChineseMessageBesideTheFieldAndStoresNothing() throws Exception {
        String title = "某某县自然灾害救助办法（征求意见稿）" + UUID.randomUUID().toString().substring(0, 4);
        String id = openConsultation(title);
        try (Browser browser = new Browser("invalid-comment")) {
            browser.open("/portal/consultations/" + id);
            browser.type(By.id("content"), "建议完善灾情报送流程。");
            browser.type(By.id("contact"), "12345");
            browser.clickAndWait(By.id("submit-comment"));
            // the service refused the contact; the portal says so in Chinese beside that field, keeping what was typed
            assertThat(browser.text(By.id("contact-error"))).startsWith("联系方式格式不正确");
            assertThat(browser.text(By.id("error-summary"))).contains("提交未成功", "联系方式格式不正确");
            assertThat(browser.find(By.id("contact")).getDomProperty("value")).isEqualTo("12345");
            assertThat(browser.find(By.id("content")).getDomProperty("value")).isEqualTo("建议完善灾情报送流程。");
            browser.shoot("invalid-contact");

            browser.type(By.id("content"), " ");
            browser.type(By.id("contact"), "");
            browser.clickAndWait(By.id("submit-comment"));
            assertThat(browser.text(By.id("content-error"))).isEqualTo("请填写意见内容。");
            browser.shoot("empty-content");

            browser.open("/portal/deadline?start=2026-02-30&workingDays=20");
            assertThat(browser.text(By.id("start-error"))).contains("起算日期");
            browser.shoot("deadline-invalid-date");
            browser.open("/portal/deadline?start=2026-09-30&workingDays=20");
            assertThat(browser.text(By.id("due"))).matches("2026年\\d{1,2}月\\d{1,2}日");
            browser.shoot("deadline");
        }
        assertThat(staffComments(id)).isEmpty();
    }

    @Test
    void safety1DraftsAndSubmitsTheOfficeReviewsAndPublishesAndThePublicSeesTheMarkingLine() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String number = "县应急〔2026〕" + tag + "号";
        String title = "关于开展危险化学品安全专项整治的通知（" + tag + "）";
        try (Browser browser = new Browser("draft-review-publish")) {
            browser.logIn("safety1");
            assertThat(browser.driver.getCurrentUrl()).endsWith("/portal/staff");
            browser.shoot("workbench");
            browser.clickAndWait(By.id("new-document"));
            browser.type(By.id("documentNumber"), number);
            browser.type(By.id("title"), title);
            browser.type(By.id("body"), "各乡镇人民政府，县直有关单位：\n现就危险化学品安全专项整治有关事项通知如下。");
            new Select(browser.find(By.id("catalogueItemCode"))).selectByValue("WS-03");
            browser.find(By.id("attribute-PROACTIVE")).click();
            browser.shoot("draft-form");
            browser.clickAndWait(By.id("save-document"));
            assertThat(browser.text(By.id("document-status"))).isEqualTo("草稿");
            browser.shoot("draft");
            browser.clickAndWait(By.id("submit-document"));
            assertThat(browser.text(By.id("done"))).isEqualTo("已提交审查。");
            assertThat(browser.text(By.id("document-status"))).startsWith("审查中");
            browser.shoot("submitted");
            browser.logOut();

            browser.logIn("office");
            assertThat(browser.driver.getCurrentUrl()).endsWith("/portal/office");
            assertThat(browser.text(By.id("review-queue"))).contains(title);
            browser.shoot("review-queue");
            browser.clickAndWait(By.linkText(title));
            browser.find(By.id("decision-APPROVE")).click();
            // approving without the signing unit head is refused beside that field
            browser.clickAndWait(By.id("record-review"));
            assertThat(browser.text(By.id("responsibleHead-error"))).contains("单位负责人");
            browser.shoot("review-needs-head");
            browser.find(By.id("decision-APPROVE")).click();
            browser.type(By.id("responsibleHead"), "王局长");
            browser.clickAndWait(By.id("record-review"));
            assertThat(browser.text(By.id("document-status"))).isEqualTo("审查通过待印发");
            browser.clickAndWait(By.id("issue-document"));
            assertThat(browser.text(By.id("document-status"))).isEqualTo("已印发待公开");
            assertThat(browser.html()).contains("剩余20个工作日");
            browser.shoot("issued");
            browser.clickAndWait(By.id("publish-document"));
            assertThat(browser.text(By.id("document-status"))).isEqualTo("已公开");
            browser.shoot("published");
            browser.logOut();

            browser.open("/portal/documents");
            browser.type(By.id("q"), number);
            browser.clickAndWait(By.cssSelector("form[role=search] button"));
            browser.shoot("document-search");
            browser.clickAndWait(By.linkText(title));
            assertThat(browser.text(By.id("marking-line"))).isEqualTo("（此件公开发布）");
            assertThat(browser.html()).contains(number, LocalDate.now(CHINA).getYear() + "年");
            browser.shoot("public-document");
        }
    }

    @Test
    void relief1SeesNoneOfSafetyCoordinationsDrafts() throws Exception {
        String relief1 = Suite.token("relief1");
        String reliefNumber = "县应急〔2026〕救" + UUID.randomUUID().toString().substring(0, 6) + "号";
        await().atMost(Duration.ofSeconds(60)).until(() -> Suite.call(relief1, "POST", "/api/documents", Map.of(
                "documentNumber", reliefNumber, "title", "关于做好冬春救助工作的通知", "body", "各乡镇：",
                "catalogueItemCode", "DR-01", "disclosureAttribute", "PROACTIVE")).status() == 201);
        try (Browser browser = new Browser("relief-isolation")) {
            browser.logIn("relief1");
            String workbench = browser.text(By.id("my-documents"));
            assertThat(workbench).contains(reliefNumber).doesNotContain(safetyDraftNumber);
            assertThat(browser.html()).doesNotContain("安全生产综合协调股内部草稿");
            browser.shoot("relief-workbench");
            // not even by address
            browser.open("/portal/staff/documents/" + safetyDraftId);
            assertThat(browser.text(By.id("problem"))).startsWith("没有找到");
            assertThat(browser.html()).doesNotContain(safetyDraftNumber);
            browser.shoot("other-sections-draft");
            // nor the office desk
            browser.open("/portal/office");
            assertThat(browser.text(By.id("problem"))).contains("无权");
        }
    }

    @Test
    void theLeaderSeesTheReportingApisFiguresAndDownloadsTheXlsx() throws Exception {
        LocalDate today = LocalDate.now(CHINA);
        String period = today.getYear() + (today.getMonthValue() <= 6 ? "-H1" : "-H2");
        try (Browser browser = new Browser("leader-dashboard")) {
            browser.logIn("leader");
            assertThat(browser.driver.getCurrentUrl()).endsWith("/portal/leadership");
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                browser.open("/portal/leadership?period=" + period);
                JsonNode report = Suite.call(Suite.token("leader"), "GET", "/api/reporting/leadership/report?period=" + period, null).json();
                assertThat(browser.text(By.id("score"))).isEqualTo(number(report.get("score")));
                assertThat(report.get("indicators")).isNotEmpty();
                for (JsonNode indicator : report.get("indicators")) {
                    assertThat(browser.text(By.cssSelector("#indicator-" + indicator.get("name").asString() + " .value")))
                            .as(indicator.get("name").asString()).isEqualTo(percent(indicator.get("value")));
                }
                assertThat(browser.text(By.id("documents-published"))).isEqualTo(report.get("county").get("documentsPublished").asString());
                assertThat(browser.text(By.id("comments-received"))).isEqualTo(report.get("county").get("commentsReceived").asString());
                for (JsonNode section : report.get("sections")) {
                    assertThat(browser.text(By.id("score-" + section.get("section").asString()))).isEqualTo(number(section.get("score")));
                }
            });
            browser.shoot("dashboard");
            browser.find(By.id("download-xlsx")).click();
            Path file = browser.downloads.resolve("leadership-" + period + ".xlsx");
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(file) && Files.size(file) > 0);
            byte[] bytes = Files.readAllBytes(file);
            assertThat(new String(bytes, 0, 2, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PK"); // an OOXML zip
            browser.waiting().until(ExpectedConditions.urlContains("/portal/leadership"));
        }
    }

    @Test
    void aCitizenAppliesOnlineKeepsTheQueryCodeAndLooksTheApplicationUp() throws Exception {
        String title = "2026年度安全生产执法检查计划（" + UUID.randomUUID().toString().substring(0, 4) + "）";
        String code;
        try (Browser browser = new Browser("citizen-application")) {
            browser.open("/");
            browser.clickAndWait(By.linkText("依申请公开"));
            browser.shoot("application-form");
            // nothing filled in: every gap is named beside its field, in Chinese
            browser.clickAndWait(By.id("submit-application"));
            assertThat(browser.text(By.id("name-error"))).isEqualTo("请填写申请人姓名或名称。");
            assertThat(browser.text(By.id("title-error"))).startsWith("请写明所需政府信息的名称");
            browser.shoot("application-form-errors");

            browser.find(By.id("applicantType-NATURAL_PERSON")).click();
            browser.type(By.id("name"), "王五");
            browser.type(By.id("identityDocument"), "居民身份证 140100199001011234");
            browser.type(By.id("phone"), "13900139000");
            browser.type(By.id("title-input"), title);
            browser.find(By.id("medium-ELECTRONIC")).click();
            browser.find(By.id("delivery-ONLINE")).click();
            browser.shoot("application-form-filled");
            browser.clickAndWait(By.id("submit-application"));

            code = browser.text(By.id("query-code"));
            assertThat(code).matches("[A-Za-z0-9_-]{32}");
            assertThat(browser.html()).contains("您的申请已提交", "复制查询码");
            browser.shoot("query-code");
            browser.clickAndWait(By.id("application-lookup-link"));
            assertThat(browser.text(By.id("application-state"))).isEqualTo("待确认收到");
            assertThat(browser.text(By.id("received-on"))).isEqualTo("待工作人员与您确认");
            assertThat(browser.html()).doesNotContain("王五", "13900139000", "140100199001011234");
            browser.shoot("application-lookup");

            // coming back later with the code alone
            browser.open("/portal/on-request/lookup");
            browser.type(By.id("code"), code);
            browser.clickAndWait(By.id("lookup-application"));
            assertThat(browser.text(By.id("application-state"))).isEqualTo("待确认收到");
            // a code one character off (never the code itself: a code may start with any letter, "x" too)
            browser.type(By.id("code"), (code.startsWith("x") ? "y" : "x") + code.substring(1));
            browser.clickAndWait(By.id("lookup-application"));
            assertThat(browser.text(By.id("code-error"))).isEqualTo("没有找到该查询码对应的申请，请核对后重新输入。");
        }
        // filed once, with the personal data the office sees and the public never does
        JsonNode application = officeApplication(code);
        assertThat(application.get("applicant").get("name").asString()).isEqualTo("王五");
        assertThat(application.get("sought").get("title").asString()).isEqualTo(title);
        assertThat(application.get("channel").asString()).isEqualTo("ONLINE");
    }

    /** The office's view of the application with this query code. */
    static JsonNode officeApplication(String queryCode) throws Exception {
        JsonNode page = Suite.call(Suite.token("office"), "GET", "/api/applications?page=0&size=100", null).json();
        for (JsonNode a : page.get("items")) {
            if (a.get("queryCode").asString().equals(queryCode)) {
                return a;
            }
        }
        throw new AssertionError("no application with query code " + queryCode);
    }

    @Test
    void theOfficeConfirmsRoutesAndAnswersAnApplicationAndTheApplicantSeesTheReply() throws Exception {
        String title = "某某化工企业2025年安全评价报告（" + UUID.randomUUID().toString().substring(0, 4) + "）";
        Suite.Response submitted = Suite.call(null, "POST", "/api/public/applications", Map.of("applicantType", "COMMERCIAL_ENTERPRISE",
                "name", "某某咨询有限公司", "identityDocument", "统一社会信用代码 91140100MA0000000X", "email", "info@example.cn",
                "title", title, "medium", "ELECTRONIC", "delivery", "EMAIL"), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        String code = submitted.json().get("queryCode").asString();
        String id = officeApplication(code).get("id").asString();
        try (Browser browser = new Browser("office-application-desk")) {
            browser.logIn("office");
            browser.clickAndWait(By.id("office-applications-link"));
            assertThat(browser.text(By.id("application-list"))).contains(title, "商业企业", "待确认收到");
            browser.shoot("application-desk");
            browser.clickAndWait(By.linkText(title));
            browser.shoot("application-awaiting-receipt");
            // the receipt is confirmed by the section that holds the information: routed first
            browser.clickAndWait(By.id("confirm-receipt"));
            assertThat(browser.text(By.id("failed"))).contains("分办");
            new Select(browser.find(By.id("route-section"))).selectByValue("safety-coordination");
            browser.clickAndWait(By.id("route"));
            assertThat(browser.text(By.id("application-section"))).isEqualTo("安全生产综合协调股");
            browser.clickAndWait(By.id("confirm-receipt"));
            assertThat(browser.text(By.id("done"))).isEqualTo("已确认收到申请日期，答复期限自该日起计算。");
            assertThat(browser.text(By.id("application-state"))).isEqualTo("办理中");
            assertThat(browser.text(By.id("due-on"))).contains("剩余20个工作日");
            browser.shoot("application-in-progress");

            browser.open("/portal/office/applications?view=board");
            assertThat(browser.text(By.id("application-board"))).contains(title, "剩余20个工作日");
            browser.shoot("deadline-board");
            browser.open("/portal/office/applications/" + id);

            // a refusal without its legal basis is the service's to refuse, in its own words
            new Select(browser.find(By.id("reply-choice"))).selectByValue("CANNOT_PROVIDE/NOT_HELD");
            browser.type(By.id("reply-text"), "经检索，本机关未制作或获取该企业的安全评价报告。");
            browser.clickAndWait(By.id("answer"));
            assertThat(browser.text(By.id("failed"))).contains("法律依据");
            browser.shoot("reply-needs-legal-basis");
            new Select(browser.find(By.id("reply-choice"))).selectByValue("CANNOT_PROVIDE/NOT_HELD");
            browser.type(By.id("reply-legalBasis"), "《中华人民共和国政府信息公开条例》第三十六条第（四）项");
            browser.type(By.id("reply-text"), "经检索，本机关未制作或获取该企业的安全评价报告。");
            browser.clickAndWait(By.id("answer"));
            assertThat(browser.text(By.id("done"))).isEqualTo("已答复申请。");
            assertThat(browser.text(By.id("application-state"))).isEqualTo("已答复");
            assertThat(browser.text(By.id("reply-outcome"))).isEqualTo("无法提供——本机关不掌握相关政府信息");
            browser.shoot("answered");
            browser.logOut();

            browser.open("/portal/on-request/lookup?code=" + code);
            assertThat(browser.text(By.id("application-state"))).isEqualTo("已答复");
            assertThat(browser.text(By.id("reply-outcome"))).isEqualTo("无法提供——本机关不掌握相关政府信息");
            assertThat(browser.html()).contains("第三十六条第（四）项").doesNotContain("某某咨询有限公司", "info@example.cn");
            browser.shoot("applicant-sees-reply");
        }
    }

    static String number(JsonNode value) {
        return value == null || value.isNull() ? "—" : String.format("%.1f", value.asDouble());
    }

    static String percent(JsonNode value) {
        return value == null || value.isNull() ? "—" : String.format("%.1f%%", value.asDouble() * 100);
    }
}
