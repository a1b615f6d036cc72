package org.gongkai.consultation.opinion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongkai.consultation.ConsultationTestSupport.comment;
import static org.gongkai.consultation.ConsultationTestSupport.openConsultation;
import static org.gongkai.testsupport.TestHttp.call;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gongkai.consultation.ConsultationIntegrationTest;
import org.gongkai.consultation.ConsultationTestSupport;
import org.gongkai.consultation.consultation.ConsultationService;
import org.gongkai.support.catalogue.CatalogueSnapshots;
import org.gongkai.testsupport.TestEvents;
import org.gongkai.testsupport.TestHttp.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/** Q2 over HTTP: suggestions on Chinese comments, confirming, splitting and merging opinions, decisions and feedback. */
@ConsultationIntegrationTest
class OpinionFeedbackIntegrationTest {

    static final List<String> LONGER_PERIOD = List.of(
            "建议将征求意见的期限延长到六十天，三十天太短了。",
            "建议把征求意见期限延长至六十天，三十天时间太短。",
            "征求意见期限太短，建议延长到六十天",
            "建议征求意见期限延长到六十天",
            "三十天太短了，建议将征求意见期限延长到六十天！");
    static final List<String> HIGHER_REWARD = List.of(
            "举报奖励的标准太低，建议提高到罚款金额的百分之二十。",
            "建议提高举报奖励标准，至少达到罚款金额的百分之二十！");
    static final String UNRELATED = "小区消防通道经常被私家车占用，希望加强管理。";

    @LocalServerPort
    int port;
    @Autowired
    TestEvents events;
    @Autowired
    CatalogueSnapshots snapshots;
    @Autowired
    ConsultationService consultations;
    @Autowired
    Clock clock;

    @BeforeEach
    void catalogueIsKnown() {
        ConsultationTestSupport.learnCatalogue(events, snapshots);
    }

    /** Comments from distinct clients; returns receipt by content. */
    private Map<String, String> submitAll(String consultationId, List<String> contents) {
        Map<String, String> receipts = new LinkedHashMap<>();
        int client = 1;
        for (String content : contents) {
            Response r = comment(port, consultationId, Map.of("content", content), "100.64.0." + client++, null);
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            receipts.put(content, r.json().get("receipt").asString());
        }
        return receipts;
    }

    private Map<String, String> commentIdsByContent(String consultationId) {
        Map<String, String> ids = new LinkedHashMap<>();
        for (JsonNode c : call(port, "safety1", "GET", "/api/consultations/" + consultationId + "/comments?size=100", null).json().get("items")) {
            ids.put(c.get("content").asString(), c.get("id").asString());
        }
        return ids;
    }

    private static List<String> contentsOf(JsonNode comments) {
        List<String> contents = new ArrayList<>();
        comments.forEach(c -> contents.add(c.get("content").asString()));
        return contents;
    }

    @Test
    void suggestionsPutNearDuplicateChineseCommentsTogetherAndKeepUnrelatedOnesApart() {
        String id = openConsultation(port, "safety1", false);
        List<String> all = new ArrayList<>(LONGER_PERIOD);
        all.addAll(HIGHER_REWARD);
        all.add(UNRELATED);
        submitAll(id, all);

        Response suggested = call(port, "safety1", "GET", "/api/consultations/" + id + "/opinion-suggestions", null);
        assertThat(suggested.status()).as(suggested.body()).isEqualTo(200);
        JsonNode groups = suggested.json();
        assertThat(groups).hasSize(2);
        assertThat(contentsOf(groups.get(0).get("comments"))).containsExactlyInAnyOrderElementsOf(LONGER_PERIOD);
        assertThat(contentsOf(groups.get(1).get("comments"))).containsExactlyInAnyOrderElementsOf(HIGHER_REWARD);
        assertThat(suggested.body()).doesNotContain("消防通道");

        assertThat(call(port, "safety1", "GET", "/api/consultations/" + id + "/opinion-suggestions?threshold=0.95", null).json())
                .isEmpty();
        assertThat(call(port, "safety1", "GET", "/api/consultations/" + id + "/opinion-suggestions?threshold=1.5", null).status())
                .isEqualTo(400);
        assertThat(call(port, "relief1", "GET", "/api/consultations/" + id + "/opinion-suggestions", null).status()).isEqualTo(404);
    }

