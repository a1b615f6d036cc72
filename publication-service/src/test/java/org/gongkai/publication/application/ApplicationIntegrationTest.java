package org.gongkai.publication.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongkai.testsupport.TestHttp.call;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.gongkai.calendar.WorkingCalendar;
import org.gongkai.testsupport.ServiceIntegrationTest;
import org.gongkai.testsupport.TestEvents;
import org.gongkai.testsupport.TestHttp.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * On-request disclosure over HTTP with Keycloak-shaped tokens, the real broker and a MongoDB wire server: the public
 * form, the staff desk, the confidentiality officer, the applicant's lookup and the events other services receive.
 */
@ServiceIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ApplicationIntegrationTest {

    static final String NAME = "李四光";
    static final String ID_NUMBER = "320102198805056789";
    static final String PHONE = "13912345678";
    static final String EMAIL = "lisiguang@example.com";
    static final String ADDRESS = "县城解放路12号";

    @LocalServerPort
    int port;
    @Autowired
    TestEvents events;
    @Autowired
    ApplicationService applications;
    @Autowired
    ApplicationRepository repository;

    private final JsonMapper json = JsonMapper.builder().build();

    static Map<String, Object> form() {
        Map<String, Object> form = new HashMap<>();
        form.put("applicantType", "NATURAL_PERSON");
        form.put("name", NAME);
        form.put("identityDocument", "居民身份证 " + ID_NUMBER);
        form.put("phone", PHONE);
        form.put("email", EMAIL);
        form.put("postalAddress", ADDRESS);
        form.put("title", "本县2025年度安全生产执法检查计划");
        form.put("description", "请提供计划全文");
        form.put("medium", "ELECTRONIC");
        form.put("delivery", "EMAIL");
        return form;
    }

    private Response submit(Map<String, Object> body, String idempotencyKey) {
        return call(port, null, "POST", "/api/public/applications", body,
                idempotencyKey == null ? Map.of() : Map.of("Idempotency-Key", idempotencyKey));
    }

    @Test
    void anOnlineApplicationIsConfirmedClearedAnsweredAndLookedUpAndItsEventsReachTheBroker(CapturedOutput log) {
        String key = UUID.randomUUID().toString();
        Response submitted = submit(form(), key);
        assertThat(submitted.status()).isEqualTo(201);
        String code = json.readTree(submitted.body()).get("queryCode").asString();
        assertThat(code).hasSize(32);
        assertThat(submitted.body()).doesNotContain(NAME, ID_NUMBER, PHONE, EMAIL, ADDRESS);
        // a retry with the same key is the same application; the same key for another text is a mistake
        Response retried = submit(form(), key);
        assertThat(retried.status()).isEqualTo(200);
        assertThat(json.readTree(retried.body()).get("queryCode").asString()).isEqualTo(code);
        Map<String, Object> other = form();
        other.put("title", "另一份文件");
        Response reused = submit(other, key);
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.body()).contains("urn:gongkai:problem:idempotency-key-reused");

        Response waiting = call(port, null, "GET", "/api/public/applications/" + code, null);
        assertThat(waiting.status()).isEqualTo(200);
        assertThat(json.readTree(waiting.body()).get("stateLabel").asString()).isEqualTo("待确认收到");
        assertThat(call(port, null, "GET", "/api/public/applications/" + "x".repeat(32), null).status()).isEqualTo(404);

        // the office finds it, routes it; only then does the section see it
        Response listed = call(port, "office", "GET", "/api/applications?state=AWAITING_RECEIPT&size=100", null);
        JsonNode item = null;
        for (JsonNode candidate : json.readTree(listed.body()).get("items")) {
            if (candidate.get("queryCode").asString().equals(code)) {
                item = candidate;
            }
        }
        assertThat(item).as("the office lists the new application").isNotNull();
        String id = item.get("id").asString();
        assertThat(item.get("applicant").get("name").asString()).isEqualTo(NAME);
        assertThat(call(port, "safety1", "GET", "/api/applications/" + id, null).status()).isEqualTo(404);
        assertThat(call(port, "office", "POST", "/api/applications/" + id + "/routing", Map.of("section", "safety-coordination")).status())
                .isEqualTo(200);
        assertThat(call(port, "relief1", "GET", "/api/applications/" + id, null).status()).isEqualTo(404);
        assertThat(call(port, "relief1", "POST", "/api/applications/" + id + "/receipt",
                Map.of("receivedOn", LocalDate.now(WorkingCalendar.CHINA).toString(), "basis", "BOTH_CONFIRMED")).status()).isEqualTo(404);

        LocalDate today = applications.today();
        Response received = call(port, "safety1", "POST", "/api/applications/" + id + "/receipt",
                Map.of("receivedOn", today.toString(), "basis", "BOTH_CONFIRMED"));
        assertThat(received.status()).isEqualTo(200);
        JsonNode receivedView = json.readTree(received.body());
        String dueOn = applications.calendar().addWorkingDays(today, 20).due().toString();
        assertThat(receivedView.get("dueOn").asString()).isEqualTo(dueOn);
        assertThat(receivedView.get("receipt").get("confirmedBy").asString()).isEqualTo("safety1");
        assertThat(receivedView.get("workingDaysLeft").asInt()).isEqualTo(20);
        assertThat(call(port, "safety1", "GET", "/api/applications/deadline-board", null).body()).contains(id, "\"workingDaysLeft\":20");
        assertThat(call(port, "relief1", "GET", "/api/applications/deadline-board", null).body()).doesNotContain(id);

        // only the office extends (refused at the route, @OfficeOnly), by at most 20 working days
        Response notOffice = call(port, "safety1", "POST", "/api/applications/" + id + "/extension", Map.of("extraWorkingDays", 10, "reason", "信息量大"));
        assertThat(notOffice.status()).isEqualTo(403);
        assertThat(notOffice.body()).contains("urn:gongkai:problem:forbidden", "您的角色无权进行此操作");
        assertThat(call(port, "office", "POST", "/api/applications/" + id + "/extension", Map.of("extraWorkingDays", 21, "reason", "信息量大"))
                .status()).isEqualTo(422);
        // an unknown reason is a Chinese 422 and changes nothing
        Response unknown = call(port, "safety1", "POST", "/api/applications/" + id + "/reply",
                Map.of("outcome", "NOT_DISCLOSED", "reason", "TOO_BUSY", "text", "答复", "legalBasis", "第十四条"));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body()).contains("urn:gongkai:problem:unknown-outcome", "办理结果");

        // a disclosure leaves only after the confidentiality officer cleared it
        Map<String, Object> disclose = Map.of("outcome", "DISCLOSED", "text", "予以公开，计划全文见附件。");
        assertThat(call(port, "safety1", "POST", "/api/applications/" + id + "/reply", disclose).status()).isEqualTo(409);
        assertThat(call(port, "safety1", "POST", "/api/applications/" + id + "/clearance-request",
                Map.of("outcome", "DISCLOSED", "note", "计划全文")).status()).isEqualTo(200);
        assertThat(call(port, "office", "POST", "/api/applications/" + id + "/clearance", Map.of("cleared", true)).status()).isEqualTo(403);
        assertThat(call(port, "secrecy", "POST", "/api/applications/" + id + "/clearance", Map.of("cleared", true)).status()).isEqualTo(200);
        Response answered = call(port, "safety1", "POST", "/api/applications/" + id + "/reply", disclose);
        assertThat(answered.status()).isEqualTo(200);
        assertThat(json.readTree(answered.body()).get("reply").get("outcomeLabel").asString()).isEqualTo("予以公开");

        Response lookedUp = call(port, null, "GET", "/api/public/applications/" + code, null);
        JsonNode status = json.readTree(lookedUp.body());
        assertThat(status.get("stateLabel").asString()).isEqualTo("已答复");
        assertThat(status.get("dueOn").asString()).isEqualTo(dueOn);
        assertThat(status.get("reply").get("text").asString()).isEqualTo("予以公开，计划全文见附件。");
        assertThat(lookedUp.body()).doesNotContain(NAME, ID_NUMBER, PHONE, EMAIL, ADDRESS, "safety1", "secrecy", id);

        TestEvents.Received receivedEvent = events.awaitType("gongkai.publication.application-received.v1", r -> r.data().contains(id));
        TestEvents.assertMatchesFixture(receivedEvent);
        assertThat(receivedEvent.json().get("channel").asString()).isEqualTo("ONLINE");
        TestEvents.Received answeredEvent = events.awaitType("gongkai.publication.application-answered.v1", r -> r.data().contains(id));
        TestEvents.assertMatchesFixture(answeredEvent);
        assertThat(answeredEvent.json().get("outcome").asString()).isEqualTo("DISCLOSED");
        assertThat(answeredEvent.json().get("onTime").asBoolean()).isTrue();
        for (TestEvents.Received event : events.received()) {
            assertThat(event.data()).doesNotContain(NAME, ID_NUMBER, PHONE, EMAIL, ADDRESS);
        }
        assertThat(log.getAll()).as("no log line names the applicant").doesNotContain(NAME, ID_NUMBER, PHONE, EMAIL, ADDRESS);
    }

    @Test
    void aLetterFromLastYearIsAnnouncedOverdueOnceAndOnlyItsSectionSeesIt() {
        Map<String, Object> entry = Map.of("channel", "LETTER", "application", form(), "receivedOn", "2025-09-26", "receiptBasis", "SIGNED_FOR");
        Response entered = call(port, "safety1", "POST", "/api/applications", entry);
        assertThat(entered.status()).isEqualTo(201);
        JsonNode view = json.readTree(entered.body());
        String id = view.get("id").asString();
        assertThat(view.get("sectionLabel").asString()).isEqualTo("安全生产综合协调股");
        assertThat(view.get("channelLabel").asString()).isEqualTo("信函申请");
        assertThat(view.get("dueOn").asString()).isEqualTo("2025-10-30"); // as counted in ApplicationTest
        assertThat(view.get("overdue").asBoolean()).isTrue();
        assertThat(call(port, "relief1", "GET", "/api/applications/" + id, null).status()).isEqualTo(404);
        assertThat(call(port, "relief1", "GET", "/api/applications?size=100", null).body()).doesNotContain(id);
        assertThat(call(port, "safety1", "GET", "/api/applications?size=1", null).body()).contains("\"size\":1");
        assertThat(call(port, "safety1", "GET", "/api/applications?size=1000", null).status()).isEqualTo(400);

        applications.watch();
        applications.watch();
        TestEvents.Received overdue = events.awaitType("gongkai.publication.application-overdue.v1", r -> r.data().contains(id));
        TestEvents.assertMatchesFixture(overdue);
        assertThat(overdue.json().get("dueOn").asString()).isEqualTo("2025-10-30");
        assertThat(repository.findById(id).orElseThrow().audit()).filteredOn(a -> a.action().equals("answer-overdue")).hasSize(1);
        assertThat(call(port, "office", "GET", "/api/applications/deadline-board?size=100", null).body()).contains(id, "\"overdue\":true");
    }

    @Test
    void art35ReasonsThenALongerPeriodReachTheBrokerAndTheApplicantsLookup() {
        LocalDate today = applications.today();
        Map<String, Object> entry = Map.of("channel", "IN_PERSON", "application", form(), "receivedOn", today.toString(),
                "receiptBasis", "SUBMITTED_IN_PERSON");
        Response entered = call(port, "safety1", "POST", "/api/applications", entry);
        assertThat(entered.status()).as(entered.body()).isEqualTo(201);
        JsonNode view = json.readTree(entered.body());
        String id = view.get("id").asString();
        String code = view.get("queryCode").asString();
        String base = "/api/applications/" + id;
        Map<String, Object> longer = Map.of("extraWorkingDays", 15, "reason", "申请人说明系课题研究需要，信息量大");

        Response sectionAsks = call(port, "safety1", "POST", base + "/reasons-request", Map.of("question", "请说明用途", "periodWorkingDays", 5));
        assertThat(sectionAsks.status()).isEqualTo(403);
        assertThat(sectionAsks.body()).contains("urn:gongkai:problem:forbidden", "您的角色无权进行此操作");
        Response tooSoon = call(port, "office", "POST", base + "/reasonable-period", longer);
        assertThat(tooSoon.status()).isEqualTo(409);
        assertThat(tooSoon.body()).contains("urn:gongkai:problem:reasons-required", "说明理由");
        assertThat(call(port, "office", "POST", base + "/reasons-request", Map.of("question", "请说明用途", "periodWorkingDays", 16))
                .status()).isEqualTo(400);

        Response asked = call(port, "office", "POST", base + "/reasons-request",
                Map.of("question", "请说明一个月内提出三十件同类申请的用途", "periodWorkingDays", 5));
        assertThat(asked.status()).as(asked.body()).isEqualTo(200);
        String explainBy = applications.calendar().addWorkingDays(today, 5).due().toString();
        assertThat(json.readTree(asked.body()).get("reasonsRequest").get("explainBy").asString()).isEqualTo(explainBy);
        JsonNode publicView = json.readTree(call(port, null, "GET", "/api/public/applications/" + code, null).body());
        assertThat(publicView.get("reasonsRequest").get("question").asString()).isEqualTo("请说明一个月内提出三十件同类申请的用途");
        assertThat(publicView.get("reasonsRequest").get("explainBy").asString()).isEqualTo(explainBy);

        assertThat(call(port, "office", "POST", base + "/reasons", Map.of("explanation", "课题研究需要逐年比对")).status()).isEqualTo(200);
        Response set = call(port, "office", "POST", base + "/reasonable-period", longer);
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        String dueOn = applications.calendar().addWorkingDays(today, 20 + 15).due().toString();
        assertThat(json.readTree(set.body()).get("dueOn").asString()).isEqualTo(dueOn);
        Response lookedUp = call(port, null, "GET", "/api/public/applications/" + code, null);
        assertThat(json.readTree(lookedUp.body()).get("dueOn").asString()).isEqualTo(dueOn);
        assertThat(json.readTree(lookedUp.body()).get("reasonsRequest").get("explainedOn").asString()).isEqualTo(today.toString());
        assertThat(lookedUp.body()).doesNotContain("课题研究需要逐年比对", NAME, PHONE);

        TestEvents.Received requested = events.awaitType("gongkai.publication.application-reasons-requested.v1", r -> r.data().contains(id));
        TestEvents.assertMatchesFixture(requested);
        assertThat(requested.json().get("explainBy").asString()).isEqualTo(explainBy);
        assertThat(requested.data()).doesNotContain("用途", NAME);
        TestEvents.Received periodSet = events.awaitType("gongkai.publication.application-reasonable-period-set.v1",
                r -> r.data().contains(id));
        TestEvents.assertMatchesFixture(periodSet);
        assertThat(periodSet.json().get("dueOn").asString()).isEqualTo(dueOn);
        assertThat(periodSet.data()).doesNotContain("课题研究", NAME);
    }

    @Test
    void aVisitIsSupplementedConsultedChargedExtendedAndAnsweredAndEveryStepReachesTheBrokerAsItsContractSays() {
        LocalDate today = applications.today();
        Map<String, Object> visit = Map.of("channel", "IN_PERSON", "application", form(), "receivedOn", today.toString(),
                "receiptBasis", "SUBMITTED_IN_PERSON");
        JsonNode entered = json.readTree(call(port, "safety1", "POST", "/api/applications", visit).body());
        String id = entered.get("id").asString();
        String code = entered.get("queryCode").asString();
        String base = "/api/applications/" + id;

        assertThat(call(port, "safety1", "POST", base + "/supplement-request", Map.of("missing", "请写明文件的形成年份", "periodWorkingDays", 10))
                .status()).isEqualTo(200);
        JsonNode waiting = json.readTree(call(port, null, "GET", "/api/public/applications/" + code, null).body());
        assertThat(waiting.get("clockPaused").asBoolean()).isTrue();
        assertThat(waiting.get("dueOn").isNull()).isTrue();
        assertThat(waiting.get("supplement").get("missing").asString()).isEqualTo("请写明文件的形成年份");
        assertThat(call(port, "safety1", "POST", base + "/supplement", null).status()).isEqualTo(200);
        assertThat(call(port, "safety1", "POST", base + "/consultations", Map.of("consultee", "AGENCY", "note", "征求县财政局意见")).status())
                .isEqualTo(200);
        assertThat(call(port, "safety1", "POST", base + "/consultations/current/end", Map.of("consulteeAnswered", true)).status()).isEqualTo(200);
        assertThat(call(port, "safety1", "POST", base + "/fee", Map.of("amountFen", 5000)).status()).isEqualTo(200);
        assertThat(call(port, "safety1", "POST", base + "/fee-payment", null).status()).isEqualTo(200);
        Response extended = call(port, "office", "POST", base + "/extension", Map.of("extraWorkingDays", 5, "reason", "需调取档案"));
        assertThat(extended.status()).isEqualTo(200);
        // every pause began and ended today, so none moved the clock; the extension added 5 working days
        assertThat(json.readTree(extended.body()).get("dueOn").asString())
                .isEqualTo(applications.calendar().addWorkingDays(today, 25).due().toString());
        assertThat(call(port, "safety1", "POST", base + "/reply", Map.of("outcome", "NOT_DISCLOSED", "reason", "PROCESS_INFORMATION",
                "text", "所申请信息属于过程性信息，不予公开。", "legalBasis", "《中华人民共和国政府信息公开条例》第十六条第二款")).status()).isEqualTo(200);

        JsonNode withdrawn = json.readTree(call(port, "safety1", "POST", "/api/applications", visit).body());
        String withdrawnId = withdrawn.get("id").asString();
        assertThat(call(port, "safety1", "POST", "/api/applications/" + withdrawnId + "/closure", Map.of("note", "申请人撤回申请")).status())
                .isEqualTo(200);

        for (String type : java.util.List.of("received", "supplement-requested", "supplement-received", "consultation-started",
                "consultation-ended", "fee-charged", "fee-paid", "extended", "answered")) {
            TestEvents.assertMatchesFixture(events.awaitType("gongkai.publication.application-" + type + ".v1", r -> r.data().contains(id)));
        }
        TestEvents.Received closed = events.awaitType("gongkai.publication.application-closed.v1", r -> r.data().contains(withdrawnId));
        TestEvents.assertMatchesFixture(closed);
        assertThat(closed.json().get("reason").asString()).isEqualTo("OTHER");
    }

    @Test
    void badApplicationsAreChineseClientErrorsAndStoreNothing() {
        long before = repository.count();
        Map<String, Object> unknownType = form();
        unknownType.put("applicantType", "ALIEN");
        Response refused = submit(unknownType, null);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("urn:gongkai:problem:unknown-applicant-type", "申请人类型");
        Map<String, Object> noMedium = form();
        noMedium.remove("medium");
        assertThat(submit(noMedium, null).status()).isEqualTo(400);
        Map<String, Object> postWithoutAddress = form();
        postWithoutAddress.put("delivery", "POST");
        postWithoutAddress.remove("postalAddress");
        Response noAddress = submit(postWithoutAddress, null);
        assertThat(noAddress.status()).isEqualTo(422);
        assertThat(noAddress.body()).contains("通信地址").doesNotContain(NAME, ID_NUMBER);
        assertThat(repository.count()).isEqualTo(before);
    }
}
