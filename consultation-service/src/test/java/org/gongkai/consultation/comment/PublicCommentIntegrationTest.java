package org.gongkai.consultation.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongkai.consultation.ConsultationTestSupport.comment;
import static org.gongkai.consultation.ConsultationTestSupport.openConsultation;
import static org.gongkai.testsupport.TestHttp.call;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

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

/** Anonymous comments through the public route: receipts, idempotent retries, duplicates, privacy and bad input. */
@ConsultationIntegrationTest
class PublicCommentIntegrationTest {

    private static final String PHONE = "13912345678";
    private static final String NAME = "王建国";
    private static final String EMAIL = "wang.jianguo@example.cn";

    @LocalServerPort
    int port;
    @Autowired
    TestEvents events;
    @Autowired
    CatalogueSnapshots snapshots;
    @Autowired
    CommentRepository comments;

    @BeforeEach
    void catalogueIsKnown() {
        ConsultationTestSupport.learnCatalogue(events, snapshots);
    }

    @Test
    void anonymousCommentGetsAReceiptWithWhichItsStatusIsLookedUp() {
        String id = openConsultation(port, "safety1", false);
        Response submitted = comment(port, id, Map.of("content", "建议把举报奖励的兑付期限缩短到十五个工作日。"), "198.51.100.20", null);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        String receipt = submitted.json().get("receipt").asString();
        assertThat(receipt).hasSizeGreaterThanOrEqualTo(20).matches("[A-Za-z0-9_-]+");
        assertThat(submitted.headers().getLocation()).hasToString("/api/public/comments/" + receipt);

        Response status = call(port, null, "GET", "/api/public/comments/" + receipt, null);
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.json().get("status").asString()).isEqualTo("RECEIVED");
        assertThat(status.json().get("consultationId").asString()).isEqualTo(id);
        assertThat(status.json().get("channel").asString()).isEqualTo("WEBSITE");
        assertThat(status.json().get("opinion").isNull()).isTrue();