    @Test
    void feedbackIsRefusedWhileAConcentratedOpinionLacksItsReasonThenPublishedWithCountsAndReasons() {
        String id = openConsultation(port, "safety1", true);
        List<String> all = new ArrayList<>(LONGER_PERIOD);
        all.addAll(HIGHER_REWARD);
        all.add(UNRELATED);
        Map<String, String> receipts = submitAll(id, all);
        Map<String, String> ids = commentIdsByContent(id);
        String base = "/api/consultations/" + id;

        // four comments: not yet concentrated, so "not adopted" may go without a reason for now
        Response period = call(port, "safety1", "POST", base + "/opinions", Map.of("summary", "征求意见期限应延长至60日",
                "commentIds", LONGER_PERIOD.subList(0, 4).stream().map(ids::get).toList()));
        assertThat(period.status()).as(period.body()).isEqualTo(201);
        assertThat(period.json().get("concentrated").asBoolean()).isFalse();
        String periodId = period.json().get("id").asString();
        assertThat(call(port, "safety1", "PUT", base + "/opinions/" + periodId + "/decision",
                Map.of("decision", "NOT_ADOPTED")).status()).isEqualTo(200);

        Response fifth = call(port, "safety1", "POST", base + "/opinions/" + periodId + "/comments",
                Map.of("commentIds", List.of(ids.get(LONGER_PERIOD.get(4)))));
        assertThat(fifth.json().get("commentCount").asInt()).isEqualTo(5);
        assertThat(fifth.json().get("concentrated").asBoolean()).isTrue();
        Response noReason = call(port, "safety1", "PUT", base + "/opinions/" + periodId + "/decision", Map.of("decision", "PARTLY_ADOPTED"));
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.body()).contains("urn:gongkai:problem:concentrated-opinion-reason-required",
                "请求内容无法处理", "属于集中意见，未完全采纳的须公开说明理由");
        Response noReasonInEnglish = call(port, "safety1", "PUT", base + "/opinions/" + periodId + "/decision",
                Map.of("decision", "PARTLY_ADOPTED"), Map.of("Accept-Language", "en"));
        assertThat(noReasonInEnglish.body()).contains("urn:gongkai:problem:concentrated-opinion-reason-required",
                "Unprocessable Content", "A concentrated opinion not fully adopted needs a published reason.").doesNotContain("集中意见");

        Response alreadyGrouped = call(port, "safety1", "POST", base + "/opinions", Map.of("summary", "重复分组",
                "commentIds", List.of(ids.get(LONGER_PERIOD.get(0)))));
        assertThat(alreadyGrouped.status()).isEqualTo(409);
        assertThat(alreadyGrouped.body()).contains("comment-already-grouped");

        String rewardId = call(port, "safety1", "POST", base + "/opinions", Map.of("summary", "提高举报奖励标准",
                "commentIds", HIGHER_REWARD.stream().map(ids::get).toList())).json().get("id").asString();
        String otherId = call(port, "safety1", "POST", base + "/opinions", Map.of("summary", "消防通道管理",
                "commentIds", List.of(ids.get(UNRELATED)))).json().get("id").asString();
        assertThat(call(port, "relief1", "PUT", base + "/opinions/" + rewardId + "/decision",
                Map.of("decision", "ADOPTED")).status()).as("another section").isEqualTo(404);
        assertThat(call(port, "safety1", "PUT", base + "/opinions/" + rewardId + "/decision", Map.of("decision", "ADOPTED")).status())
                .isEqualTo(200);
        assertThat(call(port, "safety1", "PUT", base + "/opinions/" + otherId + "/decision",
                Map.of("decision", "NOT_ADOPTED", "reason", "不属于本办法调整范围，已转交住建部门。")).status()).isEqualTo(200);

