package org.gongkai.publication.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongkai.publication.PublicationTestSupport.draft;
import static org.gongkai.testsupport.TestHttp.call;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.gongkai.publication.PublicationTestSupport;
import org.gongkai.publication.document.DocumentService;
import org.gongkai.support.catalogue.CatalogueSnapshots;
import org.gongkai.testsupport.FixedClock;
import org.gongkai.testsupport.ServiceIntegrationTest;
import org.gongkai.testsupport.TestEvents;
import org.gongkai.testsupport.TestHttp.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rules W2–W4 over HTTP with the real broker and a MongoDB wire server, on 10 December 2026 with no 2027 data
 * shipped: a deadline crossing into 2027 skips 元旦; the office previews and enters the 2027 notice; open deadlines
 * move and are announced; bad input and the wrong role change nothing; the missing year is flagged until entered.
 */
@ServiceIntegrationTest
// A fixed "today" so that documents can be issued on 2026-12-04 whatever the date the suite runs.
@FixedClock("2026-12-10T02:00:00Z")
// the deadline watch stays out of the way: saving a notice must recompute on its own
@TestPropertySource(properties = "gongkai.deadlines.initial-delay=1h")
// a context of its own (fixed clock): closed after this class, while the test MongoDB server still runs
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class CalendarNoticeIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestEvents events;
    @Autowired
    CatalogueSnapshots snapshots;
    @Autowired
    CalendarNoticeRepository notices;
    @Autowired
    DocumentService documentService;
    @Autowired
    MongoTemplate mongo;

    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void catalogueIsKnown() {
        PublicationTestSupport.ensureCatalogue(events, snapshots);
    }

    /** Test data in the shape of a notice (not the real 2027 one): 元旦 from 31 December, 春节 with a make-up Saturday. */
    private static Map<String, Object> notice2027(List<Map<String, Object>> holidays, List<Map<String, Object>> makeUp) {
        return Map.of("reference", "国办发明电〔2026〕测试号", "holidays", holidays, "makeUpWorkdays", makeUp);
    }

    private static Map<String, Object> range(String from, String to, String name) {
        return to == null ? Map.of("from", from, "name", name) : Map.of("from", from, "to", to, "name", name);
    }

    private static final List<Map<String, Object>> HOLIDAYS = List.of(
            range("2026-12-31", "2027-01-03", "元旦"), range("2027-02-05", "2027-02-11", "春节"));
    private static final List<Map<String, Object>> MAKE_UP = List.of(range("2027-02-20", null, "春节调休"));

    private String issuedOn4December2026(String number) {
        Response created = call(port, "safety1", "POST", "/api/documents", draft(number, "PROACTIVE", null));
        String id = json.readTree(created.body()).get("id").asString();
        assertThat(call(port, "safety1", "POST", "/api/documents/" + id + "/submission", null).status()).isEqualTo(200);
        assertThat(call(port, "office", "POST", "/api/documents/" + id + "/reviews", Map.of("decision", "APPROVE", "responsibleHead", "王局长"))
                .status()).isEqualTo(200);
        assertThat(call(port, "safety1", "POST", "/api/documents/" + id + "/issuance", Map.of("issuedOn", "2026-12-04")).status())
                .isEqualTo(200);
        return id;
    }

    private JsonNode document(String id) {
        return json.readTree(call(port, "office", "GET", "/api/documents/" + id, null).body());
    }

    @Test
    void officeEntersThe2027NoticeAndOpenDeadlinesMoveAndAreAnnounced() {
        String id = issuedOn4December2026("县应急〔2026〕901号");
        JsonNode issued = document(id);
        // without 2027 data: 20 working days skip 元旦 2027 (the old fallback gave 2027-01-01), still unconfirmed
        assertThat(issued.get("publicationDueOn").asString()).isEqualTo("2027-01-04");
        assertThat(issued.get("publicationDueOnConfirmed").asBoolean()).isFalse();

        JsonNode status = json.readTree(call(port, "office", "GET", "/api/calendar/status", null).body());
        assertThat(status.get("nextYear").get("confirmed").asBoolean()).isFalse();
        assertThat(status.get("warnings").toString()).contains("next-year-calendar-missing", "尚未录入2027年的放假安排通知");
        assertThat(call(port, "safety1", "GET", "/api/calendar/status", null).status()).isEqualTo(403);

        // preview: which open deadlines would move, and nothing changes
        Response preview = call(port, "office", "POST", "/api/calendar/notices/2027/preview", notice2027(HOLIDAYS, MAKE_UP));
        assertThat(preview.status()).isEqualTo(200);
        JsonNode change = findChange(json.readTree(preview.body()), id);
        assertThat(change.get("publicationDueOn").asString()).isEqualTo("2027-01-04");
        assertThat(change.get("newPublicationDueOn").asString()).isEqualTo("2027-01-05");
        assertThat(change.get("newPublicationDueOnConfirmed").asBoolean()).isTrue();
        assertThat(change.get("dateMoves").asBoolean()).isTrue();
        assertThat(json.readTree(preview.body()).get("statutoryDaysMissing").toString())
                .as("the test notice leaves out 清明 … 国庆").contains("2027-04-05", "清明节").doesNotContain("2027-01-01");
        assertThat(document(id).get("publicationDueOn").asString()).as("preview changes nothing").isEqualTo("2027-01-04");
        assertThat(call(port, "office", "GET", "/api/calendar/notices/2027", null).status()).isEqualTo(404);
        assertThat(events.received()).noneMatch(r -> r.type().equals("gongkai.publication.document-deadline-changed.v1")
                && r.data().contains(id));

        // enter it
        Response saved = call(port, "office", "PUT", "/api/calendar/notices/2027", notice2027(HOLIDAYS, MAKE_UP));
        assertThat(saved.status()).isEqualTo(200);
        JsonNode savedBody = json.readTree(saved.body());
        assertThat(savedBody.get("deadlinesChanged").asInt()).isGreaterThanOrEqualTo(1);
        JsonNode audit = savedBody.get("notice").get("audit").get(0);
        assertThat(audit.get("username").asString()).isEqualTo("office");
        assertThat(audit.get("action").asString()).isEqualTo("calendar-notice-entered");
        assertThat(audit.get("at").asString()).startsWith("2026-12-10T02:00");

        JsonNode moved = document(id);
        assertThat(moved.get("publicationDueOn").asString()).isEqualTo("2027-01-05");
        assertThat(moved.get("publicationDueOnConfirmed").asBoolean()).isTrue();
        TestEvents.Received announced = events.awaitType("gongkai.publication.document-deadline-changed.v1", r -> r.data().contains(id));
        TestEvents.assertMatchesFixture(announced);
        assertThat(announced.json().get("publicationDueOn").asString()).isEqualTo("2027-01-05");
        assertThat(announced.json().get("publicationDueOnConfirmed").asBoolean()).isTrue();

        // in force for new work, on the public calendar, and no longer flagged
        JsonNode year = json.readTree(call(port, null, "GET", "/api/public/calendar/2027", null).body());
        assertThat(year.get("confirmed").asBoolean()).isTrue();
        assertThat(year.get("makeUpWorkdays").toString()).contains("2027-02-20");
        assertThat(json.readTree(call(port, "office", "GET", "/api/calendar/status", null).body()).get("warnings").isEmpty()).isTrue();

        // stored in this service's database: a restart (a fresh holder over the same store) has it
        assertThat(new CalendarHolder("", notices::findAll).current().covers(2027)).isTrue();
        assertThat(call(port, "leader", "GET", "/api/calendar/notices", null).body()).contains("国办发明电〔2026〕测试号");
    }

    @Test
    void badInputAndTheWrongRoleAreChineseProblemsAndChangeNothing() {
        String id = issuedOn4December2026("县应急〔2026〕902号");
        Response noticeBefore = call(port, "office", "GET", "/api/calendar/notices/2027", null);
        JsonNode documentBefore = document(id);

        Response wrongRole = call(port, "safety1", "PUT", "/api/calendar/notices/2027", notice2027(HOLIDAYS, MAKE_UP));
        // refused at the route (@OfficeOnly); CalendarNoticeTest holds the domain's own refusal
        assertProblem(wrongRole, 403, "forbidden", "您的角色无权进行此操作");
        assertProblem(call(port, "leader", "POST", "/api/calendar/notices/2027/preview", notice2027(HOLIDAYS, MAKE_UP)),
                403, "forbidden", "您的角色无权进行此操作");

        assertProblem(call(port, "office", "PUT", "/api/calendar/notices/2027",
                        notice2027(List.of(range("2027-13-01", null, "元旦")), List.of())),
                422, "invalid-calendar-notice", "“2027-13-01”不是有效日期");
        assertProblem(call(port, "office", "PUT", "/api/calendar/notices/2027",
                        notice2027(List.of(range("2027-12-31", "2028-01-01", "元旦")), List.of())),
                422, "invalid-calendar-notice", "2028-01-01 不在2027年内");
        assertProblem(call(port, "office", "PUT", "/api/calendar/notices/2027",
                        notice2027(HOLIDAYS, List.of(range("2027-02-06", null, "春节调休")))),
                422, "invalid-calendar-notice", "2027-02-06 既列为放假日又列为调休上班日");
        assertProblem(call(port, "office", "PUT", "/api/calendar/notices/2031", notice2027(HOLIDAYS, MAKE_UP)),
                422, "calendar-notice-year", "年份须在2020年至2027年之间");
        Response fields = call(port, "office", "PUT", "/api/calendar/notices/2027",
                notice2027(List.of(range("2027-13-01", null, "元旦")), List.of()));
        assertThat(json.readTree(fields.body()).get("errors").get(0).get("field").asString()).isEqualTo("holidays[0].from");

        // whether or not the other test entered 2027 first, nothing here changed anything
        Response noticeAfter = call(port, "office", "GET", "/api/calendar/notices/2027", null);
        assertThat(noticeAfter.status()).isEqualTo(noticeBefore.status());
        assertThat(noticeAfter.body()).isEqualTo(noticeBefore.body());
        assertThat(document(id).get("publicationDueOn")).isEqualTo(documentBefore.get("publicationDueOn"));
        assertThat(document(id).get("audit")).isEqualTo(documentBefore.get("audit"));
    }

    /** Open deadlines stored before this rule (2026-12-04 + 20 = 2027-01-01) are corrected by the next watch. */
    @Test
    void aDeadlineStoredByTheOldWeekdayFallbackIsCorrectedByTheNextWatch() {
        String id = issuedOn4December2026("县应急〔2026〕903号");
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                Update.update("publicationDueOn", LocalDate.of(2027, 1, 1)), "documents");
        assertThat(document(id).get("publicationDueOn").asString()).isEqualTo("2027-01-01");
        // whether or not the other test entered 2027 already: what the calendar in force says
        String due = json.readTree(call(port, null, "GET", "/api/public/calendar/deadline?start=2026-12-04&workingDays=20", null)
                .body()).get("due").asString();
        assertThat(due).isIn("2027-01-04", "2027-01-05");

        assertThat(documentService.reloadCalendarAndRecompute()).as("the calendar itself did not change").isGreaterThanOrEqualTo(1);

        assertThat(document(id).get("publicationDueOn").asString()).isEqualTo(due);
        assertThat(events.awaitType("gongkai.publication.document-deadline-changed.v1", r -> r.data().contains(id))
                .json().get("publicationDueOn").asString()).isEqualTo(due);
        assertThat(documentService.reloadCalendarAndRecompute()).as("nothing left to correct").isZero();
    }

    private void assertProblem(Response response, int status, String type, String chineseDetail) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo("urn:gongkai:problem:" + type);
        assertThat(problem.get("detail").asString()).contains(chineseDetail);
    }

    private static JsonNode findChange(JsonNode preview, String documentId) {
        for (JsonNode change : preview.get("changes")) {
            if (change.get("documentId").asString().equals(documentId)) {
                return change;
            }
        }
        throw new AssertionError("no change for " + documentId + " in " + preview);
    }
}
