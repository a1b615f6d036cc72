package org.gongkai.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import tools.jackson.databind.JsonNode;

/**
 * The foundation's end-to-end flow against the real running suite: real Keycloak tokens, RabbitMQ, the MongoDB
 * wire server and all five apps, entered only through the gateway.
 */
@ExtendWith(RunningSuite.class)
class DisclosureFlowSystemTest {

    @Test
    void sectionDraftsOfficeApprovesDocumentIsPublishedAndReportingCountsIt() throws Exception {
        String safety1 = Suite.token("safety1");
        String office = Suite.token("office");
        String relief1 = Suite.token("relief1");

        // publication-service knows the catalogue only from catalogue-service's event: drafting on WS-03 works once it has
        String number = "县应急〔2026〕" + UUID.randomUUID().toString().substring(0, 6) + "号";
        Map<String, Object> draft = Map.of(
                "documentNumber", number, "title", "关于开展危险化学品安全专项整治的通知", "body", "各乡镇：现就危险化学品专项整治通知如下。",
                "catalogueItemCode", "WS-03", "issuedInCountyName", false, "disclosureAttribute", "PROACTIVE",
                "mayInvolveStateSecrets", false);
        await().atMost(Duration.ofSeconds(30)).until(() -> Suite.call(safety1, "POST", "/api/documents", draft).status() != 422);
        String id = null;
        for (JsonNode d : Suite.all(safety1, "/api/documents")) {
            if (d.get("documentNumber").asString().equals(number)) {
                id = d.get("id").asString();
            }
        }
        assertThat(id).isNotNull();
        String documentPath = "/api/documents/" + id;

        // another section can neither see nor change the draft
        assertThat(Suite.call(relief1, "GET", documentPath, null).status()).isEqualTo(404);
        assertThat(Suite.call(relief1, "POST", documentPath + "/submission", null).status()).isIn(403, 404);
        assertThat(Suite.call(null, "GET", documentPath, null).status()).isEqualTo(401);

        assertThat(Suite.call(safety1, "POST", documentPath + "/submission", null).status()).isEqualTo(200);
        assertThat(Suite.call(office, "POST", documentPath + "/reviews", Map.of("decision", "APPROVE", "responsibleHead", "王局长")).status()).isEqualTo(200);
        Suite.Response issued = Suite.call(safety1, "POST", documentPath + "/issuance", Map.of());
        assertThat(issued.json().get("markingLine").asString()).isEqualTo("此件公开发布");
        String correlationId = "system-test-" + UUID.randomUUID();
        Suite.Response published = Suite.call(office, "POST", documentPath + "/publication", Map.of(),
                Map.of("X-Correlation-Id", correlationId));
        assertThat(published.status()).isEqualTo(200);
        assertThat(published.raw().headers().firstValue("X-Correlation-Id")).contains(correlationId);

        // anyone reads it without a token
        Suite.Response publicView = Suite.call(null, "GET", "/api/public/documents/" + id, null);
        assertThat(publicView.status()).isEqualTo(200);
        assertThat(publicView.json().get("title").asString()).isEqualTo("关于开展危险化学品安全专项整治的通知");
        assertThat(Suite.call(null, "DELETE", "/api/public/documents/" + id, null).status()).isEqualTo(405);

        // reporting learned it from events only, for the drafting section
        String period = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear()
                + (LocalDate.now(ZoneId.of("Asia/Shanghai")).getMonthValue() <= 6 ? "-H1" : "-H2");
        // events cross two services and the broker on a busy 2-core machine: generous, like the other waits here
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode figures = Suite.call(safety1, "GET", "/api/reporting/sections/safety-coordination/figures?period=" + period, null).json();
            assertThat(figures.get("documentsPublished").asLong()).isGreaterThanOrEqualTo(1);
            assertThat(figures.get("publishedOnTime").asLong()).isGreaterThanOrEqualTo(1);
        });
        assertThat(Suite.call(relief1, "GET", "/api/reporting/sections/safety-coordination/figures?period=" + period, null).status())
                .isEqualTo(403);

        // the gateway's correlation id travelled with the event into reporting's log
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Files.readString(Suite.home().resolve("logs/reporting-service.log")).contains(correlationId));
    }

    /** The defect found through the gateway: a confirmed state secret made proactive by the office alone, then published. */
    @Test
    void aConfirmedStateSecretMadeProactiveInTheAnnualReviewIsRefusedPublicationUntilTheOfficerClearsIt() throws Exception {
        String safety1 = Suite.token("safety1");
        String office = Suite.token("office");
        String secrecy = Suite.token("secrecy");
        String number = "县应急〔2026〕" + UUID.randomUUID().toString().substring(0, 6) + "号";
        Map<String, Object> draft = Map.of(
                "documentNumber", number, "title", "重大危险源分布情况", "body", "内部资料",
                "catalogueItemCode", "WS-03", "disclosureAttribute", "NOT_DISCLOSED", "legalBasis", "STATE_SECRET",
                "mayInvolveStateSecrets", true);
        await().atMost(Duration.ofSeconds(30)).until(() -> Suite.call(safety1, "POST", "/api/documents", draft).status() != 422);
        String id = null;
        for (JsonNode d : Suite.all(safety1, "/api/documents")) {
            if (d.get("documentNumber").asString().equals(number)) {
                id = d.get("id").asString();
            }
        }
        assertThat(id).isNotNull();
        String documentPath = "/api/documents/" + id;
        assertThat(Suite.call(safety1, "POST", documentPath + "/submission", null).status()).isEqualTo(200);
        assertThat(Suite.call(secrecy, "POST", documentPath + "/reviews", Map.of("decision", "APPROVE", "note", "确认属于国家秘密"))
                .status()).isEqualTo(200);
        assertThat(Suite.call(office, "POST", documentPath + "/reviews", Map.of("decision", "APPROVE", "responsibleHead", "王局长"))
                .status()).isEqualTo(200);
        assertThat(Suite.call(safety1, "POST", documentPath + "/issuance", Map.of()).status()).isEqualTo(200);

        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        Suite.Response opened = Suite.call(office, "POST", "/api/attribute-reviews/" + year, null);
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String entry = "/api/attribute-reviews/" + year + "/documents/" + id;
        assertThat(Suite.call(safety1, "POST", entry + "/opinion", Map.of("opinion", "同意")).status()).isEqualTo(200);
        assertThat(Suite.call(office, "POST", entry + "/decision", Map.of("decision", "CHANGE_TO_PROACTIVE", "reason", "已无不公开理由"))
                .status()).isEqualTo(200);

        Suite.Response refused = Suite.call(office, "POST", documentPath + "/publication", Map.of());
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.body()).contains("confidentiality-clearance-required");
        assertThat(Suite.call(null, "GET", "/api/public/documents/" + id, null).status()).isEqualTo(404);
        assertThat(Suite.call(office, "POST", documentPath + "/reviews", Map.of("decision", "APPROVE", "responsibleHead", "王局长"))
                .status()).isEqualTo(403);

        assertThat(Suite.call(secrecy, "POST", documentPath + "/reviews", Map.of("decision", "APPROVE", "note", "已解密，同意公开"))
                .status()).isEqualTo(200);
        assertThat(Suite.call(office, "POST", documentPath + "/publication", Map.of()).status()).isEqualTo(200);
        assertThat(Suite.call(null, "GET", "/api/public/documents/" + id, null).status()).isEqualTo(200);
    }

    /** Chinese first: Keycloak's own login page, where every member of staff starts, speaks Chinese by default. */
    @Test
    void keycloaksLoginPageIsInChineseByDefault() throws Exception {
        java.net.http.HttpResponse<String> page = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + Suite.KEYCLOAK + "/realms/gongkai/protocol/openid-connect/auth"
                        + "?client_id=gongkai-portal&response_type=code&scope=openid&redirect_uri="
                        + "http%3A%2F%2Flocalhost%3A" + Suite.GATEWAY + "%2Fportal%2Flogin%2Foauth2%2Fcode%2Fkeycloak"
                        // the portal's client requires PKCE (S256); without a challenge Keycloak redirects with an error
                        + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256"))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("登录");
    }

    @Test
    void aSectionRefinesTheCatalogueAndPublicationServiceLearnsTheNewItemFromTheEvent() throws Exception {
        String safety1 = Suite.token("safety1");
        String office = Suite.token("office");
        int current = Suite.call(null, "GET", "/api/public/catalogues/work-safety", null).json().get("version").asInt();
        Suite.Response proposed = Suite.call(safety1, "POST", "/api/catalogues/work-safety/proposals", Map.of(
                "section", "safety-coordination", "kind", "ADD_ITEM", "level1", "重点领域信息公开", "reason", "本县危化企业较多",
                "changes", Map.of("level2", "危险化学品安全监管信息", "content", "危险化学品企业许可、检查和整改情况",
                        "timeLimit", "信息形成或变更之日起20个工作日内", "timeLimitRule", "WORKING_DAYS_AFTER_CHANGE(20)")));
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        Suite.Response approved = Suite.call(office, "POST", "/api/catalogues/proposals/" + proposed.json().get("id").asString()
                + "/decision", Map.of("approve", true, "reason", "同意"));
        String code = approved.json().get("resultingItemCode").asString();
        assertThat(Suite.call(office, "POST", "/api/catalogues/work-safety/versions/" + (current + 1) + "/publication",
                Map.of("effectiveFrom", LocalDate.now(ZoneId.of("Asia/Shanghai")).toString())).status()).isEqualTo(200);
        assertThat(Suite.call(null, "GET", "/api/public/catalogues/work-safety/items?q=危险化学品", null).body()).contains(code);

        String number = "县应急〔2026〕" + UUID.randomUUID().toString().substring(0, 6) + "号";
        await().atMost(Duration.ofSeconds(15)).until(() -> Suite.call(safety1, "POST", "/api/documents", Map.of(
                "documentNumber", number, "title", "危险化学品企业检查情况", "body", "检查情况通报",
                "catalogueItemCode", code, "disclosureAttribute", "PROACTIVE")).status() == 201);
    }

    @Test
    void aCitizenCommentsAnonymouslyThroughTheGatewayAndFindsTheAnswerWithTheReceipt() throws Exception {
        String safety1 = Suite.token("safety1");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Suite.call(safety1, "GET", "/api/consultations/catalogue-snapshots", null)
                .body().contains("work-safety"));
        Suite.Response drafted = Suite.call(safety1, "POST", "/api/consultations", Map.of("title", "某某县安全生产条例（征求意见稿）",
                "draftText", "第一条 为了加强安全生产工作……", "decisionBasis", "《中华人民共和国安全生产法》", "explanation", "起草说明",
                "catalogueItemCode", "WS-05", "channels", java.util.List.of("WEBSITE", "HEARING"), "periodStart", today.toString(),
                "periodEnd", today.plusDays(30).toString(), "commentsPublic", true));
        assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
        String id = drafted.json().get("id").asString();
        assertThat(Suite.call(safety1, "POST", "/api/consultations/" + id + "/opening", null).status()).isEqualTo(200);

        Map<String, String> retryKey = Map.of("Idempotency-Key", "sys-" + UUID.randomUUID());
        Map<String, Object> comment = Map.of("content", "建议增加对危险化学品仓储企业的夜间巡查。", "name", "张三", "contact", "13800138000");
        Suite.Response first = Suite.call(null, "POST", "/api/public/consultations/" + id + "/comments", comment, retryKey);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        String receipt = first.json().get("receipt").asString();
        Suite.Response retried = Suite.call(null, "POST", "/api/public/consultations/" + id + "/comments", comment, retryKey);
        assertThat(retried.json().get("receipt").asString()).isEqualTo(receipt);

        Suite.Response lookup = Suite.call(null, "GET", "/api/public/comments/" + receipt, null);
        assertThat(lookup.status()).isEqualTo(200);
        assertThat(lookup.body()).doesNotContain("13800138000").doesNotContain("张三");
        assertThat(Suite.call(null, "GET", "/api/public/consultations/" + id + "/comments", null).body())
                .contains("夜间巡查").doesNotContain("13800138000");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Suite.call(safety1, "GET",
                "/api/reporting/sections/safety-coordination/figures?period=" + today.getYear() + (today.getMonthValue() <= 6 ? "-H1" : "-H2"),
                null).json().get("commentsReceived").asLong()).isGreaterThanOrEqualTo(1));
    }

    @Test
    void publicRoutesAreReadOnlyAndStaffRoutesNeedAToken() throws Exception {
        assertThat(Suite.call(null, "GET", "/api/public/catalogues/work-safety", null).status()).isEqualTo(200);
        assertThat(Suite.call(null, "POST", "/api/public/catalogues/work-safety", Map.of()).status()).isEqualTo(405);
        Suite.Response anonymous = Suite.call(null, "GET", "/api/reporting/county/figures?period=2026", null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.body()).contains("urn:gongkai:problem:unauthenticated");
        assertThat(Suite.call(Suite.token("safety1"), "GET", "/api/reporting/county/figures?period=2026", null).status()).isEqualTo(403);
        assertThat(Suite.call(Suite.token("leader"), "GET", "/api/reporting/county/figures?period=2026", null).status()).isEqualTo(200);
        assertThat(Suite.call(null, "GET", "/api/documents", null, Map.of("Authorization", "Bearer not-a-token")).status()).isEqualTo(401);
        // one OpenAPI entry point for all services, and the Swagger UI listing them
        assertThat(Suite.call(null, "GET", "/v3/api-docs/swagger-config", null).body()).contains("/v3/api-docs/publication");
        for (String service : java.util.List.of("catalogue", "publication", "consultation", "reporting")) {
            Suite.Response docs = Suite.call(null, "GET", "/v3/api-docs/" + service, null);
            assertThat(docs.status()).as(service).isEqualTo(200);
            assertThat(docs.body()).contains("\"openapi\"", "application/problem+json");
        }
    }
}
