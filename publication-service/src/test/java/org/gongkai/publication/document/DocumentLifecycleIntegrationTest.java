package org.gongkai.publication.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongkai.publication.PublicationTestSupport.draft;
import static org.gongkai.testsupport.TestHttp.call;

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

/** The document lifecycle over HTTP with Keycloak-shaped tokens, the real broker and a MongoDB wire server. */
@ServiceIntegrationTest
class DocumentLifecycleIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestEvents events;
    @Autowired
    CatalogueSnapshots snapshots;
    @Autowired
    DocumentRepository documents;

    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void catalogueIsKnown() {
        PublicationTestSupport.ensureCatalogue(events, snapshots);
    }

    @Test
    void proactiveDocumentGoesFromDraftToThePublicWebsiteAndTellsOtherServices() {
        Response created = call(port, "safety1", "POST", "/api/documents", draft("县应急〔2024〕1号", "PROACTIVE", null));
        assertThat(created.status()).isEqualTo(201);
        String id = json.readTree(created.body()).get("id").asString();
        JsonNode draftDoc = json.readTree(created.body());
        assertThat(draftDoc.get("disclosureAttribute").asString()).isEqualTo("PROACTIVE");
        assertThat(draftDoc.get("disclosureAttributeLabel").asString()).isEqualTo("主动公开");
        assertThat(draftDoc.get("status").asString()).isEqualTo("DRAFT");
        assertThat(draftDoc.get("statusLabel").asString()).isEqualTo("草稿");
        assertThat(draftDoc.get("legalBasisLabel").isNull()).isTrue();
        assertThat(draftDoc.get("sectionLabel").asString()).isEqualTo("安全生产综合协调股");

        assertThat(call(port, "relief1", "GET", "/api/documents/" + id, null).status()).isEqualTo(404);
        assertThat(call(port, "relief1", "POST", "/api/documents/" + id + "/submission", null).status()).isEqualTo(404);
        assertThat(call(port, null, "GET", "/api/public/documents/" + id, null).status()).isEqualTo(404);

        Response submitted = call(port, "safety1", "POST", "/api/documents/" + id + "/submission", null);
        assertThat(submitted.status()).isEqualTo(200);
        assertThat(json.readTree(submitted.body()).get("statusLabel").asString()).isEqualTo("审核中");
        assertThat(json.readTree(submitted.body()).get("pendingReview").asString()).isEqualTo("DISCLOSURE_OFFICE");
        assertThat(json.readTree(submitted.body()).get("pendingReviewLabel").asString()).isEqualTo("政务公开办审核");
        assertThat(call(port, "safety1", "POST", "/api/documents/" + id + "/reviews", Map.of("decision", "APPROVE")).status())
                .isEqualTo(403);
        Response approved = call(port, "office", "POST", "/api/documents/" + id + "/reviews", Map.of("decision", "APPROVE", "responsibleHead", "王局长"));
        assertThat(approved.status()).isEqualTo(200);
        JsonNode review = json.readTree(approved.body()).get("reviews").get(0);
        assertThat(review.get("stage").asString()).isEqualTo("DISCLOSURE_OFFICE");
        assertThat(review.get("stageLabel").asString()).isEqualTo("政务公开办审核");
        assertThat(review.get("decisionLabel").asString()).isEqualTo("同意");
        assertThat(json.readTree(approved.body()).get("statusLabel").asString()).isEqualTo("已审核");

        Response issued = call(port, "safety1", "POST", "/api/documents/" + id + "/issuance", Map.of("issuedOn", "2024-09-30"));
        JsonNode issuedDoc = json.readTree(issued.body());
        assertThat(issuedDoc.get("markingLine").asString()).isEqualTo("此件公开发布");
        // 20 working days after 30 Sep 2024: National Day week off, make-up Saturday 12 Oct counts
        assertThat(issuedDoc.get("publicationDueOn").asString()).isEqualTo("2024-11-01");
        assertThat(issuedDoc.get("publicationDueOnConfirmed").asBoolean()).isTrue();

        Response published = call(port, "office", "POST", "/api/documents/" + id + "/publication", Map.of("publishedOn", "2024-10-10"));
        assertThat(published.status()).isEqualTo(200);
        assertThat(json.readTree(published.body()).get("publishedChannels").toString())
                .contains("gov-website", "new-media", "reading-point");
        assertThat(json.readTree(published.body()).get("publishedChannelLabels").toString()).contains("政府网站", "两微一端", "公开查阅点");
        assertThat(json.readTree(published.body()).get("statusLabel").asString()).isEqualTo("已公开");

        Response transferred = call(port, "safety1", "POST", "/api/documents/" + id + "/reading-room-transfer",
                Map.of("transferredOn", "2024-10-11"));
        assertThat(json.readTree(transferred.body()).get("readingRoomTransferredOn").asString()).isEqualTo("2024-10-11");
        assertThat(call(port, "safety1", "POST", "/api/documents/" + id + "/reading-room-transfer", null).status()).isEqualTo(409);

        Response publicView = call(port, null, "GET", "/api/public/documents/" + id, null);
        assertThat(publicView.status()).isEqualTo(200);
        assertThat(publicView.body()).contains("此件公开发布").doesNotContain("audit").doesNotContain("safety1");
        assertThat(json.readTree(publicView.body()).get("channelLabels").toString()).contains("政府网站");
        assertThat(call(port, null, "GET", "/api/public/documents?q=危险化学品", null).body()).contains(id);

        TestEvents.Received issuedEvent = events.awaitType("gongkai.publication.document-issued.v1", r -> r.data().contains(id));
        TestEvents.assertMatchesFixture(issuedEvent);
        TestEvents.Received publishedEvent = events.awaitType("gongkai.publication.document-published.v1", r -> r.data().contains(id));
        TestEvents.assertMatchesFixture(publishedEvent);
        assertThat(publishedEvent.json().get("onTime").asBoolean()).isTrue();
        assertThat(publishedEvent.json().get("section").asString()).isEqualTo("safety-coordination");
    }

    @Test
    void theWorkingDayCalendarAndDeadlineCalculatorArePublic() {
        JsonNode deadline = json.readTree(call(port, null, "GET", "/api/public/calendar/deadline?start=2024-09-30&workingDays=20", null).body());
        assertThat(deadline.get("due").asString()).isEqualTo("2024-11-01");
        assertThat(deadline.get("confirmed").asBoolean()).isTrue();
        JsonNode unknownYear = json.readTree(call(port, null, "GET", "/api/public/calendar/deadline?start=2030-03-01&workingDays=5", null).body());
        assertThat(unknownYear.get("confirmed").asBoolean()).isFalse();
        String year2024 = call(port, null, "GET", "/api/public/calendar/2024", null).body();
        assertThat(year2024).contains("2024-10-12", "2024-10-07");
        assertThat(call(port, null, "GET", "/api/public/calendar/deadline?start=2024-09-30&workingDays=0", null).status()).isEqualTo(400);
        assertThat(call(port, null, "GET", "/api/public/calendar/deadline?start=yesterday", null).status()).isEqualTo(400);
        assertThat(call(port, null, "GET", "/api/public/calendar/deadline?start=+999999999-12-31", null).status()).isEqualTo(400);
    }

    @Test
    void notDisclosedDocumentWithoutLegalBasisIsRejectedAndNothingIsStored() {
        long before = documents.count();
        Response response = call(port, "safety1", "POST", "/api/documents", draft("县应急〔2024〕2号", "NOT_DISCLOSED", null));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.body()).contains("urn:gongkai:problem:legal-basis-required", "请求内容无法处理",
                "公开属性为“不予公开”的文件，须注明《中华人民共和国政府信息公开条例》规定的依据。");
        String english = call(port, "safety1", "POST", "/api/documents", draft("县应急〔2024〕2号", "NOT_DISCLOSED", null),
                Map.of("Accept-Language", "en")).body();
        assertThat(english).contains("urn:gongkai:problem:legal-basis-required", "Unprocessable Content",
                "needs a legal basis from the Regulations on Government Information Disclosure").doesNotContain("公开属性为");
        assertThat(documents.count()).isEqualTo(before);
    }

    @Test
    void notDisclosedDocumentNeverLeavesThroughAPublicRoute() {
        Response created = call(port, "safety1", "POST", "/api/documents",
                draft("县应急〔2024〕3号", "NOT_DISCLOSED", "PROCESS_INFORMATION"));
        String id = json.readTree(created.body()).get("id").asString();
        call(port, "safety1", "POST", "/api/documents/" + id + "/submission", null);
        call(port, "office", "POST", "/api/documents/" + id + "/reviews", Map.of("decision", "APPROVE", "responsibleHead", "王局长"));
        Response issued = call(port, "safety1", "POST", "/api/documents/" + id + "/issuance", Map.of("issuedOn", "2024-05-06"));
        assertThat(json.readTree(issued.body()).get("markingLine").asString()).isEqualTo("此件不公开");
        assertThat(json.readTree(issued.body()).get("disclosureAttributeLabel").asString()).isEqualTo("不予公开");
        assertThat(json.readTree(issued.body()).get("legalBasis").asString()).isEqualTo("PROCESS_INFORMATION");
        assertThat(json.readTree(issued.body()).get("legalBasisLabel").asString()).isEqualTo("讨论记录、过程稿、磋商信函、请示报告等过程性信息");
        assertThat(json.readTree(issued.body()).get("statusLabel").asString()).isEqualTo("已印发");
        assertThat(call(port, "office", "POST", "/api/documents/" + id + "/publication", null).status()).isEqualTo(409);
        assertThat(call(port, null, "GET", "/api/public/documents/" + id, null).status()).isEqualTo(404);
        assertThat(call(port, null, "GET", "/api/public/documents", null).body()).doesNotContain(id);
    }

    @Test
    void badInputIsAClearClientErrorAndChangesNothing() {
        long before = documents.count();
        Map<String, Object> unknownField = draft("县应急〔2024〕4号", "PROACTIVE", null);
        unknownField.put("priority", "high");
        Response unknown = call(port, "safety1", "POST", "/api/documents", unknownField);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("urn:gongkai:problem:unknown-field").contains("priority");

        Map<String, Object> unknownItem = draft("县应急〔2024〕5号", "PROACTIVE", null);
        unknownItem.put("catalogueItemCode", "WS-99");
        assertThat(call(port, "safety1", "POST", "/api/documents", unknownItem).body())
                .contains("urn:gongkai:problem:unknown-catalogue-item");

        Map<String, Object> missingTitle = draft("县应急〔2024〕6号", "PROACTIVE", null);
        missingTitle.remove("title");
        Response invalid = call(port, "safety1", "POST", "/api/documents", missingTitle);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body()).contains("validation-failed").contains("title");

        assertThat(call(port, "safety1", "POST", "/api/documents", "{not json").status()).isEqualTo(400);
        assertThat(call(port, null, "POST", "/api/documents", draft("县应急〔2024〕7号", "PROACTIVE", null)).status()).isEqualTo(401);
        assertThat(call(port, "office", "POST", "/api/documents", draft("县应急〔2024〕8号", "PROACTIVE", null)).status()).isEqualTo(403);
        assertThat(documents.count()).isEqualTo(before);

        assertThat(call(port, "safety1", "POST", "/api/documents", draft("县应急〔2024〕9号", "PROACTIVE", null)).status()).isEqualTo(201);
        Response duplicate = call(port, "safety2", "POST", "/api/documents", draft("县应急〔2024〕9号", "PROACTIVE", null));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.body()).contains("duplicate-document-number");
    }

    @Test
    void aNormativeDocumentIsAbolishedByTheOfficeOnceAndThePublicSeesItAsAbolished() {
        Map<String, Object> normative = draft("县应急〔2024〕20号", "PROACTIVE", null);
        normative.put("documentType", "NORMATIVE");
        Response created = call(port, "safety1", "POST", "/api/documents", normative);
        assertThat(created.status()).isEqualTo(201);
        JsonNode drafted = json.readTree(created.body());
        assertThat(drafted.get("documentType").asString()).isEqualTo("NORMATIVE");
        assertThat(drafted.get("documentTypeLabel").asString()).isEqualTo("行政规范性文件");
        String id = drafted.get("id").asString();
        call(port, "safety1", "POST", "/api/documents/" + id + "/submission", null);
        call(port, "office", "POST", "/api/documents/" + id + "/reviews", Map.of("decision", "APPROVE", "responsibleHead", "王局长"));
        call(port, "safety1", "POST", "/api/documents/" + id + "/issuance", Map.of("issuedOn", "2024-03-01"));
        call(port, "office", "POST", "/api/documents/" + id + "/publication", Map.of("publishedOn", "2024-03-05"));
        TestEvents.Received issued = events.awaitType("gongkai.publication.document-issued.v1", r -> r.data().contains(id));
        assertThat(issued.json().get("documentType").asString()).isEqualTo("NORMATIVE");
        assertThat(json.readTree(call(port, null, "GET", "/api/public/documents/" + id, null).body()).get("validityLabel").asString())
                .isEqualTo("现行有效");

        Map<String, Object> abolition = Map.of("abolishedOn", "2024-12-31", "reason", "被县应急〔2024〕30号替代");
        assertThat(call(port, "safety1", "POST", "/api/documents/" + id + "/abolition", abolition).status()).isEqualTo(403);
        Response noReason = call(port, "office", "POST", "/api/documents/" + id + "/abolition", Map.of("abolishedOn", "2024-12-31"));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body()).contains("reason");
        Response abolished = call(port, "office", "POST", "/api/documents/" + id + "/abolition", abolition);
        assertThat(abolished.status()).isEqualTo(200);
        assertThat(json.readTree(abolished.body()).get("abolition").get("on").asString()).isEqualTo("2024-12-31");
        assertThat(json.readTree(abolished.body()).get("validityLabel").asString()).isEqualTo("已废止");
        Response again = call(port, "office", "POST", "/api/documents/" + id + "/abolition", abolition);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("urn:gongkai:problem:document-abolished").contains("已于 2024-12-31 废止");

        JsonNode publicView = json.readTree(call(port, null, "GET", "/api/public/documents/" + id, null).body());
        assertThat(publicView.get("abolished").asBoolean()).isTrue();
        assertThat(publicView.get("abolishedOn").asString()).isEqualTo("2024-12-31");
        assertThat(publicView.get("validityLabel").asString()).isEqualTo("已废止");
        assertThat(publicView.get("documentTypeLabel").asString()).isEqualTo("行政规范性文件");

        TestEvents.Received event = events.awaitType("gongkai.publication.document-abolished.v1", r -> r.data().contains(id));
        TestEvents.assertMatchesFixture(event);
        assertThat(event.json().get("documentType").asString()).isEqualTo("NORMATIVE");
        assertThat(event.json().get("abolishedOn").asString()).isEqualTo("2024-12-31");
    }
}
