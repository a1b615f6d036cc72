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
        for (JsonNode d : Suite.call(safety1, "GET", "/api/documents", null).json()) {
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
        return Suite.call(Suite.token("safety1"), "GET", "/api/consultations/" + consultationId + "/comments", null).json();
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

    static String number(JsonNode value) {
        return value == null || value.isNull() ? "—" : String.format("%.1f", value.asDouble());
    }

    static String percent(JsonNode value) {
        return value == null || value.isNull() ? "—" : String.format("%.1f%%", value.asDouble() * 100);
    }
}
