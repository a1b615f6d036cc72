package org.gongkai.publication.attributereview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongkai.publication.PublicationTestSupport.draft;
import static org.gongkai.testsupport.TestHttp.call;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.gongkai.publication.PublicationTestSupport;
import org.gongkai.support.catalogue.CatalogueSnapshots;
import org.gongkai.testsupport.ServiceIntegrationTest;
import org.gongkai.testsupport.TestEvents;
import org.gongkai.testsupport.TestHttp.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** P4 and R1–R4 over HTTP, with their events on the real broker. */
@ServiceIntegrationTest
class AnnualReviewAndConcernsIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestEvents events;
    @Autowired
    CatalogueSnapshots snapshots;

    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void catalogueIsKnown() {
        PublicationTestSupport.ensureCatalogue(events, snapshots);
    }

    @Test
    void annualReviewChangesAnOnRequestDocumentToProactiveOnlyAfterTheSectionsOpinionAndTheOfficersClearance() {
        String id = json.readTree(call(port, "safety1", "POST", "/api/documents",
                draft("县应急〔2025〕88号", "ON_REQUEST", "PROCESS_INFORMATION")).body()).get("id").asString();
        call(port, "safety1", "POST", "/api/documents/" + id + "/submission", null);
        call(port, "office", "POST", "/api/documents/" + id + "/reviews", Map.of("decision", "APPROVE", "responsibleHead", "王局长"));
        call(port, "safety1", "POST", "/api/documents/" + id + "/issuance", Map.of("issuedOn", "2025-06-03"));

        assertThat(call(port, "safety1", "POST", "/api/attribute-reviews/2026", null).status()).isEqualTo(403);
        Response opened = call(port, "office", "POST", "/api/attribute-reviews/2026", null);
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        assertThat(opened.body()).contains(id, "ON_REQUEST", "\"attributeLabel\":\"依申请公开\"");
        assertThat(call(port, "office", "POST", "/api/attribute-reviews/2026", null).status()).isEqualTo(409);
        assertThat(call(port, "relief1", "GET", "/api/attribute-reviews/2026", null).body()).doesNotContain(id);
        assertThat(call(port, "safety1", "GET", "/api/attribute-reviews/2026", null).body()).contains(id);

        Response tooEarly = call(port, "office", "POST", "/api/attribute-reviews/2026/documents/" + id + "/decision",
                Map.of("decision", "CHANGE_TO_PROACTIVE", "reason", "过程已结束"));
        assertThat(tooEarly.status()).isEqualTo(409);
        assertThat(tooEarly.body()).contains("section-opinion-required", "调整文件 县应急〔2025〕88号 的公开属性前，须先记录起草股室的意见。");
        assertThat(call(port, "relief1", "POST", "/api/attribute-reviews/2026/documents/" + id + "/opinion",
                Map.of("opinion", "同意")).status()).isEqualTo(403);
        assertThat(call(port, "safety1", "POST", "/api/attribute-reviews/2026/documents/" + id + "/opinion",
                Map.of("opinion", "同意转为主动公开")).status()).isEqualTo(200);
        Response decided = call(port, "office", "POST", "/api/attribute-reviews/2026/documents/" + id + "/decision",
                Map.of("decision", "CHANGE_TO_PROACTIVE", "reason", "过程已结束"));
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        assertThat(decided.body()).contains("\"decision\":\"CHANGE_TO_PROACTIVE\"", "\"decisionLabel\":\"调整为主动公开\"");

        // 谁公开谁审查谁负责: the change waits for the confidentiality officer; the office alone cannot publish it
        JsonNode waiting = json.readTree(call(port, "office", "GET", "/api/documents/" + id, null).body());
        assertThat(waiting.get("disclosureAttribute").asString()).isEqualTo("ON_REQUEST");
        assertThat(waiting.get("pendingReview").asString()).isEqualTo("CONFIDENTIALITY");
        assertThat(waiting.get("pendingReviewLabel").asString()).isEqualTo("保密审查");
        assertThat(waiting.get("confidentialityClearance").get("outcomeLabel").asString()).isEqualTo("待保密审查");
        assertThat(waiting.get("confidentialityClearance").get("widenToLabel").asString()).isEqualTo("主动公开");
        Response refused = call(port, "office", "POST", "/api/documents/" + id + "/publication", null);
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.body()).contains("confidentiality-clearance-required", "保密审查", "与当前状态冲突");
        // Chinese first, English when the reader asks for it; the type stays the same
        String english = call(port, "office", "POST", "/api/documents/" + id + "/publication", null,
                Map.of("Accept-Language", "en-GB,en;q=0.9")).body();
        assertThat(english).contains("urn:gongkai:problem:confidentiality-clearance-required", "\"title\":\"Conflict\"",
                "confidentiality officer must clear").doesNotContain("保密审查");
        assertThat(call(port, "office", "POST", "/api/documents/" + id + "/reviews",
                Map.of("decision", "APPROVE", "responsibleHead", "王局长")).status()).isEqualTo(403);
        Response cleared = call(port, "secrecy", "POST", "/api/documents/" + id + "/reviews",
                Map.of("decision", "APPROVE", "note", "不涉密"));
        assertThat(cleared.status()).as(cleared.body()).isEqualTo(200);

        JsonNode document = json.readTree(call(port, "office", "GET", "/api/documents/" + id, null).body());
        assertThat(document.get("disclosureAttribute").asString()).isEqualTo("PROACTIVE");
        assertThat(document.get("markingLine").asString()).isEqualTo("此件公开发布");
        assertThat(document.get("publicationDueOn").isNull()).isFalse();
        TestEvents.Received changed = events.awaitType("gongkai.publication.document-attribute-changed.v1", r -> r.data().contains(id));
        TestEvents.assertMatchesFixture(changed);
        assertThat(changed.json().get("reviewYear").asInt()).isEqualTo(2026);
        assertThat(changed.json().get("publicationDueOn").asString()).isEqualTo(document.get("publicationDueOn").asString());
    }

    @Test
    void aConcernAnsweredAfter48HoursCountsAsLate() {
        Instant seen = Instant.now().minus(Duration.ofHours(72));
        Response registered = call(port, "relief1", "POST", "/api/concerns", Map.of("source", "微博", "link", "https://weibo.example/2",
                "firstSeenAt", seen.toString(), "summary", "受灾群众反映救助款未到位", "severity", "HIGH", "section", "disaster-relief"));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        String id = json.readTree(registered.body()).get("id").asString();
        assertThat(call(port, "safety1", "GET", "/api/concerns/" + id, null).status()).isEqualTo(404);

        assertThat(call(port, "relief1", "POST", "/api/concerns/" + id + "/responses", Map.of("text", "救助款已于今日发放",
                "channel", "gov-website", "at", seen.plus(Duration.ofHours(50)).toString())).status()).isEqualTo(403);
        Response answered = call(port, "office", "POST", "/api/concerns/" + id + "/responses", Map.of("text", "救助款已于今日发放",
                "channel", "gov-website", "at", seen.plus(Duration.ofHours(50)).toString()));
        assertThat(json.readTree(answered.body()).get("answeredOnTime").asBoolean()).isFalse();
        assertThat(json.readTree(answered.body()).get("severityLabel").asString()).isEqualTo("较大");
        assertThat(json.readTree(answered.body()).get("responses").get(0).get("channelLabel").asString()).isEqualTo("政府网站");
        TestEvents.Received event = events.awaitType("gongkai.publication.concern-answered.v1", r -> r.data().contains(id));
        assertThat(event.json().get("onTime").asBoolean()).isFalse();
        TestEvents.assertMatchesFixture(event);
        TestEvents.assertMatchesFixture(events.awaitType("gongkai.publication.concern-registered.v1", r -> r.data().contains(id)));

        // R1: the answer is public — what was asked, the answer, when, by which section; never who answered or the source link
        Response publicAnswer = call(port, null, "GET", "/api/public/concern-responses/" + id, null);
        assertThat(publicAnswer.status()).isEqualTo(200);
        assertThat(publicAnswer.body()).contains("受灾群众反映救助款未到位", "救助款已于今日发放", "disaster-relief")
                .doesNotContain("office", "weibo.example");
        assertThat(json.readTree(publicAnswer.body()).get("responses").get(0).get("channelLabel").asString()).isEqualTo("政府网站");
        assertThat(json.readTree(publicAnswer.body()).get("sectionLabel").asString()).isEqualTo("救灾和物资保障股");
        assertThat(call(port, null, "GET", "/api/public/concern-responses?size=100", null).body()).contains(id);

        Response major = call(port, "relief1", "POST", "/api/concerns", Map.of("source", "抖音", "firstSeenAt", Instant.now().toString(),
                "summary", "安置点秩序混乱", "severity", "MAJOR", "section", "disaster-relief"));
        String majorId = json.readTree(major.body()).get("id").asString();
        assertThat(call(port, "relief1", "POST", "/api/concerns/" + majorId + "/responses",
                Map.of("text", "回应", "channel", "gov-website")).status()).isEqualTo(409);
        assertThat(call(port, "relief1", "POST", "/api/concerns/" + majorId + "/escalation", Map.of(
                "departments", List.of("PROPAGANDA", "CYBERSPACE", "EMERGENCY", "DISCLOSURE"), "proposal", "联合发布")).status()).isEqualTo(200);
        TestEvents.assertMatchesFixture(events.awaitType("gongkai.publication.concern-escalated.v1", r -> r.data().contains(majorId)));
        assertThat(call(port, null, "GET", "/api/public/concern-responses/" + majorId, null).status()).isEqualTo(404);
    }
}