        assertThat(call(port, null, "GET", "/api/public/comments/" + receipt.substring(1) + "x", null).status()).isEqualTo(404);
        assertThat(call(port, null, "GET", "/api/public/comments/not-a-receipt", null).body())
                .contains("urn:gongkai:problem:receipt-not-found");
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyYieldsOneComment() {
        String id = openConsultation(port, "safety1", false);
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("content", "建议明确举报人身份信息的保密责任。", "contact", PHONE);

        Response first = comment(port, id, body, "198.51.100.21", key);
        Response retry = comment(port, id, body, "198.51.100.99", key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.headers().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.json().get("receipt").asString()).isEqualTo(first.json().get("receipt").asString());
        assertThat(comments.findByConsultationIdOrderByReceivedAt(id)).hasSize(1);

        Response retryWithBadContact = comment(port, id, Map.of("content", "建议明确举报人身份信息的保密责任。", "contact", "不是联系方式"),
                "198.51.100.98", key);
        assertThat(retryWithBadContact.status()).as("the stored comment answers a retry, not the retry's new fields").isEqualTo(200);
        assertThat(retryWithBadContact.json().get("receipt").asString()).isEqualTo(first.json().get("receipt").asString());

        Response reused = comment(port, id, Map.of("content", "另一条完全不同的意见"), "198.51.100.21", key);
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.body()).contains("urn:gongkai:problem:idempotency-key-reused");
        assertThat(comments.findByConsultationIdOrderByReceivedAt(id)).hasSize(1);
    }

    @Test
    void aKeyReusedForTextTheClientSentBeforeIsRefused_notAnsweredAsADuplicate() {
        String id = openConsultation(port, "safety1", false);
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        Map<String, Object> earlier = Map.of("content", "建议在乡镇设立安全生产咨询点。");
        assertThat(comment(port, id, earlier, "198.51.100.30", first).status()).isEqualTo(201);
        assertThat(comment(port, id, Map.of("content", "建议增加应急演练的频次。"), "198.51.100.30", second).status()).isEqualTo(201);

        // the earlier text again from the same client, under the key of the other text: the key decides
        Response reused = comment(port, id, earlier, "198.51.100.30", second);
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.body()).contains("urn:gongkai:problem:idempotency-key-reused");
        assertThat(comments.findByConsultationIdOrderByReceivedAt(id)).hasSize(2);
    }

    @Test
    void concurrentRetriesWithTheSameKeyCannotCreateTwoComments() throws Exception {
        String id = openConsultation(port, "safety1", false);
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("content", "同时重试的意见：建议设立二十四小时举报热线。");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Response>> retries = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String client = "198.51.100." + (100 + i);
                retries.add(() -> comment(port, id, body, client, key));
            }
            List<Response> responses = new ArrayList<>();
            for (Future<Response> future : pool.invokeAll(retries)) {
                responses.add(future.get());
            }
            assertThat(responses).extracting(Response::status).allMatch(s -> s == 200 || s == 201);
            Set<String> receipts = responses.stream().map(r -> r.json().get("receipt").asString()).collect(Collectors.toSet());
            assertThat(receipts).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(comments.findByConsultationIdOrderByReceivedAt(id)).hasSize(1);
    }

    @Test
    void theSameTextFromTheSameClientShortlyAfterIsADuplicate() {
        String id = openConsultation(port, "safety1", false);
        Map<String, Object> body = Map.of("content", "建议对举报重大事故隐患的奖励不设上限。");
        Response first = comment(port, id, body, "203.0.113.5", null);
        Response again = comment(port, id, Map.of("content", "  建议对举报重大事故隐患的奖励不设上限。\n"), "203.0.113.5", null);
        Response forgedHop = comment(port, id, body, "10.9.9.9, 203.0.113.5", null);
        Response otherClient = comment(port, id, body, "203.0.113.6", null);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("receipt").asString()).isEqualTo(first.json().get("receipt").asString());
        assertThat(forgedHop.json().get("receipt").asString()).as("only the gateway's own hop counts")
                .isEqualTo(first.json().get("receipt").asString());
        assertThat(otherClient.status()).isEqualTo(201);
        assertThat(otherClient.json().get("receipt").asString()).isNotEqualTo(first.json().get("receipt").asString());
        assertThat(comments.findByConsultationIdOrderByReceivedAt(id)).hasSize(2)
                .allSatisfy(c -> assertThat(c.clientFingerprint()).doesNotContain("203.0.113"));
    }

    @Test
    void nameAndContactNeverLeaveThroughAPublicRouteOrAnEvent() {
        String id = openConsultation(port, "safety1", true);
        Response byPhone = comment(port, id, Map.of("content", "建议公开举报受理和奖励兑付的办理进度。", "name", NAME, "contact", PHONE),
                "192.0.2.10", null);
        Response byEmail = comment(port, id, Map.of("content", "<b>建议</b>增加网上举报渠道<script>alert(1)</script>", "name", NAME,
                "contact", EMAIL), "192.0.2.11", null);
        assertThat(byPhone.status()).as(byPhone.body()).isEqualTo(201);
        assertThat(byEmail.status()).as(byEmail.body()).isEqualTo(201);

        List<Response> publicAnswers = List.of(byPhone, byEmail,
                call(port, null, "GET", "/api/public/comments/" + byPhone.json().get("receipt").asString(), null),
                call(port, null, "GET", "/api/public/comments/" + byEmail.json().get("receipt").asString(), null),
                call(port, null, "GET", "/api/public/consultations/" + id + "/comments", null),
                call(port, null, "GET", "/api/public/consultations/" + id, null),
                call(port, null, "GET", "/api/public/consultations", null));
        for (Response answer : publicAnswers) {
            assertThat(answer.body()).doesNotContain(PHONE, EMAIL, NAME, "contact", "192.0.2.1");
        }

        Response listed = call(port, null, "GET", "/api/public/consultations/" + id + "/comments", null);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.headers().getContentType().toString()).startsWith("application/json");
        assertThat(listed.json().get("items")).hasSize(2);
        assertThat(listed.json().get("total").asLong()).isEqualTo(2);
        assertThat(listed.body()).as("plain text is returned as given, inside JSON").contains("<b>建议</b>增加网上举报渠道<script>alert(1)</script>");

        List<TestEvents.Received> received = List.of(
                events.awaitType("gongkai.consultation.comment-received.v1", r -> r.data().contains(id) && r.data().contains("WEBSITE")));
        TestEvents.assertMatchesFixture(received.get(0));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).until(() ->
                events.received().stream().filter(r -> r.type().equals("gongkai.consultation.comment-received.v1"))
                        .filter(r -> r.data().contains(id)).count() == 2);
        for (TestEvents.Received event : events.received()) {
            assertThat(event.data()).doesNotContain(PHONE, EMAIL, NAME, "增加网上举报渠道", "192.0.2.1");
            assertThat(event.headers().toString()).doesNotContain(PHONE, EMAIL, NAME);
        }

        Response staffView = call(port, "safety1", "GET", "/api/consultations/" + id + "/comments", null);
        assertThat(staffView.body()).as("the section itself may reach the citizen").contains(PHONE, EMAIL, NAME);
    }

    @Test
    void commentsAreShownPubliclyOnlyWhenTheSectionChoseSoAndNeverWhenHidden() {
        String id = openConsultation(port, "safety1", false);
        comment(port, id, Map.of("content", "建议奖励资金纳入县级财政预算。"), "192.0.2.30", null);
        Response spam = comment(port, id, Map.of("content", "低价代办安全生产许可证，加微信"), "192.0.2.31", null);
        Response notShown = call(port, null, "GET", "/api/public/consultations/" + id + "/comments", null);
        assertThat(notShown.status()).isEqualTo(404);
        assertThat(notShown.body()).contains("urn:gongkai:problem:comments-not-public");

        assertThat(call(port, "safety1", "PUT", "/api/consultations/" + id + "/comment-visibility",
                Map.of("commentsPublic", true, "reason", "公开意见便于社会监督")).status()).isEqualTo(200);
        assertThat(call(port, null, "GET", "/api/public/consultations/" + id + "/comments", null).json().get("items")).hasSize(2);

        String spamId = comments.findByReceipt(spam.json().get("receipt").asString()).orElseThrow().id();
        String moderation = "/api/consultations/" + id + "/comments/" + spamId + "/moderation";
        assertThat(call(port, "relief1", "POST", moderation, Map.of("hidden", true, "reason", "广告")).status()).isEqualTo(404);
        assertThat(call(port, "leader", "POST", moderation, Map.of("hidden", true, "reason", "广告")).status()).isEqualTo(403);
        assertThat(call(port, "safety1", "POST", moderation, Map.of("hidden", true)).status()).as("a reason is required").isEqualTo(400);
        Response hidden = call(port, "safety1", "POST", moderation, Map.of("hidden", true, "reason", "广告信息"));
        assertThat(hidden.status()).isEqualTo(200);
        assertThat(hidden.json().get("audit").toString()).contains("hidden", "safety1", "广告信息");

        JsonNode shown = call(port, null, "GET", "/api/public/consultations/" + id + "/comments", null).json().get("items");
        assertThat(shown).hasSize(1);
        assertThat(shown.toString()).doesNotContain("代办");
        Response spamStatus = call(port, null, "GET", "/api/public/comments/" + spam.json().get("receipt").asString(), null);
        assertThat(spamStatus.json().get("status").asString()).isEqualTo("HIDDEN");
        assertThat(spamStatus.json().get("moderationReason").asString()).isEqualTo("广告信息");
    }

    @Test
    void staffEnterOfflineOpinionsWithTheirChannel() {
        String id = openConsultation(port, "safety1", true);
        Response entered = call(port, "safety1", "POST", "/api/consultations/" + id + "/comments",
                Map.of("channel", "SYMPOSIUM", "content", "企业座谈会：建议对主动报告隐患的企业减免处罚。", "name", "某化工企业"));
        assertThat(entered.status()).as(entered.body()).isEqualTo(201);
        assertThat(entered.json().get("enteredBy").asString()).isEqualTo("safety1");
        assertThat(call(port, "safety1", "POST", "/api/consultations/" + id + "/comments",
                Map.of("channel", "WEBSITE", "content", "网上意见")).body()).contains("urn:gongkai:problem:offline-channel-required");
        TestEvents.Received event = events.awaitType("gongkai.consultation.comment-received.v1",
                r -> r.data().contains(id) && r.data().contains("SYMPOSIUM"));
        assertThat(event.data()).doesNotContain("某化工企业");
    }

    @Test
    void eachBadSubmissionIsAProblemAndNothingIsStored() {
        String id = openConsultation(port, "safety1", false);
        long before = comments.count();

        assertProblem(comment(port, id, Map.of("content", ""), null, null), 400, "validation-failed");
        assertProblem(comment(port, id, Map.of("content", "   "), null, null), 400, "validation-failed");
        assertProblem(comment(port, id, Map.of("name", "张三"), null, null), 400, "validation-failed");
        assertProblem(comment(port, id, Map.of("content", "长".repeat(2001)), null, null), 400, "validation-failed");
        assertProblem(comment(port, id, Map.of("content", "建议", "contact", "12345"), null, null), 422, "invalid-contact");
        assertProblem(comment(port, id, Map.of("content", "建议", "contact", "not-an-email@"), null, null), 422, "invalid-contact");
        assertProblem(comment(port, id, Map.of("content", "建议", "name", "名".repeat(51)), null, null), 400, "validation-failed");
        Map<String, Object> unknownField = new HashMap<>(Map.of("content", "建议", "email", "a@b.cn"));
        assertProblem(comment(port, id, unknownField, null, null), 400, "unknown-field");
        assertProblem(call(port, null, "POST", "/api/public/consultations/" + id + "/comments", "{not json"), 400, "malformed-request");
        assertProblem(comment(port, id, Map.of("content", "建议"), null, "has space"), 422, "invalid-idempotency-key");
        assertProblem(comment(port, "no-such-consultation", Map.of("content", "建议"), null, null), 404, "consultation-not-found");

        String draftId = call(port, "safety1", "POST", "/api/consultations", ConsultationTestSupport.draft(true)).json().get("id").asString();
        assertProblem(comment(port, draftId, Map.of("content", "建议"), null, null), 404, "consultation-not-found");

        assertThat(comments.count()).isEqualTo(before);
    }

    private static void assertProblem(Response response, int status, String slug) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().getContentType().toString()).startsWith("application/problem+json");
        assertThat(response.body()).contains("urn:gongkai:problem:" + slug);
    }
}
