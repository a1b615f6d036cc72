package org.gongkai.publication.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongkai.publication.PublicationTestSupport.draft;
import static org.gongkai.testsupport.TestHttp.call;

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

import tools.jackson.databind.json.JsonMapper;

/** I1–I6 over HTTP: no issuance without a reviewed interpretation; both released together; overdue announced. */
@ServiceIntegrationTest
class InterpretationAndOverdueIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestEvents events;
    @Autowired
    CatalogueSnapshots snapshots;
    @Autowired
    DocumentService documents;

    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void catalogueIsKnown() {
        PublicationTestSupport.ensureCatalogue(events, snapshots);
    }

    @Test
    void documentForTheExecutiveMeetingIsIssuedOnlyWithAReviewedInterpretationAndAnnouncedWhenOverdue() {
        Map<String, Object> request = draft("县应急〔2024〕70号", "PROACTIVE", null);
        request.put("interpretationNeed", Map.of("submittedToExecutiveMeeting", true));
        String id = json.readTree(call(port, "safety1", "POST", "/api/documents", request).body()).get("id").asString();
        assertThat(call(port, "safety1", "GET", "/api/documents/" + id, null).body()).contains("\"requiresInterpretation\":true");
        call(port, "safety1", "POST", "/api/documents/" + id + "/submission", null);
        call(port, "office", "POST", "/api/documents/" + id + "/reviews", Map.of("decision", "APPROVE", "responsibleHead", "王局长"));

        Response refused = call(port, "safety1", "POST", "/api/documents/" + id + "/issuance", Map.of("issuedOn", "2024-09-02"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("interpretation-required");

        Map<String, Object> interpretation = Map.of("content", "一图读懂专项整治", "forms", List.of("INFOGRAPHIC", "VIDEO"),
                "textUsesCasesDataOrQa", false, "elementsCovered", List.of("BACKGROUND_AND_BASIS", "GOALS_AND_TASKS", "MAIN_CONTENT",
                        "MEASURES", "APPLICABLE_SUBJECTS", "NOTES", "KEY_TERMS", "OLD_VS_NEW_DIFFERENCES", "INTERPRETING_ORGAN"),
                "media", List.of(Map.of("form", "VIDEO", "title", "专项整治视频解读", "location", "https://yjj.example.gov.cn/video/70")));
        Map<String, Object> unlinkedMedia = new java.util.HashMap<>(interpretation);
        unlinkedMedia.put("media", List.of(Map.of("form", "VIDEO", "title", "视频", "location", "稍后上传")));
        Response badMedia = call(port, "safety1", "PUT", "/api/documents/" + id + "/interpretation", unlinkedMedia);
        assertThat(badMedia.status()).isEqualTo(422);
        assertThat(badMedia.body()).contains("media-location-invalid");
        assertThat(call(port, "relief1", "PUT", "/api/documents/" + id + "/interpretation", interpretation).status()).isEqualTo(404);
        assertThat(call(port, "safety1", "PUT", "/api/documents/" + id + "/interpretation", interpretation).status()).isEqualTo(200);
        assertThat(call(port, "safety1", "POST", "/api/documents/" + id + "/issuance", Map.of("issuedOn", "2024-09-02")).status()).isEqualTo(409);
        assertThat(call(port, "office", "POST", "/api/documents/" + id + "/interpretation/review", null).status()).isEqualTo(200);
        assertThat(call(port, "safety1", "POST", "/api/documents/" + id + "/issuance", Map.of("issuedOn", "2024-09-02")).status()).isEqualTo(200);

        // issued in 2024 and still not published: the deadline watch announces it, once
        assertThat(documents.announceOverdue()).isGreaterThanOrEqualTo(1);
        assertThat(documents.announceOverdue()).isZero();
        TestEvents.Received overdue = events.awaitType("gongkai.publication.document-publication-overdue.v1", r -> r.data().contains(id));
        TestEvents.assertMatchesFixture(overdue);
        assertThat(call(port, "office", "GET", "/api/documents/deadline-board?size=100", null).body()).contains(id, "\"overdue\":true");
        assertThat(call(port, "safety1", "GET", "/api/documents/deadline-board?size=100", null).status()).isEqualTo(403);

        assertThat(call(port, "office", "POST", "/api/documents/" + id + "/publication", Map.of("publishedOn", "2024-11-20")).status()).isEqualTo(200);
        TestEvents.Received interpreted = events.awaitType("gongkai.publication.interpretation-published.v1", r -> r.data().contains(id));
        TestEvents.assertMatchesFixture(interpreted);
        assertThat(interpreted.json().get("nonText").asBoolean()).isTrue();

        // I6: the public sees the interpretation with its document, in its own list and page, and finds it by a keyword
        Response publicDocument = call(port, null, "GET", "/api/public/documents/" + id, null);
        assertThat(json.readTree(publicDocument.body()).get("interpretation").get("content").asString()).isEqualTo("一图读懂专项整治");
        assertThat(publicDocument.body()).contains("https://yjj.example.gov.cn/video/70", "视频解读").doesNotContain("draftedBy", "safety1");
        Response listed = call(port, null, "GET", "/api/public/interpretations?q=一图读懂&size=5", null);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body()).contains(id, "\"size\":5");
        assertThat(call(port, null, "GET", "/api/public/interpretations/" + id, null).status()).isEqualTo(200);
        assertThat(call(port, null, "GET", "/api/public/interpretations?size=1000", null).status()).isEqualTo(400);
        // a framework-detected mistake is a Chinese problem with a stable type as well
        Response missing = call(port, null, "GET", "/api/public/calendar/deadline?workingDays=20", null);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("urn:gongkai:problem:missing-parameter", "缺少必填参数“start”", "请求有误");
        assertThat(events.awaitType("gongkai.publication.document-published.v1", r -> r.data().contains(id)).json()
                .get("onTime").asBoolean()).isFalse();
    }
}
