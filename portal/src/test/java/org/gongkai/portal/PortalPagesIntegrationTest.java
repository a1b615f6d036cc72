package org.gongkai.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import com.sun.net.httpserver.HttpServer;

/**
 * The public pages and the portal's own security, with a small HTTP server standing in for the services: what a
 * citizen sees (Chinese, dates, labels), the comment form's CSRF, receipt and Chinese problem messages beside the
 * field, the headers every page sends, and that staff pages send people to Keycloak with PKCE.
 */
@SpringBootTest(properties = {"gongkai.security.issuer=http://kc.test/realms/gongkai",
        "gongkai.security.jwk-set-uri=http://kc-internal.test/realms/gongkai/protocol/openid-connect/certs"})
@AutoConfigureMockMvc
class PortalPagesIntegrationTest {

    record Call(String method, String path, String body, String idempotencyKey, String forwardedFor, String authorization,
            String traceparent) {
    }

    static final List<Call> calls = new CopyOnWriteArrayList<>();
    /** path (without query) → status and JSON body the fake service answers. */
    static final Map<String, Object[]> answers = new ConcurrentHashMap<>();
    static HttpServer backend;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) throws IOException {
        backend = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        backend.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            calls.add(new Call(exchange.getRequestMethod(), path, body, exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                    exchange.getRequestHeaders().getFirst("X-Forwarded-For"), exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("traceparent")));
            String key = exchange.getRequestMethod() + " " + path;
            Object[] answer = answers.getOrDefault(key + "?" + exchange.getRequestURI().getQuery(), answers.getOrDefault(key,
                    new Object[] {404, "{\"type\":\"urn:gongkai:problem:not-found\",\"status\":404,\"detail\":\"no\"}"}));
            byte[] bytes = ((String) answer[1]).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", (int) answer[0] >= 400 ? "application/problem+json" : "application/json");
            exchange.sendResponseHeaders((int) answer[0], bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        backend.start();
        String uri = "http://127.0.0.1:" + backend.getAddress().getPort();
        for (String service : List.of("catalogue", "publication", "consultation", "reporting")) {
            registry.add("gongkai.routes." + service, () -> uri);
        }
    }

    @AfterAll
    static void stop() {
        backend.stop(0);
    }

    static final String CONSULTATION = """
            {"id":"c1","title":"某某县安全生产条例（征求意见稿）","draftText":"第一条 为了加强安全生产工作。\\n第二条 本条例适用于本县。",
             "decisionBasis":"《中华人民共和国安全生产法》","explanation":"起草说明","catalogueItemCode":"WS-05",
             "channels":["WEBSITE","HEARING"],"periodStart":"2026-11-01","periodEnd":"2099-12-01","shortPeriodReason":null,
             "acceptingComments":true,"commentsPublic":false,"status":"OPEN"}""";

    @Autowired
    MockMvc mvc;

    /** A list as a paginated route answers it (PageView): these items, page 0, and as many in all. */
    static String page(String items) {
        int total = tools.jackson.databind.json.JsonMapper.builder().build().readTree(items).size();
        return "{\"items\":" + items + ",\"page\":0,\"size\":100,\"total\":" + total + "}";
    }

    @BeforeEach
    void reset() {
        calls.clear();
        answers.clear();
        answers.put("GET /api/public/catalogues", new Object[] {200, page("""
                [{"catalogue":"work-safety","title":"安全生产","version":1,"effectiveFrom":"2026-12-01","items":28},
                 {"catalogue":"disaster-relief","title":"救灾","version":2,"effectiveFrom":"2026-06-30","items":20}]""")});
        answers.put("GET /api/public/documents", new Object[] {200, page("""
                [{"id":"d1","documentNumber":"县应急〔2026〕3号","title":"关于开展危险化学品安全专项整治的通知","body":"各乡镇：",
                  "markingLine":"此件公开发布","issuedOn":"2026-11-20","publishedOn":"2026-12-01","catalogueItemCode":"WS-03",
                  "channels":["gov-website"]}]""")});
        answers.put("GET /api/public/consultations", new Object[] {200, page("[" + CONSULTATION + "]")});
        answers.put("GET /api/public/consultations/c1", new Object[] {200, CONSULTATION});
    }

    @Test
    void thePortalsCallsToTheServicesContinueTheGatewaysTraceAndItsMetricsAreScraped() throws Exception {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        mvc.perform(get("/").header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")).andExpect(status().isOk());
        assertThat(calls).isNotEmpty().allSatisfy(call -> assertThat(call.traceparent())
                .as("traceparent of " + call.path()).matches("00-" + traceId + "-[0-9a-f]{16}-01"));
        assertThat(mvc.perform(get("/actuator/prometheus")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("http_server_requests_seconds_count");
    }

    @Test
    void theHomePageIsAChineseDisclosureColumnWithDatesAndLabelsInChinese() throws Exception {
        String html = mvc.perform(get("/")).andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("script-src 'self'"),
                        org.hamcrest.Matchers.containsString("form-action 'self' http://kc.test"))))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("lang=\"zh-CN\"", "政府信息公开专栏", "安全生产领域基层政务公开标准目录", "2026年12月1日起施行",
                "关于开展危险化学品安全专项整治的通知", "某某县安全生产条例（征求意见稿）", "依申请公开", "年度报告");
        assertThat(html).doesNotContain("2026-12-01");
    }

    @Test
    void aDocumentPageShowsItsMarkingLine() throws Exception {
        answers.put("GET /api/public/documents/d1", new Object[] {200, """
                {"id":"d1","documentNumber":"县应急〔2026〕3号","title":"关于开展危险化学品安全专项整治的通知","body":"各乡镇：\\n现通知如下。",
                 "markingLine":"此件公开发布","issuedOn":"2026-11-20","publishedOn":"2026-12-01","catalogueItemCode":"WS-03",
                 "channels":["gov-website","new-media"]}"""});
        mvc.perform(get("/portal/documents/d1")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("（此件公开发布）"),
                        org.hamcrest.Matchers.containsString("政府网站、两微一端"),
                        org.hamcrest.Matchers.containsString("2026年11月20日"))));
        mvc.perform(get("/portal/documents/nope")).andExpect(status().isNotFound())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("没有找到该事项")));
    }

    @Test
    void documentsAreFoundByTheServicesSearchWhichCoversTheirNumber() throws Exception {
        answers.put("GET /api/public/documents", new Object[] {200, page("""
                [{"id":"d1","documentNumber":"县应急〔2026〕3号","title":"危险化学品专项整治","body":"正文","markingLine":"此件公开发布",
                  "issuedOn":"2026-11-20","publishedOn":"2026-12-01","catalogueItemCode":"WS-03","channels":[]},
                 {"id":"d2","documentNumber":"县应急〔2026〕4号","title":"冬春救助","body":"正文","markingLine":"此件公开发布",
                  "issuedOn":"2026-11-21","publishedOn":"2026-11-30","catalogueItemCode":"DR-01","channels":[]}]""")});
        // the service's search covers the document number (文号) too
        answers.put("GET /api/public/documents?q=〔2026〕4号&page=0&size=100", new Object[] {200, page("""
                [{"id":"d2","documentNumber":"县应急〔2026〕4号","title":"冬春救助","body":"正文","markingLine":"此件公开发布",
                  "issuedOn":"2026-11-21","publishedOn":"2026-11-30","catalogueItemCode":"DR-01","channels":[]}]""")});
        String html = mvc.perform(get("/portal/documents").param("q", "〔2026〕4号")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("冬春救助").doesNotContain("危险化学品专项整治");
        assertThat(calls).extracting(Call::path).contains("/api/public/documents");
    }

    @Test
    void aCommentNeedsTheFormsCsrfTokenAndIsPassedOnOnceWithItsIdempotencyKey() throws Exception {
        answers.put("POST /api/public/consultations/c1/comments", new Object[] {201, """
                {"receipt":"AbCdEfGhIjKlMnOpQrStUvWxYz012345","consultationId":"c1","receivedAt":"2026-12-01T06:00:00Z",
                 "statusUrl":"/api/public/comments/AbCdEfGhIjKlMnOpQrStUvWxYz012345"}"""});
        mvc.perform(post("/portal/consultations/c1/comments").param("content", "建议增加夜间巡查"))
                .andExpect(status().isForbidden());
        assertThat(calls).noneMatch(c -> c.method().equals("POST"));

        mvc.perform(post("/portal/consultations/c1/comments").with(csrf()).header("X-Forwarded-For", "203.0.113.9")
                        .param("content", "  建议增加夜间巡查  ").param("name", "张三").param("contact", "").param("submissionKey", "k-1"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/portal/consultations/c1/receipt"))
                .andExpect(flash().attributeExists("receipt"));
        Call posted = calls.stream().filter(c -> c.method().equals("POST")).findFirst().orElseThrow();
        assertThat(posted.body()).contains("\"content\":\"建议增加夜间巡查\"", "\"name\":\"张三\"").doesNotContain("contact");
        assertThat(posted.idempotencyKey()).isEqualTo("k-1");
        assertThat(posted.forwardedFor()).isEqualTo("203.0.113.9");
    }

    @Test
    void aCommentAlwaysCarriesAnIdempotencyKeyAndTheFormShownAgainKeepsItForTheRetry() throws Exception {
        answers.put("POST /api/public/consultations/c1/comments", new Object[] {503, """
                {"type":"urn:gongkai:problem:service-unavailable","title":"服务暂不可用","status":503,"detail":"请稍后再试。"}"""});
        // a form without a usable key (an old page, a stripped or mangled field) still goes out with one
        for (String[] submitted : new String[][] {{}, {"submissionKey", ""}, {"submissionKey", "has spaces in it"}}) {
            calls.clear();
            var request = post("/portal/consultations/c1/comments").with(csrf()).param("content", "建议增加夜间巡查");
            if (submitted.length == 2) {
                request.param(submitted[0], submitted[1]);
            }
            String html = mvc.perform(request).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            Call posted = calls.stream().filter(c -> c.method().equals("POST")).findFirst().orElseThrow();
            assertThat(posted.idempotencyKey()).as("key sent for %s", java.util.Arrays.toString(submitted))
                    .isNotBlank().matches("[\\x21-\\x7e]{1,128}");
            // the page shown again carries the same key, so the citizen's retry is recognised as the same comment
            assertThat(html).contains("value=\"" + posted.idempotencyKey() + "\"");
        }
    }

    @Test
    void aServicesProblemIsShownInChineseBesideTheFieldItConcerns() throws Exception {
        answers.put("POST /api/public/consultations/c1/comments", new Object[] {422, """
                {"type":"urn:gongkai:problem:invalid-contact","title":"Unprocessable Content","status":422,
                 "detail":"The contact must be a mobile number (11 digits starting with 1), a landline or an e-mail address."}"""});
        String html = mvc.perform(post("/portal/consultations/c1/comments").with(csrf())
                        .param("content", "建议").param("contact", "12345").param("submissionKey", "k-2"))
                .andExpect(status().isUnprocessableContent())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("id=\"contact-error\"", "联系方式格式不正确", "提交未成功").doesNotContain("The contact must");
        // what the citizen typed is kept
        assertThat(html).contains("value=\"12345\"");
    }

    @Test
    void anEmptyCommentIsRefusedByThePortalWithoutCallingTheService() throws Exception {
        String html = mvc.perform(post("/portal/consultations/c1/comments").with(csrf()).param("content", "   "))
                .andExpect(status().isUnprocessableContent())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("id=\"content-error\"", "请填写意见内容。");
        assertThat(calls).noneMatch(c -> c.method().equals("POST"));
    }

    @Test
    void aReceiptLookupTellsTheStatusInChineseAndAnUnknownCodeBesideTheField() throws Exception {
        answers.put("GET /api/public/comments/AbCdEfGhIjKlMnOpQrStUvWxYz012345", new Object[] {200, """
                {"receipt":"AbCdEfGhIjKlMnOpQrStUvWxYz012345","consultationId":"c1","consultationTitle":"某某县安全生产条例（征求意见稿）",
                 "consultationStatus":"OPEN","channel":"WEBSITE","receivedAt":"2026-12-01T06:00:00Z","status":"RECEIVED",
                 "moderationReason":null,"opinion":null}"""});
        mvc.perform(get("/portal/receipts").param("code", "AbCdEfGhIjKlMnOpQrStUvWxYz012345")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("已收到，待归纳"),
                        org.hamcrest.Matchers.containsString("2026年12月1日 14:00"),
                        org.hamcrest.Matchers.containsString("政府网站"))));
        mvc.perform(get("/portal/receipts").param("code", "unknownunknown")).andExpect(status().isNotFound())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("没有找到该回执码")));
    }

    @Test
    void staffPagesSendPeopleToKeycloakWithPkce() throws Exception {
        mvc.perform(get("/portal/staff")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/portal/login"));
        String location = mvc.perform(get("/portal/oauth2/authorization/keycloak")).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getHeader("Location");
        assertThat(location).startsWith("http://kc.test/realms/gongkai/protocol/openid-connect/auth?")
                .contains("client_id=gongkai-portal", "code_challenge=", "code_challenge_method=S256",
                        "redirect_uri=http://localhost/portal/login/oauth2/code/keycloak");
    }

    static org.springframework.test.web.servlet.request.RequestPostProcessor staff(String user, String section, String role) {
        return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin()
                .idToken(t -> t.claim("preferred_username", user).claim("section", section))
                .authorities(new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_" + role));
    }

    @Test
    void aSectionDraftsAConsultationWithItsOwnTokenAndIsToldInChineseWhatIsMissing() throws Exception {
        answers.put("GET /api/public/catalogues/work-safety", new Object[] {200, """
                {"catalogue":"work-safety","title":"安全生产","version":1,"status":"PUBLISHED","effectiveFrom":"2026-12-01",
                 "items":[{"code":"WS-05","seq":5,"level1":"监管执法","level2":"行政处罚","content":"处罚结果","basis":[],
                   "timeLimit":"20个工作日","body":"县应急管理局","channels":["gov-website"],"audience":["all-society"],
                   "method":["proactive"],"level":["county"],"sections":[],"applicable":true,"notApplicableReason":null}]}"""});
        answers.put("GET /api/public/catalogues/disaster-relief", new Object[] {200, """
                {"catalogue":"disaster-relief","title":"救灾","version":1,"status":"PUBLISHED","effectiveFrom":"2026-12-01","items":[]}"""});
        String html = mvc.perform(post("/portal/staff/consultations").with(csrf()).with(staff("safety1", "safety-coordination", "section-staff"))
                        .param("title", "某某县安全生产条例（征求意见稿）").param("draftText", "第一条").param("decisionBasis", "安全生产法")
                        .param("explanation", "说明").param("catalogueItemCode", "WS-05").param("channels", "WEBSITE")
                        .param("periodStart", "2026-12-01").param("periodEnd", "2026-12-10"))
                .andExpect(status().isUnprocessableContent())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("id=\"shortPeriodReason-error\"", "征求意见期限少于30日的，须说明理由。");
        assertThat(calls).noneMatch(c -> c.method().equals("POST"));

        answers.put("POST /api/consultations", new Object[] {201, """
                {"id":"c9","section":"safety-coordination","drafter":"safety1","title":"某某县安全生产条例（征求意见稿）","draftText":"第一条",
                 "decisionBasis":"安全生产法","explanation":"说明","catalogueItemCode":"WS-05","channels":["WEBSITE"],
                 "periodStart":"2026-12-01","periodEnd":"2026-12-31","periodDays":31,"shortPeriodReason":null,"commentsPublic":false,
                 "status":"DRAFT","openedAt":null,"closedAt":null}"""});
        mvc.perform(post("/portal/staff/consultations").with(csrf()).with(staff("safety1", "safety-coordination", "section-staff"))
                        .param("title", "某某县安全生产条例（征求意见稿）").param("draftText", "第一条").param("decisionBasis", "安全生产法")
                        .param("explanation", "说明").param("catalogueItemCode", "WS-05").param("channels", "WEBSITE")
                        .param("periodStart", "2026-12-01").param("periodEnd", "2026-12-31"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/portal/staff/consultations/c9"));
        Call posted = calls.stream().filter(c -> c.method().equals("POST")).findFirst().orElseThrow();
        assertThat(posted.authorization()).startsWith("Bearer ");
        assertThat(posted.body()).contains("\"periodEnd\":\"2026-12-31\"", "\"channels\":[\"WEBSITE\"]");
    }

    static final String STAFF_DOCUMENT = """
            {"id":"d7","documentNumber":"县应急〔2026〕7号","title":"关于加强汛期安全防范的通知","body":"各乡镇：\\n现通知如下。",
             "section":"safety-coordination","drafter":"safety1","catalogueItemCode":"WS-03","issuedInCountyName":false,
             "disclosureAttribute":"PROACTIVE","legalBasis":null,"mayInvolveStateSecrets":false,
             "interpretationNeed":{"broadImpact":true,"closeToLivelihood":false,"highPublicConcern":false,"specialised":false,
               "submittedToExecutiveMeeting":false,"major":false},"requiresInterpretation":true,"attachments":[],
             "status":"IN_REVIEW","pendingReview":"DISCLOSURE_OFFICE","reviews":[],
             "interpretation":{"content":"一图读懂汛期安全防范","forms":["TEXT","INFOGRAPHIC"],"textUsesCasesDataOrQa":true,
               "elementsCovered":["MAIN_CONTENT"],"draftedBy":"safety1","draftedAt":"2026-12-01T02:00:00Z","reviewedBy":null,"reviewedAt":null},
             "coordination":null,"issuedOn":null,"markingLine":null,"publicationDueOn":null,"publicationDueOnConfirmed":false,
             "overdue":false,"publishedOn":null,"publishedChannels":[],"readingRoomTransferredOn":null,
             "audit":[{"at":"2026-12-01T02:00:00Z","subject":"s","username":"safety1","section":"safety-coordination","action":"drafted","reason":null}]}""";

    @Test
    void theSectionAndTheOfficeSeeADocumentWithItsInterpretationAndTheActionsTheirRoleAllows() throws Exception {
        answers.put("GET /api/documents/d7", new Object[] {200, STAFF_DOCUMENT});
        String staffPage = mvc.perform(get("/portal/staff/documents/d7").with(staff("safety1", "safety-coordination", "section-staff")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(staffPage).contains("审查中", "待政务公开办审查", "一图读懂汛期安全防范", "文字解读、图解", "待政务公开办审核",
                "id=\"save-interpretation\"").doesNotContain("id=\"record-review\"", "id=\"review-interpretation\"");
        String officePage = mvc.perform(get("/portal/office/documents/d7").with(staff("office", "disclosure-office", "disclosure-office")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(officePage).contains("id=\"record-review\"", "id=\"review-interpretation\"").doesNotContain("id=\"save-interpretation\"");
        assertThat(calls).allMatch(c -> c.authorization() != null && c.authorization().startsWith("Bearer "));
    }

    @Test
    void aSectionStartsWritesAndSubmitsItsReportAndTheOfficeSeesIt() throws Exception {
        mvc.perform(get("/portal/staff/reports").param("period", "2026").with(staff("safety1", "safety-coordination", "section-staff")))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"start-report\"")));
        answers.put("GET /api/reporting/sections/safety-coordination/reports/2026", new Object[] {200, """
                {"section":"safety-coordination","period":"2026","dueOn":"2027-01-10","status":"DRAFT",
                 "figures":{"documentsIssued":3,"documentsPublished":2,"publishedOnTime":2,"publishedLate":0,"stillOverdue":1,
                   "onTimePublicationRate":1.0,"interpretationsPublished":0,"nonTextInterpretationShare":null,"concernsReceived":0,
                   "responseWithin48HoursRate":null,"consultationsOpened":1,"commentsReceived":4,"adoptionRate":null},
                 "narrative":null,"submittedAt":null,"submittedLate":null,"returnReason":null,"audit":[]}"""});
        mvc.perform(get("/portal/staff/reports").param("period", "2026").with(staff("safety1", "safety-coordination", "section-staff")))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("2027年1月10日前"), org.hamcrest.Matchers.containsString("100.0%"),
                        org.hamcrest.Matchers.containsString("id=\"submit-report\""))));
        mvc.perform(post("/portal/staff/reports/2026/narrative").with(csrf()).with(staff("safety1", "safety-coordination", "section-staff"))
                .param("workDone", " ").param("submit", "true"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("narrativeErrors"));
        answers.put("PUT /api/reporting/sections/safety-coordination/reports/2026/narrative", new Object[] {200, "{}"});
        answers.put("POST /api/reporting/sections/safety-coordination/reports/2026/submission", new Object[] {200, "{}"});
        mvc.perform(post("/portal/staff/reports/2026/narrative").with(csrf()).with(staff("safety1", "safety-coordination", "section-staff"))
                .param("workDone", "全年公开文件2件").param("submit", "true"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("done", "报告已报送政务公开办。"));
        assertThat(calls).extracting(c -> c.method() + " " + c.path()).contains(
                "PUT /api/reporting/sections/safety-coordination/reports/2026/narrative",
                "POST /api/reporting/sections/safety-coordination/reports/2026/submission");
        mvc.perform(get("/portal/office/reports").param("period", "2026").with(staff("office", "disclosure-office", "disclosure-office")))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("尚未开始填写")));
    }

    @Test
    void aListThePortalOrdersItselfIsReadPageByPageFromTheService() throws Exception {
        String second = CONSULTATION.replace("\"c1\"", "\"c2\"").replace("某某县安全生产条例", "某某县防汛抗旱办法");
        answers.put("GET /api/public/consultations?page=0&size=100", new Object[] {200,
                "{\"items\":[" + CONSULTATION + "],\"page\":0,\"size\":100,\"total\":2}"});
        answers.put("GET /api/public/consultations?page=1&size=100", new Object[] {200,
                "{\"items\":[" + second + "],\"page\":1,\"size\":100,\"total\":2}"});
        String html = mvc.perform(get("/portal/consultations")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("某某县安全生产条例", "某某县防汛抗旱办法");
        assertThat(calls).extracting(Call::path).filteredOn("/api/public/consultations"::equals).hasSize(2);
    }

    @Test
    void aConsultationsCommentsAreShownAPageAtATimeWithTheTotal() throws Exception {
        answers.put("GET /api/consultations/c9", new Object[] {200, """
                {"id":"c9","section":"safety-coordination","drafter":"safety1","title":"某某县安全生产条例（征求意见稿）","draftText":"第一条",
                 "decisionBasis":"安全生产法","explanation":"说明","catalogueItemCode":"WS-05","channels":["WEBSITE"],
                 "periodStart":"2026-12-01","periodEnd":"2026-12-31","periodDays":31,"shortPeriodReason":null,"commentsPublic":false,
                 "status":"OPEN","openedAt":"2026-12-01T01:00:00Z","closedAt":null}"""});
        answers.put("GET /api/consultations/c9/comments?page=1&size=20", new Object[] {200, """
                {"items":[{"id":"k21","channel":"WEBSITE","content":"第二页的意见","name":null,"contact":null,
                  "receivedAt":"2026-12-01T02:00:00Z","enteredBy":null,"hidden":false,"moderationReason":null,"opinionId":null,"audit":[]}],
                 "page":1,"size":20,"total":45}"""});
        answers.put("GET /api/consultations/c9/opinion-suggestions", new Object[] {200, "[]"});
        answers.put("GET /api/consultations/c9/opinions", new Object[] {200, page("[]")});
        String html = mvc.perform(get("/portal/staff/consultations/c9").param("page", "2")
                        .with(staff("safety1", "safety-coordination", "section-staff")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("第二页的意见", "收到的意见（45条）", "共 45 条，第 2 / 3 页", "上一页", "下一页");
    }

    @Test
    void aSectionSeesCommentsGroupingSuggestionsAndOpinionsOfItsOpenConsultation() throws Exception {
        answers.put("GET /api/consultations/c9", new Object[] {200, """
                {"id":"c9","section":"safety-coordination","drafter":"safety1","title":"某某县安全生产条例（征求意见稿）","draftText":"第一条",
                 "decisionBasis":"安全生产法","explanation":"说明","catalogueItemCode":"WS-05","channels":["WEBSITE"],
                 "periodStart":"2026-12-01","periodEnd":"2026-12-31","periodDays":31,"shortPeriodReason":null,"commentsPublic":false,
                 "status":"OPEN","openedAt":"2026-12-01T01:00:00Z","closedAt":null}"""});
        answers.put("GET /api/consultations/c9/comments", new Object[] {200, page("""
                [{"id":"k1","channel":"WEBSITE","content":"建议增加夜间巡查","name":"张三","contact":{"kind":"MOBILE","value":"13800138000"},
                  "receivedAt":"2026-12-01T02:00:00Z","enteredBy":null,"hidden":false,"moderationReason":null,"opinionId":null,"audit":[]}]""")});
        answers.put("GET /api/consultations/c9/opinion-suggestions", new Object[] {200, """
                [{"size":2,"comments":[{"id":"k1","channel":"WEBSITE","content":"建议增加夜间巡查","receivedAt":"2026-12-01T02:00:00Z"},
                  {"id":"k2","channel":"WEBSITE","content":"建议增加夜间巡查力度","receivedAt":"2026-12-01T03:00:00Z"}]}]"""});
        answers.put("GET /api/consultations/c9/opinions", new Object[] {200, page("[]")});
        mvc.perform(get("/portal/staff/consultations/c9").with(staff("safety1", "safety-coordination", "section-staff")))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("13800138000"), org.hamcrest.Matchers.containsString("第1组，共2条"),
                        org.hamcrest.Matchers.containsString("value=\"k1,k2\""), org.hamcrest.Matchers.containsString("正在征求意见"))));
    }

    @Test
    void catalogueProposalsAreListedForTheSectionAndDecidedByTheOffice() throws Exception {
        String catalogue = """
                {"catalogue":"%s","title":"t","version":3,"status":"%s","effectiveFrom":"2026-12-01",
                 "items":[{"code":"WS-03","seq":3,"level1":"监管执法","level2":"执法检查","content":"检查结果","basis":[],
                   "timeLimit":"20个工作日","body":"县应急管理局","channels":["gov-website"],"audience":["all-society"],
                   "method":["proactive"],"level":["county"],"sections":[],"applicable":true,"notApplicableReason":null}]}""";
        answers.put("GET /api/public/catalogues/work-safety", new Object[] {200, catalogue.formatted("work-safety", "PUBLISHED")});
        answers.put("GET /api/public/catalogues/disaster-relief", new Object[] {200, catalogue.formatted("disaster-relief", "PUBLISHED")});
        answers.put("GET /api/catalogues/work-safety/draft", new Object[] {200, catalogue.formatted("work-safety", "DRAFT")});
        answers.put("GET /api/catalogues/proposals", new Object[] {200, page("""
                [{"id":"p1","catalogue":"work-safety","section":"safety-coordination","proposer":"safety1","kind":"ADD_ITEM","itemCode":null,
                  "level1":"重点领域信息公开","changes":{"level2":"危险化学品安全监管信息","content":"许可、检查和整改情况","basis":null,
                  "timeLimit":"20个工作日","timeLimitRule":"WORKING_DAYS_AFTER_CHANGE(20)","body":null,"channels":null,"audience":null,
                  "method":null,"level":null},"reason":"本县危化企业较多","status":"PENDING","decidedBy":null,"decisionReason":null,
                  "appliedToVersion":null,"resultingItemCode":null,"audit":[]}]""")});
        mvc.perform(get("/portal/staff/proposals").with(staff("safety1", "safety-coordination", "section-staff")))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("新增二级事项"), org.hamcrest.Matchers.containsString("待决定"))));
        mvc.perform(get("/portal/office/proposals").with(staff("office", "disclosure-office", "disclosure-office")))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("危险化学品安全监管信息"), org.hamcrest.Matchers.containsString("第3版草稿"))));
        answers.put("POST /api/catalogues/proposals/p1/decision", new Object[] {200, "{\"id\":\"p1\",\"status\":\"APPROVED\"}"});
        mvc.perform(post("/portal/office/proposals/p1/decision").with(csrf()).with(staff("office", "disclosure-office", "disclosure-office"))
                .param("approve", "true").param("reason", "同意")).andExpect(flash().attributeExists("done"));
        assertThat(calls.stream().filter(c -> c.method().equals("POST")).findFirst().orElseThrow().body())
                .contains("\"approve\":true", "\"reason\":\"同意\"");
    }

    @Test
    void aSectionsPagesAreNotTheOfficesOrTheLeadersAndStaffPagesAreNotForCitizens() throws Exception {
        mvc.perform(get("/portal/office").with(staff("relief1", "disaster-relief", "section-staff"))).andExpect(status().isForbidden());
        mvc.perform(get("/portal/leadership").with(staff("relief1", "disaster-relief", "section-staff"))).andExpect(status().isForbidden());
        mvc.perform(get("/portal/staff/consultations")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/portal/login"));
        mvc.perform(post("/portal/office/documents/d1/reviews").with(csrf()).with(staff("safety1", "safety-coordination", "section-staff"))
                .param("decision", "APPROVE")).andExpect(status().isForbidden());
        assertThat(calls).isEmpty();
    }

    @Test
    void theDeadlineCalculatorChecksItsInputInChinese() throws Exception {
        mvc.perform(get("/portal/deadline").param("start", "2026-13-40").param("workingDays", "abc"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("id=\"start-error\""),
                        org.hamcrest.Matchers.containsString("请填写1到365之间的整数"))));
        assertThat(calls).isEmpty();
        answers.put("GET /api/public/calendar/deadline", new Object[] {200,
                "{\"start\":\"2026-09-30\",\"workingDays\":20,\"due\":\"2026-11-04\",\"confirmed\":true}"});
        mvc.perform(get("/portal/deadline").param("start", "2026-09-30").param("workingDays", "20")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("2026年11月4日")));
    }

    static final String VOCABULARY = """
            {"applicantTypes":{"NATURAL_PERSON":"自然人","COMMERCIAL_ENTERPRISE":"商业企业","RESEARCH_INSTITUTION":"科研机构",
               "SOCIAL_WELFARE_ORGANISATION":"社会公益组织","LEGAL_SERVICE_INSTITUTION":"法律服务机构","OTHER_ORGANISATION":"其他"},
             "channels":{"ONLINE":"网上申请","LETTER":"信函申请","IN_PERSON":"当面申请","FAX":"传真申请"},
             "media":{"PAPER":"纸质","ELECTRONIC":"电子"},
             "deliveries":{"COLLECTION":"自行领取","POST":"邮寄","EMAIL":"电子邮件","ONLINE":"网上获取"},
             "receiptBases":{"SUBMITTED_IN_PERSON":"当面提交之日","SIGNED_FOR":"邮件签收之日","CONFIRMED_WITH_APPLICANT":"平常信函与申请人确认之日","BOTH_CONFIRMED":"双方确认之日"},
             "states":{"AWAITING_RECEIPT":"待确认收到","IN_PROGRESS":"办理中","AWAITING_SUPPLEMENT":"待补正","CONSULTING":"征求意见中",
               "AWAITING_FEE":"待缴纳信息处理费","ANSWERED":"已答复","CLOSED":"已终止"},
             "outcomes":{"DISCLOSED":"予以公开","PARTLY_DISCLOSED":"部分公开","NOT_DISCLOSED":"不予公开","CANNOT_PROVIDE":"无法提供",
               "NOT_HANDLED":"不予处理","OTHER":"其他处理"},
             "reasons":{"DISCLOSED/ALREADY_DISCLOSED":"已主动公开，告知获取方式和途径","NOT_DISCLOSED/STATE_SECRET":"属于国家秘密",
               "CANNOT_PROVIDE/NOT_HELD":"本机关不掌握相关政府信息","NOT_HANDLED/REPEATED":"重复申请","OTHER/SUPPLEMENT_OVERDUE":"申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请","OTHER/OTHER":"其他"}}""";

    static final String QUERY_CODE = "Qc0123456789abcdefghijklmnopqrst";

    @Test
    void theOnlineApplicationFormCarriesAFreshIdempotencyKeyAndItsLabelsFromTheVocabulary() throws Exception {
        answers.put("GET /api/public/applications/vocabulary", new Object[] {200, VOCABULARY});
        String first = mvc.perform(get("/portal/on-request")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String second = mvc.perform(get("/portal/on-request")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(first).contains("政府信息公开申请", "法人或其他组织：商业企业", "纸质", "网上获取", "不会公开", "for=\"name\"",
                "for=\"identityDocument\"", "for=\"description\"");
        String key = submissionKey(first);
        assertThat(key).isNotBlank().isNotEqualTo(submissionKey(second));
    }

    private static String submissionKey(String html) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"submissionKey\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @Test
    void anApplicationIsPostedOnceWithItsKeyAndTheQueryCodeIsShownLarge() throws Exception {
        answers.put("GET /api/public/applications/vocabulary", new Object[] {200, VOCABULARY});
        answers.put("POST /api/public/applications", new Object[] {201, """
                {"queryCode":"%s","submittedAt":"2026-12-01T06:00:00Z","statusUrl":"/api/public/applications/%s"}"""
                .formatted(QUERY_CODE, QUERY_CODE)});
        mvc.perform(post("/portal/on-request/applications").param("name", "张三")).andExpect(status().isForbidden());
        assertThat(calls).noneMatch(c -> c.method().equals("POST"));

        org.springframework.test.web.servlet.MvcResult posted = mvc.perform(post("/portal/on-request/applications").with(csrf())
                        .header("X-Forwarded-For", "203.0.113.9")
                        .param("applicantType", "NATURAL_PERSON").param("name", " 张三 ").param("identityDocument", "居民身份证 140100199001011234")
                        .param("phone", "13800000000").param("email", "").param("postalAddress", "")
                        .param("title", "2026年安全生产执法检查计划").param("documentNumber", "").param("description", "")
                        .param("medium", "ELECTRONIC").param("delivery", "ONLINE").param("submissionKey", "key-7"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/portal/on-request/submitted"))
                .andReturn();
        Call call = calls.stream().filter(c -> c.method().equals("POST")).findFirst().orElseThrow();
        assertThat(call.path()).isEqualTo("/api/public/applications");
        assertThat(call.idempotencyKey()).isEqualTo("key-7");
        assertThat(call.forwardedFor()).isEqualTo("203.0.113.9");
        assertThat(call.authorization()).isNull();
        assertThat(call.body()).contains("\"applicantType\":\"NATURAL_PERSON\"", "\"name\":\"张三\"", "\"medium\":\"ELECTRONIC\"",
                "\"delivery\":\"ONLINE\"", "\"title\":\"2026年安全生产执法检查计划\"").doesNotContain("email", "documentNumber");

        String page = mvc.perform(get("/portal/on-request/submitted").flashAttrs(posted.getFlashMap())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"query-code\"", QUERY_CODE, "2026年12月1日 14:00", "查询办理情况");
        // without a fresh submission there is nothing to show: to the lookup
        mvc.perform(get("/portal/on-request/submitted")).andExpect(redirectedUrl("/portal/on-request/lookup"));
    }

    @Test
    void whatIsMissingIsShownBesideEachFieldWithoutCallingTheServiceAndTheServicesRuleBesideItsField() throws Exception {
        answers.put("GET /api/public/applications/vocabulary", new Object[] {200, VOCABULARY});
        String html = mvc.perform(post("/portal/on-request/applications").with(csrf()).param("submissionKey", "k")
                        .param("applicantType", "NATURAL_PERSON").param("delivery", "POST"))
                .andExpect(status().isUnprocessableContent())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("id=\"name-error\"", "请填写申请人姓名或名称。", "id=\"identityDocument-error\"", "id=\"contact-error\"",
                "id=\"title-error\"", "请选择信息的提供形式", "选择邮寄的，请填写通信地址。", "提交未成功");
        assertThat(calls).noneMatch(c -> c.method().equals("POST"));

        answers.put("POST /api/public/applications", new Object[] {422, """
                {"type":"urn:gongkai:problem:invalid-email","title":"无法处理的内容","status":422,"detail":"电子邮箱格式不正确。","field":"email"}"""});
        html = mvc.perform(post("/portal/on-request/applications").with(csrf()).param("submissionKey", "k")
                        .param("applicantType", "NATURAL_PERSON").param("name", "张三").param("identityDocument", "居民身份证 1")
                        .param("email", "zhang@").param("title", "计划").param("medium", "ELECTRONIC").param("delivery", "ONLINE"))
                .andExpect(status().isUnprocessableContent())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("id=\"email-error\"", "电子邮箱格式不正确。", "value=\"zhang@\"", "value=\"张三\"");
    }

    @Test
    void theLookupShowsStateDueDateSupplementFeeAndReplyInChineseAndNothingForAnUnknownCode() throws Exception {
        answers.put("GET /api/public/applications/" + QUERY_CODE, new Object[] {200, """
                {"queryCode":"%s","channel":"ONLINE","channelLabel":"网上申请","state":"ANSWERED","stateLabel":"已答复",
                 "submittedAt":"2026-12-01T06:00:00Z","receivedOn":"2026-12-02","clockPaused":false,"dueOn":"2027-01-05","dueConfirmed":false,
                 "supplement":{"requestedOn":"2026-12-03","missing":"请写明所需文件的年份","supplementDueOn":"2026-12-17","receivedOn":"2026-12-04"},
                 "extension":{"extendedOn":"2026-12-20","extraWorkingDays":10,"reason":"需调取档案"},"reasonablePeriod":null,
                 "fee":{"amountFen":1250,"notifiedOn":"2026-12-05","payBy":"2027-01-04","paidOn":"2026-12-06"},
                 "reply":{"outcome":"CANNOT_PROVIDE","outcomeLabel":"无法提供","reason":"NOT_HELD","reasonLabel":"本机关不掌握相关政府信息",
                   "text":"经检索，本机关不掌握该信息。\\n建议向县财政局咨询。","legalBasis":"《中华人民共和国政府信息公开条例》第三十六条第（五）项",
                   "location":null,"answeredOn":"2026-12-28"},"closure":null}""".formatted(QUERY_CODE)});
        String html = mvc.perform(get("/portal/on-request/lookup").param("code", QUERY_CODE)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("已答复", "网上申请", "2026年12月2日", "2027年1月5日前", "请写明所需文件的年份", "2026年12月17日前",
                "延长10个工作日", "需调取档案", "12.50元", "2026年12月6日已缴纳", "无法提供", "本机关不掌握相关政府信息", "第三十六条第（五）项",
                "<p>经检索，本机关不掌握该信息。</p>", "<p>建议向县财政局咨询。</p>");
        assertThat(html).doesNotContain("2027-01-05");

        mvc.perform(get("/portal/on-request/lookup").param("code", "Zz0123456789abcdefghijklmnopqrst")).andExpect(status().isNotFound())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("没有找到该查询码对应的申请")));
        mvc.perform(get("/portal/on-request/lookup").param("code", "short")).andExpect(status().isUnprocessableContent())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"code-error\"")));
        assertThat(calls).noneMatch(c -> c.path().endsWith("/short"));
    }

    static final String STAFF_APPLICATION = """
            {"id":"a1","queryCode":"%s","channel":"ONLINE","channelLabel":"网上申请","section":"safety-coordination",
             "sectionLabel":"安全生产综合协调股","applicant":{"type":"NATURAL_PERSON","typeLabel":"自然人","name":"张三",
               "identityDocument":"居民身份证 140100199001011234","contact":{"phone":"13800000000","email":null,"postalAddress":null}},
             "sought":{"title":"2026年安全生产执法检查计划","documentNumber":null,"description":null},
             "form":{"medium":"ELECTRONIC","mediumLabel":"电子","delivery":"ONLINE","deliveryLabel":"网上获取"},
             "submittedAt":"2026-12-01T06:00:00Z","enteredBy":null,"state":"IN_PROGRESS","stateLabel":"办理中",
             "receipt":{"receivedOn":"2026-12-02","basis":"BOTH_CONFIRMED","basisLabel":"双方确认之日","confirmedBy":"office","recordedAt":"2026-12-02T01:00:00Z"},
             "clockStart":"2026-12-02","clockRunning":true,"dueOn":"2026-12-30","dueConfirmed":true,"workingDaysLeft":-2,"overdue":true,
             "supplement":null,"consultations":[{"consultee":"THIRD_PARTY","consulteeLabel":"第三方","note":"涉及企业信息","startedOn":"2026-12-03",
               "answerDueOn":"2026-12-24","endedOn":"2026-12-08","answered":true,"startedBy":"safety1"}],
             "pauses":[{"cause":"consultation-THIRD_PARTY","from":"2026-12-03","to":"2026-12-08"}],"extension":null,"reasonablePeriod":null,
             "fee":null,"clearance":null,"clearanceFor":null,"reply":null,"closure":null,
             "audit":[{"at":"2026-12-01T06:00:00Z","subject":"public-form","username":"public-form","section":null,"action":"submitted-online","reason":null}]}"""
            .formatted(QUERY_CODE);

    @Test
    void theOfficeSeesEveryApplicationAndTheDeadlineBoardWithWorkingDaysLeftAndTheOverdueInRed() throws Exception {
        answers.put("GET /api/public/applications/vocabulary", new Object[] {200, VOCABULARY});
        answers.put("GET /api/applications", new Object[] {200, "{\"items\":[" + STAFF_APPLICATION + "],\"page\":0,\"size\":20,\"total\":41}"});
        String list = mvc.perform(get("/portal/office/applications").param("state", "IN_PROGRESS")
                        .with(staff("office", "disclosure-office", "disclosure-office")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).contains("申请办理台（全部股室）", "2026年安全生产执法检查计划", "安全生产综合协调股", "已逾期2个工作日",
                "class=\"overdue\"", "共 41 条，第 1 / 3 页", "id=\"enter-offline\"");
        assertThat(calls).anyMatch(c -> c.path().equals("/api/applications") && c.authorization() != null);

        answers.put("GET /api/applications/deadline-board", new Object[] {200, """
                {"items":[{"id":"a2","section":"disaster-relief","sectionLabel":"救灾和物资保障股","channel":"LETTER","channelLabel":"信函申请",
                  "applicantType":"COMMERCIAL_ENTERPRISE","applicantTypeLabel":"商业企业","title":"救灾物资发放记录","receivedOn":"2026-12-01",
                  "clockStart":"2026-12-01","dueOn":"2026-12-29","dueConfirmed":true,"workingDaysLeft":3,"overdue":false,"extended":true}],
                 "page":0,"size":20,"total":1}"""});
        String board = mvc.perform(get("/portal/office/applications").param("view", "board")
                        .with(staff("office", "disclosure-office", "disclosure-office")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(board).contains("答复期限看板", "救灾物资发放记录", "2026年12月29日前", "剩余3个工作日", "已延期", "商业企业");
        mvc.perform(get("/portal/staff/applications").with(staff("relief1", "disaster-relief", "section-staff")))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("申请办理台（救灾和物资保障股）")));
        mvc.perform(get("/portal/office/applications").with(staff("relief1", "disaster-relief", "section-staff"))).andExpect(status().isForbidden());
        mvc.perform(get("/portal/staff/applications")).andExpect(redirectedUrl("/portal/login"));
    }

    @Test
    void anApplicationShowsItsClockAndOnlyTheStepsTheRoleMayTake() throws Exception {
        answers.put("GET /api/public/applications/vocabulary", new Object[] {200, VOCABULARY});
        answers.put("GET /api/applications/a1", new Object[] {200, STAFF_APPLICATION});
        String office = mvc.perform(get("/portal/office/applications/a1").with(staff("office", "disclosure-office", "disclosure-office")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(office).contains("2026年12月2日（双方确认之日，office确认）", "2026年12月30日前", "已逾期2个工作日", "征求第三方意见：2026年12月3日起至2026年12月8日",
                "张三", "居民身份证 140100199001011234", "网上提交申请", "id=\"answer\"", "id=\"extend\"", "id=\"route\"",
                "不予公开——属于国家秘密", "value=\"NOT_DISCLOSED/STATE_SECRET\"", "value=\"DISCLOSED/ALREADY_DISCLOSED\"")
                .doesNotContain("value=\"OTHER/", "2026-12-30");
        String section = mvc.perform(get("/portal/staff/applications/a1").with(staff("safety1", "safety-coordination", "section-staff")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(section).contains("id=\"answer\"", "id=\"request-clearance\"").doesNotContain("id=\"extend\"", "id=\"route\"");
    }

    @Test
    void art35TheOfficeAsksForReasonsRecordsTheExplanationAndOnlyThenSetsALongerPeriodAndTheApplicantSeesTheRequest() throws Exception {
        answers.put("GET /api/public/applications/vocabulary", new Object[] {200, VOCABULARY});
        answers.put("GET /api/applications/a1", new Object[] {200, STAFF_APPLICATION});
        String before = mvc.perform(get("/portal/office/applications/a1").with(staff("office", "disclosure-office", "disclosure-office")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(before).contains("id=\"request-reasons\"", "要求申请人说明理由（条例第三十五条")
                .doesNotContain("id=\"record-reasons\"", "id=\"set-reasonable-period\"");
        String sectionView = mvc.perform(get("/portal/staff/applications/a1").with(staff("safety1", "safety-coordination", "section-staff")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(sectionView).doesNotContain("id=\"request-reasons\"");

        answers.put("POST /api/applications/a1/reasons-request", new Object[] {200, STAFF_APPLICATION});
        mvc.perform(post("/portal/office/applications/a1/reasons-request").with(csrf()).with(staff("office", "disclosure-office", "disclosure-office"))
                        .param("question", "请说明一个月内提出三十件同类申请的用途").param("periodWorkingDays", "10"))
                .andExpect(redirectedUrl("/portal/office/applications/a1")).andExpect(flash().attribute("done", "已要求申请人说明理由。"));
        assertThat(calls).anyMatch(c -> c.path().equals("/api/applications/a1/reasons-request")
                && c.body().contains("\"periodWorkingDays\":10") && c.body().contains("用途"));

        String asked = STAFF_APPLICATION.replace("\"reasonablePeriod\":null", """
                "reasonsRequest":{"requestedOn":"2026-12-03","question":"请说明用途","explainBy":"2026-12-17","requestedBy":"office",
                 "explainedOn":"2026-12-10","explanation":"课题研究需要逐年比对","recordedBy":"office"},"reasonablePeriod":null""");
        answers.put("GET /api/applications/a1", new Object[] {200, asked});
        String after = mvc.perform(get("/portal/office/applications/a1").with(staff("office", "disclosure-office", "disclosure-office")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(after).contains("2026年12月3日要求2026年12月17日前说明：请说明用途；2026年12月10日说明：课题研究需要逐年比对",
                "id=\"set-reasonable-period\"").doesNotContain("id=\"request-reasons\"", "id=\"record-reasons\"");

        answers.put("GET /api/public/applications/" + QUERY_CODE, new Object[] {200, """
                {"queryCode":"%s","channel":"ONLINE","channelLabel":"网上申请","state":"IN_PROGRESS","stateLabel":"办理中",
                 "submittedAt":"2026-12-01T06:00:00Z","receivedOn":"2026-12-02","clockPaused":false,"dueOn":"2026-12-30","dueConfirmed":true,
                 "supplement":null,"extension":null,"reasonsRequest":{"requestedOn":"2026-12-03","question":"请说明一个月内提出三十件同类申请的用途",
                 "explainBy":"2026-12-17","explainedOn":null},"reasonablePeriod":null,"fee":null,"reply":null,"closure":null}""".formatted(QUERY_CODE)});
        String lookup = mvc.perform(get("/portal/on-request/lookup").param("code", QUERY_CODE)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(lookup).contains("请说明申请理由（条例第三十五条）", "请说明一个月内提出三十件同类申请的用途", "2026年12月17日前", "尚未收到");
    }

    @Test
    void aStepIsPostedWithTheUsersTokenAndTheServicesRefusalIsShownInItsChineseWords() throws Exception {
        answers.put("POST /api/applications/a1/reply", new Object[] {200, STAFF_APPLICATION});
        mvc.perform(post("/portal/staff/applications/a1/reply").with(csrf()).with(staff("safety1", "safety-coordination", "section-staff"))
                        .param("choice", "NOT_DISCLOSED/STATE_SECRET").param("text", "该信息属于国家秘密。")
                        .param("legalBasis", "条例第十四条").param("location", "").param("answeredOn", ""))
                .andExpect(redirectedUrl("/portal/staff/applications/a1")).andExpect(flash().attribute("done", "已答复申请。"));
        Call reply = calls.stream().filter(c -> c.method().equals("POST")).findFirst().orElseThrow();
        assertThat(reply.body()).contains("\"outcome\":\"NOT_DISCLOSED\"", "\"reason\":\"STATE_SECRET\"", "\"legalBasis\":\"条例第十四条\"")
                .doesNotContain("location", "answeredOn");
        assertThat(reply.authorization()).startsWith("Bearer ");

        answers.put("POST /api/applications/a1/extension", new Object[] {403, """
                {"type":"urn:gongkai:problem:extension-office-only","status":403,"detail":"延长答复期限须经政务公开工作机构负责人同意，由政务公开办公室办理。"}"""});
        mvc.perform(post("/portal/staff/applications/a1/extension").with(csrf()).with(staff("safety1", "safety-coordination", "section-staff"))
                        .param("extraWorkingDays", "10").param("reason", "需调取档案"))
                .andExpect(redirectedUrl("/portal/staff/applications/a1"))
                .andExpect(flash().attribute("failed", "延长答复期限须经政务公开工作机构负责人同意，由政务公开办公室办理。"));

        calls.clear();
        mvc.perform(post("/portal/staff/applications/a1/fee").with(csrf()).with(staff("safety1", "safety-coordination", "section-staff"))
                        .param("amountYuan", "十元"))
                .andExpect(flash().attribute("failed", "请按元填写收费金额，最多两位小数，如 12.50。"));
        assertThat(calls).isEmpty();
        answers.put("POST /api/applications/a1/fee", new Object[] {200, STAFF_APPLICATION});
        mvc.perform(post("/portal/staff/applications/a1/fee").with(csrf()).with(staff("safety1", "safety-coordination", "section-staff"))
                        .param("amountYuan", "12.5"))
                .andExpect(flash().attribute("done", "已发出收费通知，计时暂停。"));
        assertThat(calls).anyMatch(c -> c.path().equals("/api/applications/a1/fee") && c.body().contains("\"amountFen\":1250"));
    }

    @Test
    void anOfflineApplicationIsEnteredWithItsChannelAndTheServicesFieldErrorsAreShownBesideTheFields() throws Exception {
        answers.put("GET /api/public/applications/vocabulary", new Object[] {200, VOCABULARY});
        String html = mvc.perform(post("/portal/office/applications").with(csrf()).with(staff("office", "disclosure-office", "disclosure-office"))
                        .param("channel", "IN_PERSON").param("applicantType", "NATURAL_PERSON").param("name", "李四"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("id=\"receivedOn-error\"", "当面提交的，请填写收到日期", "id=\"identityDocument-error\"");
        assertThat(calls).noneMatch(c -> c.method().equals("POST"));

        answers.put("POST /api/applications", new Object[] {400, """
                {"type":"urn:gongkai:problem:validation-failed","status":400,"detail":"请求内容有误。",
                 "errors":[{"field":"application.name","message":"size must be between 0 and 100"}]}"""});
        html = mvc.perform(post("/portal/office/applications").with(csrf()).with(staff("office", "disclosure-office", "disclosure-office"))
                        .param("channel", "LETTER").param("section", "disaster-relief").param("applicantType", "NATURAL_PERSON")
                        .param("name", "李四").param("identityDocument", "居民身份证 1").param("postalAddress", "某某县人民路1号")
                        .param("description", "2025年冬春救助名单").param("medium", "PAPER").param("delivery", "POST")
                        .param("receivedOn", "2026-12-01").param("receiptBasis", "SIGNED_FOR"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("id=\"name-error\"", "长度超出限制（最多100字）");
        Call entered = calls.stream().filter(c -> c.method().equals("POST")).findFirst().orElseThrow();
        assertThat(entered.body()).contains("\"channel\":\"LETTER\"", "\"section\":\"disaster-relief\"", "\"application\":{",
                "\"name\":\"李四\"", "\"receivedOn\":\"2026-12-01\"", "\"receiptBasis\":\"SIGNED_FOR\"");

        answers.put("POST /api/applications", new Object[] {201, STAFF_APPLICATION});
        mvc.perform(post("/portal/office/applications").with(csrf()).with(staff("office", "disclosure-office", "disclosure-office"))
                        .param("channel", "LETTER").param("applicantType", "NATURAL_PERSON").param("name", "李四")
                        .param("identityDocument", "居民身份证 1").param("postalAddress", "某某县人民路1号")
                        .param("description", "2025年冬春救助名单").param("medium", "PAPER").param("delivery", "POST"))
                .andExpect(redirectedUrl("/portal/office/applications/a1"))
                .andExpect(flash().attribute("done", "申请已录入，查询码：" + QUERY_CODE + "（请告知申请人）"));
    }

    static final String ANNUAL_REPORT = """
            {"year":2026,"title":"2026年政府信息公开工作年度报告","revision":1,"status":"%s","statusLabel":"%s","correctionNote":null,
             "publishedAt":null,"overview":"本局认真贯彻落实《条例》。",
             "proactive":{"documents":{"lines":[{"documentType":"RULE","label":"规章","issued":0,"abolished":0,"inForce":0},
                 {"documentType":"NORMATIVE","label":"行政规范性文件","issued":3,"abolished":1,"inForce":12}]},
               "licensing":{"label":"行政许可","value":57,"unit":"件","source":"县政务服务中心审批系统"},
               "punishment":{"label":"行政处罚","value":null,"unit":"件","source":null},
               "coercion":{"label":"行政强制","value":null,"unit":"件","source":null},
               "administrativeFees":{"label":"行政事业性收费","value":null,"unit":"万元","source":null}},
             "applications":{"columns":[{"code":"NATURAL_PERSON","label":"自然人","organisation":false},
                 {"code":"COMMERCIAL_ENTERPRISE","label":"商业企业","organisation":true},
                 {"code":"RESEARCH_INSTITUTION","label":"科研机构","organisation":true},
                 {"code":"SOCIAL_WELFARE_ORGANISATION","label":"社会公益组织","organisation":true},
                 {"code":"LEGAL_SERVICE_INSTITUTION","label":"法律服务机构","organisation":true},
                 {"code":"OTHER_ORGANISATION","label":"其他","organisation":true},{"code":"TOTAL","label":"总计","organisation":false}],
               "rows":[{"code":"RECEIVED","heading":"一、本年新收政府信息公开申请数量","group":null,"item":null,"label":"一、本年新收政府信息公开申请数量",
                   "cells":{"NATURAL_PERSON":417,"COMMERCIAL_ENTERPRISE":2,"RESEARCH_INSTITUTION":0,"SOCIAL_WELFARE_ORGANISATION":0,
                            "LEGAL_SERVICE_INSTITUTION":1,"OTHER_ORGANISATION":0,"TOTAL":420}},
                 {"code":"NOT_DISCLOSED/STATE_SECRET","heading":"三、本年度办理结果","group":"（三）不予公开","item":"1.属于国家秘密",
                   "label":"1.属于国家秘密","cells":{"NATURAL_PERSON":1,"COMMERCIAL_ENTERPRISE":0,"RESEARCH_INSTITUTION":0,
                   "SOCIAL_WELFARE_ORGANISATION":0,"LEGAL_SERVICE_INSTITUTION":0,"OTHER_ORGANISATION":0,"TOTAL":1}}]},
             "appeals":{"administrativeReview":{"label":"行政复议","upheld":2,"corrected":1,"other":0,"pending":0,"total":3},
               "litigationDirect":{"label":"行政诉讼（未经复议直接起诉）","upheld":null,"corrected":null,"other":null,"pending":null,"total":null},
               "litigationAfterReview":{"label":"行政诉讼（复议后起诉）","upheld":null,"corrected":null,"other":null,"pending":null,"total":null}},
             "problemsAndImprovements":"主动公开的及时性有待提高。","otherMatters":null,"feesCollectedFen":0,"feesCollectedYuan":0,
             "feesStatement":"本年度依据《政府信息公开信息处理费管理办法》收取信息处理费 0.00 元。"}""";

    static String staffAnnualReport(String status, String label) {
        return "{\"year\":2026,\"dueOn\":\"2027-01-31\",\"overdue\":false,\"report\":" + ANNUAL_REPORT.formatted(status, label)
                + ",\"figures\":null,\"figuresFrozen\":false,\"revisions\":[{\"revision\":1,\"status\":\"" + status + "\",\"statusLabel\":\""
                + label + "\"}],\"audit\":[]}";
    }

    @Test
    void aPublishedAnnualReportShowsTableThreeWithItsOfficialHeadersAndLinksToItsExports() throws Exception {
        answers.put("GET /api/public/annual-reports", new Object[] {200, """
                {"items":[{"year":2026,"title":"2026年政府信息公开工作年度报告","revision":1,"publishedAt":"2027-01-20T02:00:00Z",
                  "correctionNote":null}],"page":0,"size":20,"total":1}"""});
        answers.put("GET /api/public/annual-reports/2026", new Object[] {200, ANNUAL_REPORT.formatted("PUBLISHED", "已发布")
                .replace("\"publishedAt\":null", "\"publishedAt\":\"2027-01-20T02:00:00Z\"")});
        String list = mvc.perform(get("/portal/annual-reports")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).contains("href=\"/portal/annual-reports/2026\"", "2026年政府信息公开工作年度报告");
        assertThat(calls).anyMatch(c -> c.path().equals("/api/public/annual-reports") && c.authorization() == null);

        String html = mvc.perform(get("/portal/annual-reports/2026")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项",
                "<th scope=\"colgroup\" colspan=\"7\">申请人情况</th>", "<th scope=\"col\" rowspan=\"2\">自然人</th>",
                "<th scope=\"colgroup\" colspan=\"5\">法人或其他组织</th>", "<th scope=\"col\">商业企业</th>", "<th scope=\"col\">其他</th>",
                "<th scope=\"col\" rowspan=\"2\">总计</th>", "三、本年度办理结果 （三）不予公开 1.属于国家秘密", "<td>417</td>", "<td>420</td>",
                "57 件", "县政务服务中心审批系统", "行政规范性文件",
                "href=\"/api/public/annual-reports/2026/export?format=xlsx\"", "href=\"/api/public/annual-reports/2026/export?format=html\"");
        // the organisation kinds come after 自然人 and before 总计, as in the official table
        assertThat(html.indexOf(">自然人<")).isLessThan(html.indexOf(">商业企业<"));
        assertThat(html.indexOf(">商业企业<")).isLessThan(html.indexOf("<td>417</td>"));
    }

    @Test
    void theOfficeEditsTheReportWithItsOwnTokenAndSeesTheServicesRefusal() throws Exception {
        answers.put("PUT /api/reporting/annual-reports/2026", new Object[] {200, staffAnnualReport("DRAFT", "草稿")});
        mvc.perform(post("/portal/leadership/annual-reports/2026/content").with(csrf()).with(staff("office", "disclosure-office", "disclosure-office"))
                        .param("overview", " 本局认真贯彻落实《条例》。 ").param("licensing.count", "57").param("licensing.source", "县政务服务中心审批系统")
                        .param("punishment.count", "").param("punishment.source", "")
                        .param("administrativeFees.tenThousandYuan", "1.25").param("administrativeFees.source", "县财政局")
                        .param("administrativeReview.upheld", "2").param("administrativeReview.corrected", "1")
                        .param("problemsAndImprovements", "主动公开的及时性有待提高。"))
                .andExpect(redirectedUrl("/portal/leadership/annual-reports/2026")).andExpect(flash().attribute("done", "年度报告已保存。"));
        Call put = calls.stream().filter(c -> c.method().equals("PUT")).findFirst().orElseThrow();
        assertThat(put.path()).isEqualTo("/api/reporting/annual-reports/2026");
        assertThat(put.authorization()).startsWith("Bearer ");
        tools.jackson.databind.JsonNode body = new tools.jackson.databind.ObjectMapper().readTree(put.body());
        assertThat(body.path("overview").asString()).isEqualTo("本局认真贯彻落实《条例》。");
        assertThat(body.path("licensing").path("count").asLong()).isEqualTo(57);
        assertThat(body.path("licensing").path("source").asString()).isEqualTo("县政务服务中心审批系统");
        assertThat(body.path("punishment").isNull()).isTrue();
        assertThat(body.path("administrativeFees").path("tenThousandYuan").decimalValue()).isEqualByComparingTo("1.25");
        assertThat(body.path("administrativeReview").path("upheld").asInt()).isEqualTo(2);
        assertThat(body.path("administrativeReview").has("pending")).isFalse();

        // a figure that is not a whole number never reaches the service
        calls.clear();
        mvc.perform(post("/portal/leadership/annual-reports/2026/content").with(csrf()).with(staff("office", "disclosure-office", "disclosure-office"))
                        .param("licensing.count", "五十").param("licensing.source", "审批系统"))
                .andExpect(flash().attribute("failed", org.hamcrest.Matchers.containsString("整数")));
        assertThat(calls).noneMatch(c -> c.method().equals("PUT"));

        // the service refuses to publish an unapproved report: its detail is shown on the report page
        answers.put("POST /api/reporting/annual-reports/2026/publication", new Object[] {409, """
                {"type":"urn:gongkai:problem:annual-report-not-approved","status":409,"detail":"年度报告须经局领导审定后才能发布。"}"""});
        answers.put("GET /api/reporting/annual-reports/2026", new Object[] {200, staffAnnualReport("DRAFT", "草稿")});
        org.springframework.test.web.servlet.MvcResult refused = mvc.perform(post("/portal/leadership/annual-reports/2026/publication").with(csrf())
                        .with(staff("office", "disclosure-office", "disclosure-office")))
                .andExpect(redirectedUrl("/portal/leadership/annual-reports/2026"))
                .andExpect(flash().attribute("failed", org.hamcrest.Matchers.containsString("年度报告须经局领导审定后才能发布。"))).andReturn();
        String page = mvc.perform(get("/portal/leadership/annual-reports/2026").flashAttrs(refused.getFlashMap())
                        .with(staff("office", "disclosure-office", "disclosure-office")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("操作未成功", "年度报告须经局领导审定后才能发布。");
    }

    @Test
    void aLeaderSeesApproveAndTheOfficeDoesNot() throws Exception {
        answers.put("GET /api/reporting/annual-reports/2026", new Object[] {200, staffAnnualReport("DRAFT", "草稿")});
        String leader = mvc.perform(get("/portal/leadership/annual-reports/2026").with(staff("chief", "leadership", "leader")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(leader).contains("id=\"approve\"", "<td>420</td>").doesNotContain("id=\"edit-report\"", "id=\"publish\"");
        String office = mvc.perform(get("/portal/leadership/annual-reports/2026").with(staff("office", "disclosure-office", "disclosure-office")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(office).contains("id=\"edit-report\"", "县政务服务中心审批系统").doesNotContain("id=\"approve\"");

        answers.put("POST /api/reporting/annual-reports/2026/approval", new Object[] {200, staffAnnualReport("APPROVED", "领导已审定")});
        mvc.perform(post("/portal/leadership/annual-reports/2026/approval").with(csrf()).with(staff("chief", "leadership", "leader")))
                .andExpect(flash().attribute("done", "年度报告已审定，统计数据已固定。"));
        assertThat(calls).anyMatch(c -> c.method().equals("POST") && c.path().equals("/api/reporting/annual-reports/2026/approval")
                && c.authorization() != null && c.authorization().startsWith("Bearer "));
        mvc.perform(get("/portal/leadership/annual-reports/2026").with(staff("relief1", "disaster-relief", "section-staff")))
                .andExpect(status().isForbidden());
    }
}