        Response whileOpen = call(port, "safety1", "POST", base + "/feedback", Map.of("finalDecisionChanges", "第五条奖励标准提高。"));
        assertThat(whileOpen.status()).isEqualTo(409);
        assertThat(whileOpen.body()).contains("urn:gongkai:problem:invalid-state");

        consultations.closeEndedPeriods(Clock.offset(clock, Duration.ofDays(31)).instant());

        Response refused = call(port, "safety1", "POST", base + "/feedback", Map.of("finalDecisionChanges", "第五条奖励标准提高。"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("urn:gongkai:problem:concentrated-opinion-reason-required", periodId);
        assertThat(call(port, null, "GET", "/api/public/consultations/" + id + "/feedback", null).body())
                .contains("urn:gongkai:problem:feedback-not-published");

        String reason = "征求意见期限已符合不少于30日的规定，且该办法需在汛期前施行。";
        assertThat(call(port, "safety1", "PUT", base + "/opinions/" + periodId + "/decision",
                Map.of("decision", "NOT_ADOPTED", "reason", reason)).status()).isEqualTo(200);
        Response published = call(port, "safety1", "POST", base + "/feedback",
                Map.of("finalDecisionChanges", "第五条举报奖励标准由罚款金额的5%提高到20%。"));
        assertThat(published.status()).as(published.body()).isEqualTo(201);

        Response report = call(port, null, "GET", "/api/public/consultations/" + id + "/feedback", null);
        assertThat(report.status()).isEqualTo(200);
        JsonNode feedback = report.json();
        assertThat(feedback.get("commentCount").asInt()).isEqualTo(8);
        assertThat(feedback.get("opinionCount").asInt()).isEqualTo(3);
        assertThat(feedback.get("adoptedCount").asInt()).isEqualTo(1);
        assertThat(feedback.get("partlyAdoptedCount").asInt()).isZero();
        assertThat(feedback.get("notAdoptedCount").asInt()).isEqualTo(2);
        assertThat(feedback.get("concentratedCount").asInt()).isEqualTo(1);
        assertThat(feedback.get("concentratedNotAdoptedCount").asInt()).isEqualTo(1);
        assertThat(feedback.get("finalDecisionChanges").asString()).contains("20%");
        JsonNode concentrated = feedback.get("opinions").get(0);
        assertThat(concentrated.get("concentrated").asBoolean()).isTrue();
        assertThat(concentrated.get("decision").asString()).isEqualTo("NOT_ADOPTED");
        assertThat(concentrated.get("decisionLabel").asString()).isEqualTo("未予采纳");
        assertThat(concentrated.get("reason").asString()).isEqualTo(reason);

        Response answered = call(port, null, "GET", "/api/public/comments/" + receipts.get(LONGER_PERIOD.get(2)), null);
        assertThat(answered.json().get("status").asString()).isEqualTo("ANSWERED");
        assertThat(answered.json().get("statusLabel").asString()).isEqualTo("已反馈");
        assertThat(answered.json().get("consultationStatusLabel").asString()).isEqualTo("已公布采纳情况");
        assertThat(answered.json().get("channelLabel").asString()).isEqualTo("政府网站");
        assertThat(answered.json().get("opinion").get("decisionLabel").asString()).isEqualTo("未予采纳");
        assertThat(answered.json().get("opinion").get("summary").asString()).isEqualTo("征求意见期限应延长至60日");
        assertThat(answered.json().get("opinion").get("decision").asString()).isEqualTo("NOT_ADOPTED");
        assertThat(answered.json().get("opinion").get("reason").asString()).isEqualTo(reason);

        TestEvents.Received decided = events.awaitType("gongkai.consultation.opinion-decided.v1",
                r -> r.data().contains(periodId) && r.data().contains("\"concentrated\":true"));
        TestEvents.assertMatchesFixture(decided);
        TestEvents.Received feedbackEvent = events.awaitType("gongkai.consultation.feedback-published.v1", r -> r.data().contains(id));
        TestEvents.assertMatchesFixture(feedbackEvent);
        assertThat(feedbackEvent.json().get("commentCount").asInt()).isEqualTo(8);
        assertThat(feedbackEvent.json().get("concentratedNotAdoptedCount").asInt()).isEqualTo(1);
        assertThat(feedbackEvent.json().get("section").asString()).isEqualTo("safety-coordination");

        assertThat(call(port, "safety1", "PUT", base + "/opinions/" + rewardId + "/decision", Map.of("decision", "NOT_ADOPTED",
                "reason", "改变主意")).body()).as("decisions are final once published").contains("urn:gongkai:problem:feedback-published");
        assertThat(call(port, "safety1", "POST", base + "/feedback", Map.of("finalDecisionChanges", "再次发布")).status()).isEqualTo(409);
    }

    @Test
    void staffSplitAndMergeOpinionsAndReceiptsFollowTheirComments() {
        String id = openConsultation(port, "safety1", false);
        List<String> all = new ArrayList<>(HIGHER_REWARD);
        all.add(UNRELATED);
        all.add("希望公布举报电话和受理时间");
        Map<String, String> receipts = submitAll(id, all);
        Map<String, String> ids = commentIdsByContent(id);
        String base = "/api/consultations/" + id;

        String mixedId = call(port, "safety1", "POST", base + "/opinions", Map.of("summary", "提高举报奖励标准",
                "commentIds", List.of(ids.get(HIGHER_REWARD.get(0)), ids.get(HIGHER_REWARD.get(1)), ids.get(UNRELATED))))
                .json().get("id").asString();
        Response grouped = call(port, null, "GET", "/api/public/comments/" + receipts.get(UNRELATED), null);
        assertThat(grouped.json().get("status").asString()).isEqualTo("GROUPED");
        assertThat(grouped.json().get("opinion").get("decision").isNull()).as("no decision before the feedback").isTrue();

        Response split = call(port, "safety1", "POST", base + "/opinions/" + mixedId + "/split",
                Map.of("summary", "加强消防通道管理", "commentIds", List.of(ids.get(UNRELATED))));
        assertThat(split.status()).as(split.body()).isEqualTo(201);
        assertThat(contentsOf(split.json().get("comments"))).containsExactly(UNRELATED);
        assertThat(call(port, null, "GET", "/api/public/comments/" + receipts.get(UNRELATED), null).json()
                .get("opinion").get("summary").asString()).isEqualTo("加强消防通道管理");
        assertThat(call(port, "safety1", "POST", base + "/opinions/" + mixedId + "/split",
                Map.of("summary", "全部拆走", "commentIds", HIGHER_REWARD.stream().map(ids::get).toList())).body())
                .contains("split-leaves-nothing");

        String hotlineId = call(port, "safety1", "POST", base + "/opinions", Map.of("summary", "公布举报电话",
                "commentIds", List.of(ids.get("希望公布举报电话和受理时间")))).json().get("id").asString();
        Response merged = call(port, "safety1", "POST", base + "/opinions/" + mixedId + "/merge", Map.of("opinionIds", List.of(hotlineId)));
        assertThat(merged.status()).as(merged.body()).isEqualTo(200);
        assertThat(merged.json().get("commentCount").asInt()).isEqualTo(3);
        assertThat(merged.json().get("audit").toString()).contains("merged", hotlineId);

        List<String> active = new ArrayList<>();
        call(port, "safety1", "GET", base + "/opinions", null).json().get("items").forEach(o -> active.add(o.get("id").asString()));
        assertThat(active).containsExactlyInAnyOrder(mixedId, split.json().get("id").asString());
        assertThat(call(port, "safety1", "PUT", base + "/opinions/" + hotlineId + "/decision", Map.of("decision", "ADOPTED")).body())
                .contains("opinion-merged");
        assertThat(call(port, null, "GET", "/api/public/comments/" + receipts.get("希望公布举报电话和受理时间"), null).json()
                .get("opinion").get("summary").asString()).isEqualTo("提高举报奖励标准");
    }
}
