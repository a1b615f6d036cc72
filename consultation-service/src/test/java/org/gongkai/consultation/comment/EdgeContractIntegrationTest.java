package org.gongkai.consultation.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongkai.consultation.ConsultationTestSupport.openConsultation;
import static org.gongkai.testsupport.TestHttp.call;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.gongkai.consultation.ConsultationIntegrationTest;
import org.gongkai.consultation.ConsultationTestSupport;
import org.gongkai.consultation.consultation.Consultation;
import org.gongkai.support.catalogue.CatalogueSnapshots;
import org.gongkai.testsupport.TestEvents;
import org.gongkai.testsupport.TestHttp;
import org.gongkai.testsupport.TestTokens;
import org.gongkai.testsupport.corpus.BadRequestCorpus;
import org.gongkai.testsupport.corpus.RawHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The edge of a service answers every bad request with a Chinese problem (RFC 9457, stable type), whichever layer
 * refuses it: Tomcat, the security firewall, Spring MVC, Jackson or the domain; and stores nothing.
 */
@ConsultationIntegrationTest
class EdgeContractIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    TestEvents events;
    @Autowired
    CatalogueSnapshots snapshots;
    @Autowired
    CommentRepository comments;
    @Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;

    @BeforeEach
    void catalogueIsKnown() {
        ConsultationTestSupport.learnCatalogue(events, snapshots);
    }

    private long consultationCount() {
        return mongo.getCollection(mongo.getCollectionName(Consultation.class)).countDocuments();
    }

    private String commentsOf(String consultationId) {
        return "/api/public/consultations/" + consultationId + "/comments";
    }

    private RawHttp.Response post(String target, String contentType, String body, Map<String, String> extra) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        headers.putAll(extra);
        return RawHttp.send(port, "POST", target, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anArrayWhereAnObjectIsExpectedIsAChineseProblemNamingNoClass() {
        String id = openConsultation(port, "safety1", false);
        RawHttp.Response answer = post(commentsOf(id), "application/json", "[]", Map.of());
        JsonNode problem = assertProblem(answer, 400, "malformed-request");
        assertThat(problem.path("detail").asString()).contains("JSON");
        assertThat(comments.findByConsultationIdOrderByReceivedAt(id)).isEmpty();
    }

    @Test
    void multipartWithoutABoundaryOnAJsonRouteIsUnsupportedMediaType() {
        String id = openConsultation(port, "safety1", false);
        assertProblem(post(commentsOf(id), "multipart/form-data", "{\"content\":\"建议\"}", Map.of()), 415, "http-415");
        assertProblem(post("/api/consultations", "multipart/form-data", "{}",
                Map.of("Authorization", "Bearer " + TestTokens.forUser("safety1"))), 415, "http-415");
        assertThat(comments.findByConsultationIdOrderByReceivedAt(id)).isEmpty();
    }

    @Test
    void anIdempotencyKeyWithBytesOutsideAsciiIsABadRequest() {
        String id = openConsultation(port, "safety1", false);
        RawHttp.Response answer = post(commentsOf(id), "application/json", "{\"content\":\"建议增加夜间值班人员。\"}",
                Map.of("Idempotency-Key", "key-\u0080\u0085\u009f"));
        assertProblem(answer, 400, "malformed-request");
        assertThat(comments.findByConsultationIdOrderByReceivedAt(id)).isEmpty();
    }

    @Test
    void absurdDatesAreRefusedNamingTheFieldAndNothingIsStored() {
        long before = consultationCount();
        for (String date : new String[] {"+999999999-12-31", "-999999999-01-01", "1900-01-01"}) {
            Map<String, Object> draft = new HashMap<>(ConsultationTestSupport.draft(false));
            draft.put("periodEnd", date);
            TestHttp.Response answer = call(port, "safety1", "POST", "/api/consultations", draft);
            assertThat(answer.status()).as(answer.body()).isEqualTo(400);
            assertThat(answer.body()).contains("urn:gongkai:problem:invalid-field", "periodEnd", "1949");
        }
        assertThat(consultationCount()).isEqualTo(before);
    }

    @Test
    void textIsCleanNfcFromStringsOnlyAndEnumsGoByCode() {
        String id = openConsultation(port, "safety1", false);
        for (String bad : new String[] {"\"建议\\u0000隐藏\"", "\"\\u202e议建\"", "\"建议\\ud800\"", "12345", "true"}) {
            RawHttp.Response answer = post(commentsOf(id), "application/json", "{\"content\":" + bad + "}", Map.of());
            JsonNode problem = assertProblem(answer, 400, "invalid-field");
            assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("content");
        }
        assertThat(comments.findByConsultationIdOrderByReceivedAt(id)).isEmpty();

        RawHttp.Response decomposed = post(commentsOf(id), "application/json", "{\"content\":\"建议修改第e\\u0301条\"}", Map.of());
        assertThat(decomposed.status()).as(decomposed.body()).isEqualTo(201);
        assertThat(comments.findByConsultationIdOrderByReceivedAt(id)).singleElement()
                .satisfies(c -> assertThat(c.content()).isEqualTo("建议修改第é条"));

        Map<String, Object> byOrdinal = new HashMap<>(ConsultationTestSupport.draft(false));
        byOrdinal.put("channels", java.util.List.of(0));
        TestHttp.Response ordinal = call(port, "safety1", "POST", "/api/consultations", byOrdinal);
        assertThat(ordinal.status()).as(ordinal.body()).isEqualTo(400);
        assertThat(ordinal.body()).contains("channels");
    }

    @Test
    void onlyRequestsAreReadStrictlyNotOurOwnEvents(@Autowired JsonMapper sharedMapper) {
        // the mapper events and the event log are read with keeps reading what was once written
        assertThat(sharedMapper.readValue("\"早先\\u202e的标题\"", String.class)).isEqualTo("早先\u202e的标题");
        assertThat(sharedMapper.readValue("\"1900-01-01\"", java.time.LocalDate.class)).hasYear(1900);
    }

    @Test
    void whatTomcatAndTheFrameworkRefuseIsAProblemTooNeverAnHtmlPage() {
        assertProblem(RawHttp.send(port, "GET", "/api/public/consultations/%00", Map.of(), null), 400, "malformed-request");
        assertProblem(RawHttp.send(port, "GET", "/api/public/consultations/a%2Fb", Map.of(), null), 400, "malformed-request");
        assertProblem(RawHttp.send(port, "GET", "/api/public/consultations", Map.of("X-Correlation-Id", "a\u0001b"), null),
                400, "malformed-request");
        assertProblem(RawHttp.send(port, "GET", "/api/public/no-such-route", Map.of("Accept", "text/html"), null), 404, "http-404");
        assertProblem(RawHttp.send(port, "PATCH", "/api/public/consultations", Map.of(), null), 405, "http-405");
        assertProblem(RawHttp.send(port, "GET", "/api/public/consultations", Map.of("Accept", "application/xml"), null), 406, "http-406");
        assertProblem(RawHttp.send(port, "GET", "/error", Map.of("Accept", "text/html"), null), 404, "http-404");
        assertProblem(RawHttp.send(port, "GET", "/api/public/consultations/any/comments?page=%E4%B8", Map.of(), null), 400, "malformed-request");
    }

    @Test
    void actuatorBeyondHealthIsForAdministrators() {
        assertThat(call(port, null, "GET", "/actuator/health", null).status()).isEqualTo(200);
        assertThat(call(port, null, "GET", "/actuator/health/readiness", null).status()).isEqualTo(200);
        assertProblem(RawHttp.send(port, "GET", "/actuator/metrics", Map.of(), null), 401, "unauthenticated");
        assertProblem(RawHttp.send(port, "GET", "/actuator/metrics",
                Map.of("Authorization", "Bearer " + TestTokens.forUser("office")), null), 403, "forbidden");
        assertProblem(RawHttp.send(port, "GET", "/actuator/prometheus",
                Map.of("Authorization", "Bearer " + TestTokens.forUser("leader")), null), 403, "forbidden");
        assertThat(call(port, "admin", "GET", "/actuator/metrics", null).status()).isEqualTo(200);
    }

    private static JsonNode assertProblem(RawHttp.Response answer, int status, String slug) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).as(answer.body()).startsWith("application/problem+json");
        assertThat(answer.body()).doesNotContainPattern(BadRequestCorpus.INTERNAL_NAMES);
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.path("type").asString()).isEqualTo("urn:gongkai:problem:" + slug);
        assertThat(problem.path("title").asString()).containsPattern("\\p{IsHan}");
        assertThat(problem.path("detail").asString()).containsPattern("\\p{IsHan}");
        return problem;
    }
}
