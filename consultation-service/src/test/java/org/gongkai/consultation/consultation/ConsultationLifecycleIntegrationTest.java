package org.gongkai.consultation.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongkai.consultation.ConsultationTestSupport.comment;
import static org.gongkai.consultation.ConsultationTestSupport.draft;
import static org.gongkai.consultation.ConsultationTestSupport.todayInChina;
import static org.gongkai.testsupport.TestHttp.call;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.gongkai.consultation.ConsultationIntegrationTest;
import org.gongkai.consultation.ConsultationTestSupport;
import org.gongkai.support.catalogue.CatalogueSnapshots;
import org.gongkai.testsupport.TestEvents;
import org.gongkai.testsupport.TestHttp.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/** A consultation from draft to automatic closing over HTTP, with tokens, the real broker and a MongoDB wire server. */
@ConsultationIntegrationTest
class ConsultationLifecycleIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestEvents events;
    @Autowired
    CatalogueSnapshots snapshots;
    @Autowired
    ConsultationRepository consultations;
    @Autowired
    ConsultationScheduler scheduler;
    @Autowired
    Clock clock;

    @BeforeEach
    void catalogueIsKnown() {
        ConsultationTestSupport.learnCatalogue(events, snapshots);
    }

    @Test
    void draftIsOpenedPublishedAndClosedAutomaticallyWhenItsPeriodEnds() {
        Response created = call(port, "safety1", "POST", "/api/consultations", draft(true));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.json().get("status").asString()).isEqualTo("DRAFT");
        assertThat(created.json().get("statusLabel").asString()).isEqualTo("草稿");
        assertThat(created.json().get("sectionLabel").asString()).isEqualTo("安全生产综合协调股");
        assertThat(created.json().get("periodDays").asInt()).isEqualTo(30);

        assertThat(call(port, null, "GET", "/api/public/consultations/" + id, null).status()).as("a draft is not public").isEqualTo(404);
        assertThat(call(port, null, "GET", "/api/public/consultations?size=100", null).body()).doesNotContain(id);
        assertThat(comment(port, id, "草稿阶段的意见").status()).isEqualTo(404);

        Response opened = call(port, "safety1", "POST", "/api/consultations/" + id + "/opening", null);
        assertThat(opened.status()).as(opened.body()).isEqualTo(200);
        assertThat(opened.json().get("status").asString()).isEqualTo("OPEN");
        assertThat(opened.json().get("audit").toString()).contains("opened", "safety1");

        Response publicView = call(port, null, "GET", "/api/public/consultations/" + id, null);
        assertThat(publicView.status()).isEqualTo(200);
        assertThat(publicView.json().get("decisionBasis").asString()).contains("安全生产法");
        assertThat(publicView.json().get("acceptingComments").asBoolean()).isTrue();
        assertThat(publicView.json().get("statusLabel").asString()).isEqualTo("征求意见中");
        assertThat(publicView.json().get("channelLabels").toString()).contains("政府网站");
        assertThat(publicView.body()).doesNotContain("audit").doesNotContain("safety1").doesNotContain("drafter");
        assertThat(call(port, null, "GET", "/api/public/consultations?size=100", null).body()).contains(id);

        TestEvents.Received openedEvent = events.awaitType("gongkai.consultation.consultation-opened.v1", r -> r.data().contains(id));
        TestEvents.assertMatchesFixture(openedEvent);
        assertThat(openedEvent.json().get("section").asString()).isEqualTo("safety-coordination");
        assertThat(openedEvent.json().get("catalogueItemCode").asString()).isEqualTo("WS-03");

        String key = UUID.randomUUID().toString();
        Response taken = comment(port, id, Map.of("content", "建议提高举报奖励标准"), "198.51.100.60", key);
        assertThat(taken.status()).isEqualTo(201);

        scheduler.closeEndedPeriods(Clock.offset(clock, Duration.ofDays(29)));
        assertThat(consultations.findById(id).orElseThrow().status()).as("the last day still counts").isEqualTo(Consultation.Status.OPEN);

        assertThat(scheduler.closeEndedPeriods(Clock.offset(clock, Duration.ofDays(31)))).isPositive();
        assertThat(consultations.findById(id).orElseThrow().status()).isEqualTo(Consultation.Status.CLOSED);
        Response closedView = call(port, null, "GET", "/api/public/consultations/" + id, null);
        assertThat(closedView.json().get("status").asString()).isEqualTo("CLOSED");
        assertThat(closedView.json().get("acceptingComments").asBoolean()).isFalse();

        Response late = comment(port, id, "截止后提交的意见");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.body()).contains("urn:gongkai:problem:consultation-closed");
        Response retried = comment(port, id, Map.of("content", "建议提高举报奖励标准"), "198.51.100.61", key);
        assertThat(retried.status()).as("a retry of a comment taken in time still gets its receipt").isEqualTo(200);
        assertThat(retried.json().get("receipt").asString()).isEqualTo(taken.json().get("receipt").asString());

        TestEvents.Received closedEvent = events.awaitType("gongkai.consultation.consultation-closed.v1", r -> r.data().contains(id));
        TestEvents.assertMatchesFixture(closedEvent);
        assertThat(call(port, "safety1", "GET", "/api/consultations/" + id, null).json().get("audit").toString())
                .contains("closed", "system:consultation-closing");
    }

    @Test
    void anotherSectionCannotSeeOrManageTheConsultationAndLeadershipOnlyReads() {
        Response created = call(port, "safety1", "POST", "/api/consultations", draft(false));
        String id = created.json().get("id").asString();

        assertThat(call(port, "relief1", "GET", "/api/consultations/" + id, null).status()).isEqualTo(404);
        assertThat(call(port, "relief1", "POST", "/api/consultations/" + id + "/opening", null).status()).isEqualTo(404);
        assertThat(call(port, "relief1", "PUT", "/api/consultations/" + id, draft(true)).status()).isEqualTo(404);
        assertThat(call(port, "relief1", "GET", "/api/consultations?size=100", null).body()).doesNotContain(id);

        assertThat(call(port, "leader", "GET", "/api/consultations/" + id, null).status()).isEqualTo(200);
        Response leaderOpens = call(port, "leader", "POST", "/api/consultations/" + id + "/opening", null);
        assertThat(leaderOpens.status()).isEqualTo(403);
        assertThat(consultations.findById(id).orElseThrow().status()).isEqualTo(Consultation.Status.DRAFT);

        assertThat(call(port, "office", "POST", "/api/consultations/" + id + "/opening", null).status())
                .as("the disclosure office oversees every section").isEqualTo(200);
        assertThat(call(port, "relief1", "PUT", "/api/consultations/" + id + "/comment-visibility",
                Map.of("commentsPublic", true)).status()).isEqualTo(404);
        assertThat(call(port, "relief1", "GET", "/api/consultations/" + id + "/comments", null).status()).isEqualTo(404);
        assertThat(call(port, "relief1", "GET", "/api/consultations/" + id + "/opinions", null).status()).isEqualTo(404);
        assertThat(call(port, "relief1", "POST", "/api/consultations/" + id + "/comments",
                Map.of("channel", "HEARING", "content", "听证会意见")).status()).isEqualTo(404);
    }

    @Test
    void badDraftsAreClientErrorsAndNothingIsStored() {
        long before = consultations.count();

        Map<String, Object> tooShort = draft(true);
        tooShort.put("periodEnd", todayInChina().plusDays(28).toString());
        Response shortPeriod = call(port, "safety1", "POST", "/api/consultations", tooShort);
        assertThat(shortPeriod.status()).isEqualTo(422);
        assertThat(shortPeriod.body()).contains("urn:gongkai:problem:comment-period-too-short", "征求意见期限只有 29 天；一般不少于 30 日")
                .doesNotContain("calendar days");

        Map<String, Object> backwards = draft(true);
        backwards.put("periodEnd", todayInChina().minusDays(1).toString());
        backwards.put("shortPeriodReason", "紧急");
        assertThat(call(port, "safety1", "POST", "/api/consultations", backwards).body())
                .contains("urn:gongkai:problem:comment-period-ends-before-start");

        Map<String, Object> unknownItem = draft(true);
        unknownItem.put("catalogueItemCode", "WS-99");
        assertThat(call(port, "safety1", "POST", "/api/consultations", unknownItem).body())
                .contains("urn:gongkai:problem:unknown-catalogue-item");

        Map<String, Object> unknownChannel = draft(true);
        unknownChannel.put("channels", java.util.List.of("CARRIER_PIGEON"));
        assertThat(call(port, "safety1", "POST", "/api/consultations", unknownChannel).status()).isEqualTo(400);

        Map<String, Object> noBasis = draft(true);
        noBasis.remove("decisionBasis");
        Response missing = call(port, "safety1", "POST", "/api/consultations", noBasis);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("validation-failed", "decisionBasis");

        Map<String, Object> unknownField = draft(true);
        unknownField.put("priority", "high");
        assertThat(call(port, "safety1", "POST", "/api/consultations", unknownField).body()).contains("urn:gongkai:problem:unknown-field");

        assertThat(call(port, null, "POST", "/api/consultations", draft(true)).status()).isEqualTo(401);
        assertThat(call(port, "office", "POST", "/api/consultations", draft(true)).status()).as("drafting is for sections").isEqualTo(403);
        assertThat(consultations.count()).isEqualTo(before);
    }

    @Test
    void aShorterPeriodNeedsARecordedReasonWhichThePublicSees() {
        Map<String, Object> urgent = draft(true);
        urgent.put("periodEnd", todayInChina().plusDays(9).toString());
        urgent.put("shortPeriodReason", "汛期将至，防汛责任制须尽快实施");
        Response created = call(port, "safety1", "POST", "/api/consultations", urgent);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(call(port, "safety1", "POST", "/api/consultations/" + id + "/opening", null).status()).isEqualTo(200);

        JsonNode publicView = call(port, null, "GET", "/api/public/consultations/" + id, null).json();
        assertThat(publicView.get("shortPeriodReason").asString()).isEqualTo("汛期将至，防汛责任制须尽快实施");
        TestEvents.Received opened = events.awaitType("gongkai.consultation.consultation-opened.v1", r -> r.data().contains(id));
        assertThat(opened.json().get("shortPeriod").asBoolean()).isTrue();
    }
}
