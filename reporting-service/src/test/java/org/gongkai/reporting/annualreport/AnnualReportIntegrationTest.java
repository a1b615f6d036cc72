package org.gongkai.reporting.annualreport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.gongkai.testsupport.TestHttp.call;
import static org.gongkai.testsupport.TestHttp.download;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.gongkai.contracts.IntegrationEvent;
import org.gongkai.contracts.publication.ApplicationAnswered;
import org.gongkai.contracts.publication.ApplicationClosed;
import org.gongkai.contracts.publication.ApplicationConsultationEnded;
import org.gongkai.contracts.publication.ApplicationConsultationStarted;
import org.gongkai.contracts.publication.ApplicationExtended;
import org.gongkai.contracts.publication.ApplicationFeeCharged;
import org.gongkai.contracts.publication.ApplicationFeePaid;
import org.gongkai.contracts.publication.ApplicationOverdue;
import org.gongkai.contracts.publication.ApplicationReceived;
import org.gongkai.contracts.publication.ApplicationSupplementReceived;
import org.gongkai.contracts.publication.ApplicationSupplementRequested;
import org.gongkai.contracts.publication.DocumentAbolished;
import org.gongkai.contracts.publication.DocumentIssued;
import org.gongkai.testsupport.ServiceIntegrationTest;
import org.gongkai.testsupport.TestEvents;
import org.gongkai.testsupport.TestHttp.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A scripted year (2025) of on-request applications and documents travels through the real broker: applications
 * carried over from 2024 and into 2026, a fee, every outcome and reason of table 三. It is delivered in order, then the
 * annual report's facts are dropped and the same history is delivered again shuffled and twice. Its own context (the
 * property below), so no other test's events are counted here.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = "gongkai.reporting.reminder-initial-delay=1h")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public class AnnualReportIntegrationTest {

    static final String SECTION = "safety-coordination";
    static final String NP = "NATURAL_PERSON";
    static final String CE = "COMMERCIAL_ENTERPRISE";
    static final String RI = "RESEARCH_INSTITUTION";
    static final String SW = "SOCIAL_WELFARE_ORGANISATION";
    static final String LS = "LEGAL_SERVICE_INSTITUTION";
    static final String OO = "OTHER_ORGANISATION";

    /**
     * The expected table 三 of 2025, cell by cell: columns 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计.
     * Column by column, 一 + 二 = 三(七) + 四.
     */
    static final Map<String, long[]> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("RECEIVED", new long[] {12, 4, 3, 1, 3, 3, 26});
        EXPECTED.put("CARRIED_IN", new long[] {1, 1, 0, 1, 0, 0, 3});
        EXPECTED.put("DISCLOSED", new long[] {3, 0, 0, 0, 0, 1, 4});
        EXPECTED.put("PARTLY_DISCLOSED", new long[] {0, 1, 0, 1, 0, 0, 2});
        EXPECTED.put("NOT_DISCLOSED/STATE_SECRET", new long[] {1, 0, 0, 0, 0, 0, 1});
        EXPECTED.put("NOT_DISCLOSED/PROHIBITED_BY_LAW", new long[] {0, 0, 1, 0, 0, 0, 1});
        EXPECTED.put("NOT_DISCLOSED/ENDANGERS_SAFETY_STABILITY", new long[] {1, 0, 0, 0, 0, 0, 1});
        EXPECTED.put("NOT_DISCLOSED/THIRD_PARTY_RIGHTS", new long[] {1, 1, 0, 0, 0, 0, 2});
        EXPECTED.put("NOT_DISCLOSED/INTERNAL_AFFAIRS", new long[] {0, 0, 0, 0, 1, 0, 1});
        EXPECTED.put("NOT_DISCLOSED/PROCESS_INFORMATION", new long[] {1, 0, 0, 0, 0, 0, 1});
        EXPECTED.put("NOT_DISCLOSED/ENFORCEMENT_FILE", new long[] {0, 0, 0, 1, 0, 0, 1});
        EXPECTED.put("NOT_DISCLOSED/ADMINISTRATIVE_QUERY", new long[] {1, 0, 0, 0, 0, 0, 1});
        EXPECTED.put("CANNOT_PROVIDE/NOT_HELD", new long[] {0, 0, 0, 0, 0, 1, 1});
        EXPECTED.put("CANNOT_PROVIDE/WOULD_NEED_CREATING", new long[] {1, 0, 0, 0, 0, 0, 1});
        EXPECTED.put("CANNOT_PROVIDE/STILL_UNCLEAR", new long[] {0, 1, 0, 0, 0, 0, 1});
        EXPECTED.put("NOT_HANDLED/PETITION_OR_COMPLAINT", new long[] {1, 0, 0, 0, 0, 0, 1});
        EXPECTED.put("NOT_HANDLED/REPEATED", new long[] {1, 0, 0, 0, 0, 0, 1});
        EXPECTED.put("NOT_HANDLED/PUBLICATION_REQUESTED", new long[] {0, 0, 1, 0, 0, 0, 1});
        EXPECTED.put("NOT_HANDLED/UNREASONABLE_VOLUME", new long[] {1, 0, 0, 0, 0, 0, 1});
        EXPECTED.put("NOT_HANDLED/CONFIRMATION_REQUESTED", new long[] {0, 0, 0, 0, 1, 0, 1});
        EXPECTED.put("OTHER/SUPPLEMENT_OVERDUE", new long[] {1, 1, 0, 0, 0, 0, 2});
        EXPECTED.put("OTHER/FEE_UNPAID", new long[] {0, 1, 0, 0, 0, 0, 1});
        EXPECTED.put("OTHER/OTHER", new long[] {0, 0, 0, 0, 0, 1, 1});
        EXPECTED.put("TOTAL", new long[] {13, 5, 2, 2, 2, 3, 27});
        EXPECTED.put("CARRIED_OUT", new long[] {0, 0, 1, 0, 1, 0, 2});
    }

    static final List<String> COLUMNS = List.of(NP, CE, RI, SW, LS, OO, "TOTAL");

    @LocalServerPort
    int port;
    @Autowired
    TestEvents events;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    AnnualReportService service;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    private final JsonMapper json = JsonMapper.builder().build();
    private JsonNode figuresInOrder;

    public record Sent(String producer, IntegrationEvent event) {
    }

    static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    static Instant at(LocalDate date) {
        return date.atStartOfDay().toInstant(java.time.ZoneOffset.UTC).plusSeconds(3600);
    }

    static Sent received(String id, String type, String on) {
        return new Sent("publication", new ApplicationReceived(id, SECTION, type, "ONLINE", d(on), d(on).plusDays(28), at(d(on))));
    }

    static Sent answered(String id, String type, String receivedOn, String answeredOn, String outcome, String reason) {
        return new Sent("publication", new ApplicationAnswered(id, SECTION, type, d(receivedOn), d(answeredOn), d(receivedOn).plusDays(28),
                true, outcome, reason, at(d(answeredOn))));
    }

    static Sent closed(String id, String type, String receivedOn, String closedOn, String reason) {
        return new Sent("publication", new ApplicationClosed(id, SECTION, type, d(receivedOn), d(closedOn), "OTHER", reason, at(d(closedOn))));
    }

    /** One application received and answered in 2025 with the given outcome. */
    static List<Sent> answeredIn2025(String id, String type, String outcome, String reason) {
        return List.of(received(id, type, "2025-03-03"), answered(id, type, "2025-03-03", "2025-03-24", outcome, reason));
    }

    static Sent issued(String id, String type, String on) {
        return new Sent("publication", new DocumentIssued(id, id + "号", "文件" + id, SECTION, "WS-03", "PROACTIVE", null, d(on),
                d(on).plusDays(28), true, type, at(d(on))));
    }

    static Sent abolished(String id, String type, String on) {
        return new Sent("publication", new DocumentAbolished(id, id + "号", SECTION, type, d(on), at(d(on))));
    }

    public static List<Sent> history() {
        List<Sent> h = new ArrayList<>();
        // decided in 2024: no trace in 2025; its fee was paid in 2024
        h.add(received("p0", NP, "2024-11-01"));
        h.add(new Sent("publication", new ApplicationFeePaid("p0", SECTION, 5000, d("2024-11-10"), d("2024-12-05"), at(d("2024-11-10")))));
        h.add(answered("p0", NP, "2024-11-01", "2024-11-20", "DISCLOSED", null));
        // carried over from 2024
        h.add(received("c1", NP, "2024-12-20"));
        h.add(answered("c1", NP, "2024-12-20", "2025-01-10", "DISCLOSED", null));
        h.add(received("c2", CE, "2024-12-27"));
        h.add(new Sent("publication", new ApplicationSupplementRequested("c2", SECTION, d("2024-12-30"), d("2025-02-14"), at(d("2024-12-30")))));
        h.add(closed("c2", CE, "2024-12-27", "2025-02-20", "SUPPLEMENT_OVERDUE"));
        h.add(received("c3", SW, "2024-12-30"));
        h.add(answered("c3", SW, "2024-12-30", "2025-01-15", "PARTLY_DISCLOSED", null));
        // received and decided in 2025, every outcome and reason
        h.addAll(answeredIn2025("n01", NP, "DISCLOSED", null));
        h.addAll(answeredIn2025("n02", OO, "DISCLOSED", "ALREADY_DISCLOSED"));
        h.addAll(answeredIn2025("n03", CE, "PARTLY_DISCLOSED", null));
        h.addAll(answeredIn2025("n04", NP, "NOT_DISCLOSED", "STATE_SECRET"));
        h.addAll(answeredIn2025("n05", RI, "NOT_DISCLOSED", "PROHIBITED_BY_LAW"));
        h.addAll(answeredIn2025("n06", NP, "NOT_DISCLOSED", "ENDANGERS_SAFETY_STABILITY"));
        h.addAll(answeredIn2025("n07", CE, "NOT_DISCLOSED", "THIRD_PARTY_RIGHTS"));
        h.addAll(answeredIn2025("n08", LS, "NOT_DISCLOSED", "INTERNAL_AFFAIRS"));
        h.addAll(answeredIn2025("n09", NP, "NOT_DISCLOSED", "PROCESS_INFORMATION"));
        h.addAll(answeredIn2025("n10", SW, "NOT_DISCLOSED", "ENFORCEMENT_FILE"));
        h.addAll(answeredIn2025("n11", NP, "NOT_DISCLOSED", "ADMINISTRATIVE_QUERY"));
        h.addAll(answeredIn2025("n12", OO, "CANNOT_PROVIDE", "NOT_HELD"));
        h.addAll(answeredIn2025("n13", NP, "CANNOT_PROVIDE", "WOULD_NEED_CREATING"));
        h.add(new Sent("publication", new ApplicationSupplementRequested("n14", SECTION, d("2025-03-05"), d("2025-03-20"), at(d("2025-03-05")))));
        h.add(new Sent("publication", new ApplicationSupplementReceived("n14", SECTION, d("2025-03-12"), d("2025-04-10"), at(d("2025-03-12")))));
        h.addAll(answeredIn2025("n14", CE, "CANNOT_PROVIDE", "STILL_UNCLEAR"));
        h.addAll(answeredIn2025("n15", NP, "NOT_HANDLED", "PETITION_OR_COMPLAINT"));
        h.addAll(answeredIn2025("n16", NP, "NOT_HANDLED", "REPEATED"));
        h.addAll(answeredIn2025("n17", RI, "NOT_HANDLED", "PUBLICATION_REQUESTED"));
        h.addAll(answeredIn2025("n18", NP, "NOT_HANDLED", "UNREASONABLE_VOLUME"));
        h.addAll(answeredIn2025("n19", LS, "NOT_HANDLED", "CONFIRMATION_REQUESTED"));
        h.add(received("n20", NP, "2025-04-01"));
        h.add(new Sent("publication", new ApplicationSupplementRequested("n20", SECTION, d("2025-04-03"), d("2025-04-18"), at(d("2025-04-03")))));
        h.add(closed("n20", NP, "2025-04-01", "2025-04-21", "SUPPLEMENT_OVERDUE"));
        h.add(received("n21", CE, "2025-04-01"));
        h.add(new Sent("publication", new ApplicationFeeCharged("n21", SECTION, 8000, d("2025-04-07"), d("2025-04-22"), at(d("2025-04-07")))));
        h.add(closed("n21", CE, "2025-04-01", "2025-04-23", "FEE_UNPAID"));
        h.add(received("n22", OO, "2025-04-01"));
        h.add(closed("n22", OO, "2025-04-01", "2025-04-10", "OTHER"));
        // the fee paid in 2025, with a third-party consultation, an extension and an overdue notice on the way
        h.add(received("n23", NP, "2025-03-03"));
        h.add(new Sent("publication", new ApplicationFeeCharged("n23", SECTION, 15000, d("2025-03-10"), d("2025-03-25"), at(d("2025-03-10")))));
        h.add(new Sent("publication", new ApplicationFeePaid("n23", SECTION, 15000, d("2025-03-15"), d("2025-04-08"), at(d("2025-03-15")))));
        h.add(new Sent("publication", new ApplicationConsultationStarted("n23", SECTION, "THIRD_PARTY", d("2025-03-17"), at(d("2025-03-17")))));
        h.add(new Sent("publication", new ApplicationConsultationEnded("n23", SECTION, "THIRD_PARTY", d("2025-04-01"), d("2025-04-22"), at(d("2025-04-01")))));
        h.add(new Sent("publication", new ApplicationExtended("n23", SECTION, d("2025-04-15"), 20, d("2025-05-20"), at(d("2025-04-15")))));
        h.add(answered("n23", NP, "2025-03-03", "2025-05-12", "DISCLOSED", null));
        h.add(received("n24", NP, "2025-06-02"));
        h.add(new Sent("publication", new ApplicationOverdue("n24", SECTION, d("2025-06-30"), at(d("2025-07-01")))));
        h.add(answered("n24", NP, "2025-06-02", "2025-07-03", "NOT_DISCLOSED", "THIRD_PARTY_RIGHTS"));
        // carried over into 2026: one answered in January, one still open; one received in 2026 does not count
        h.add(received("o1", RI, "2025-12-15"));
        h.add(answered("o1", RI, "2025-12-15", "2026-01-08", "DISCLOSED", null));
        h.add(new Sent("publication", new ApplicationFeePaid("o1", SECTION, 3000, d("2026-01-05"), d("2026-01-20"), at(d("2026-01-05")))));
        h.add(received("o2", LS, "2025-12-29"));
        h.add(received("o3", NP, "2026-01-05"));
        h.add(answered("o3", NP, "2026-01-05", "2026-01-10", "DISCLOSED", null));
        // documents: 规章 r1 abolished in 2025, r2 made in 2025; 规范性文件 k1 in force, k2 made, k3 made and abolished,
        // k4 made in 2025 and abolished in 2026; other documents, with and without a type, are not counted
        h.add(issued("r1", "RULE", "2023-05-04"));
        h.add(abolished("r1", "RULE", "2025-06-30"));
        h.add(issued("r2", "RULE", "2025-07-01"));
        h.add(issued("k1", "NORMATIVE", "2024-03-01"));
        h.add(issued("k2", "NORMATIVE", "2025-04-01"));
        h.add(issued("k3", "NORMATIVE", "2025-05-06"));
        h.add(abolished("k3", "NORMATIVE", "2025-11-03"));
        h.add(issued("k4", "NORMATIVE", "2025-09-01"));
        h.add(abolished("k4", "NORMATIVE", "2026-02-02"));
        h.add(issued("x1", "OTHER", "2025-03-03"));
        h.add(issued("x2", null, "2025-03-04"));
        return h;
    }

    @BeforeAll
    void deliverTheYearInOrderThenShuffledAndTwice() {
        List<Sent> history = history();
        for (Sent s : history) {
            events.send(s.producer(), s.event());
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> mongo.count(new Query(), "event_log") == history.size());
        assertThat(call(port, "office", "POST", "/api/reporting/annual-reports/2025", null).status()).isEqualTo(201);
        figuresInOrder = call(port, "office", "GET", "/api/reporting/annual-reports/2025", null).json().get("figures");

        // the same history again, from scratch: shuffled, each event delivered twice under its id
        for (Class<?> type : AnnualReportFactsProjection.FACT_TYPES) {
            String base = mongo.getCollectionName(type);
            // whichever generation of the facts is active (an earlier rebuild in this context may have switched it)
            mongo.getCollectionNames().stream().filter(name -> name.equals(base) || name.startsWith(base + "_g"))
                    .forEach(name -> mongo.remove(new Query(), name));
        }
        List<Sent> shuffled = new ArrayList<>(history);
        Collections.shuffle(shuffled, new Random(2025));
        List<String> ids = new ArrayList<>();
        for (Sent s : shuffled) {
            ids.add(events.send(s.producer(), s.event()));
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < shuffled.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(31));
        for (int i : order) {
            events.send(shuffled.get(i).producer(), shuffled.get(i).event(), ids.get(i));
        }
        await().atMost(Duration.ofSeconds(90)).until(() -> mongo.count(new Query(), "event_log") == 2L * history.size());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> meters.get("gongkai.events.duplicates").counter().count() >= history.size());
    }

    @Test
    void everyCellOfTableThreeComesFromTheEvents() {
        JsonNode view = call(port, "office", "GET", "/api/reporting/annual-reports/2025", null).json();
        JsonNode matrix = view.get("figures").get("applications");
        List<String> columns = new ArrayList<>();
        matrix.get("columns").forEach(c -> columns.add(c.get("code").asString()));
        assertThat(columns).isEqualTo(COLUMNS);
        assertThat(matrix.get("columns").get(0).get("label").asString()).isEqualTo("自然人");
        assertThat(matrix.get("columns").get(6).get("label").asString()).isEqualTo("总计");
        assertThat(actualTable(matrix)).isEqualTo(expectedTable());
        JsonNode firstReason = matrix.get("rows").get(4);
        assertThat(firstReason.get("group").asString()).isEqualTo("（三）不予公开");
        assertThat(firstReason.get("item").asString()).isEqualTo("1.属于国家秘密");
        assertThat(matrix.get("rows").get(0).get("label").asString()).isEqualTo("一、本年新收政府信息公开申请数量");
        assertThat(matrix.get("rows").get(24).get("label").asString()).isEqualTo("四、结转下年度继续办理");

        // table 二: 规章 and 行政规范性文件 made, abolished and in force; 六: the fee paid in 2025 only
        JsonNode documents = view.get("figures").get("documents").get("lines");
        assertThat(documents.get(0).toString()).isEqualTo(
                "{\"documentType\":\"RULE\",\"label\":\"规章\",\"issued\":1,\"abolished\":1,\"inForce\":1}");
        assertThat(documents.get(1).toString()).isEqualTo(
                "{\"documentType\":\"NORMATIVE\",\"label\":\"行政规范性文件\",\"issued\":3,\"abolished\":1,\"inForce\":3}");
        assertThat(view.get("figures").get("feesCollectedFen").asLong()).isEqualTo(15000);
        assertThat(view.get("report").get("feesStatement").asString()).contains("信息处理费 150.00 元");
    }

    @Test
    void theSameHistoryShuffledAndDeliveredTwiceGivesTheSameTables() {
        // the live figures (the report itself may have been approved, and frozen, by another test meanwhile)
        JsonNode figures = live();
        assertThat(figures.get("applications")).isEqualTo(figuresInOrder.get("applications"));
        assertThat(figures.get("documents")).isEqualTo(figuresInOrder.get("documents"));
        assertThat(figures.get("feesCollectedFen")).isEqualTo(figuresInOrder.get("feesCollectedFen"));
        assertThat(actualTable(figuresInOrder.get("applications"))).isEqualTo(expectedTable());

        // and a rebuild from the event log (in-order, shuffled and repeated deliveries alike) gives them again
        assertThat(call(port, "admin", "POST", "/api/reporting/read-models/rebuild", null).status()).isEqualTo(200);
        JsonNode rebuilt = live();
        assertThat(rebuilt.get("applications")).isEqualTo(figuresInOrder.get("applications"));
        assertThat(rebuilt.get("documents")).isEqualTo(figuresInOrder.get("documents"));
    }

    @Test
    void publishingNeedsLeadershipApprovalAndAPublishedReportIsFrozenUntilACorrectionMakesARevision() {
        String base = "/api/reporting/annual-reports/2025";
        assertThat(call(port, null, "GET", "/api/public/annual-reports/2025", null).status()).isEqualTo(404);
        Response early = call(port, "office", "POST", base + "/publication", null);
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.body()).contains("urn:gongkai:problem:annual-report-not-approved", "尚未经局领导审定");
        Response incomplete = call(port, "leader", "POST", base + "/approval", null);
        assertThat(incomplete.status()).isEqualTo(422);
        assertThat(incomplete.body()).contains("annual-report-incomplete", "一、总体情况", "二、行政许可");

        assertThat(call(port, "office", "PUT", base, content("2025年，本局认真贯彻《条例》。", 12)).status()).isEqualTo(200);
        assertThat(call(port, "office", "PUT", base, content("2025年，本局认真贯彻《中华人民共和国政府信息公开条例》。", 12)).status()).isEqualTo(200);
        assertThat(call(port, "office", "POST", base + "/approval", null).status()).isEqualTo(403);
        assertThat(call(port, "office", "POST", base + "/publication", null).status()).isEqualTo(409);
        Response approved = call(port, "leader", "POST", base + "/approval", null);
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.json().get("report").get("statusLabel").asString()).isEqualTo("领导已审定");
        assertThat(approved.json().get("figuresFrozen").asBoolean()).isTrue();
        assertThat(call(port, "leader", "POST", base + "/publication", null).status()).isEqualTo(403);
        Response published = call(port, "office", "POST", base + "/publication", null);
        assertThat(published.status()).isEqualTo(200);
        assertThat(published.json().get("report").get("status").asString()).isEqualTo("PUBLISHED");

        JsonNode audit = published.json().get("audit");
        List<String> actions = new ArrayList<>();
        audit.forEach(a -> actions.add(a.get("action").asString() + "/" + a.get("username").asString()));
        assertThat(actions).containsExactly("started/office", "edited/office", "edited/office", "approved/leader", "published/office");
        assertThat(audit.get(1).get("reason").asString()).contains("一、总体情况", "二、行政许可", "四、行政复议");
        assertThat(audit.get(2).get("reason").asString()).isEqualTo("第 1 版修改：一、总体情况");
        assertThat(audit.get(2).get("at").isNull()).isFalse();

        Response frozen = call(port, "office", "PUT", base, content("改动", 13));
        assertThat(frozen.status()).isEqualTo(409);
        assertThat(frozen.body()).contains("urn:gongkai:problem:annual-report-published", "已发布，不能再修改");
        assertThat(call(port, "leader", "POST", base + "/approval", null).status()).isEqualTo(409);
        assertThat(call(port, "office", "POST", base + "/publication", null).status()).isEqualTo(409);

        JsonNode publicReport = call(port, null, "GET", "/api/public/annual-reports/2025", null).json();
        assertThat(publicReport.get("revision").asInt()).isEqualTo(1);
        assertThat(publicReport.get("proactive").get("licensing").get("value").asLong()).isEqualTo(12);
        assertThat(publicReport.toString()).doesNotContain("office").doesNotContain("leader").doesNotContain("audit");
        assertThat(actualTable(publicReport.get("applications"))).isEqualTo(expectedTable());

        assertThat(call(port, "office", "POST", base + "/corrections", Map.of("note", " ")).status()).isEqualTo(400);
        Response correction = call(port, "office", "POST", base + "/corrections", Map.of("note", "更正行政许可决定数量（原误报12件）"));
        assertThat(correction.status()).isEqualTo(201);
        assertThat(correction.json().get("report").get("revision").asInt()).isEqualTo(2);
        assertThat(correction.json().get("report").get("status").asString()).isEqualTo("DRAFT");
        assertThat(call(port, "office", "PUT", base, content("2025年，本局认真贯彻《中华人民共和国政府信息公开条例》。", 13)).status()).isEqualTo(200);
        // until the correction is approved and published, the public still reads revision 1
        assertThat(call(port, null, "GET", "/api/public/annual-reports/2025", null).json().get("revision").asInt()).isEqualTo(1);
        assertThat(call(port, "office", "POST", base + "/publication", null).status()).isEqualTo(409);
        assertThat(call(port, "leader", "POST", base + "/approval", null).status()).isEqualTo(200);
        assertThat(call(port, "office", "POST", base + "/publication", null).status()).isEqualTo(200);
        JsonNode corrected = call(port, null, "GET", "/api/public/annual-reports/2025", null).json();
        assertThat(corrected.get("revision").asInt()).isEqualTo(2);
        assertThat(corrected.get("correctionNote").asString()).isEqualTo("更正行政许可决定数量（原误报12件）");
        assertThat(corrected.get("proactive").get("licensing").get("value").asLong()).isEqualTo(13);
        JsonNode first = call(port, "leader", "GET", base + "/revisions/1", null).json();
        assertThat(first.get("report").get("proactive").get("licensing").get("value").asLong()).isEqualTo(12);
        JsonNode list = call(port, null, "GET", "/api/public/annual-reports?page=0&size=10", null).json();
        assertThat(list.get("total").asLong()).isEqualTo(1);
        assertThat(list.get("items").get(0).get("revision").asInt()).isEqualTo(2);
    }

    @Test
    void theXlsxReadBackWithPoiEqualsTheApiAndHasTheTemplatesMergedHeaders() throws Exception {
        JsonNode view = call(port, "office", "GET", "/api/reporting/annual-reports/2025", null).json();
        JsonNode report = view.get("report");
        byte[] xlsx = download(port, "leader", "/api/reporting/annual-reports/2025/export?format=xlsx");
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(xlsx))) {
            Sheet table = workbook.getSheet(AnnualReportXlsx.APPLICATIONS_SHEET);
            assertThat(table.getRow(0).getCell(0).getStringCellValue()).isEqualTo("三、收到和处理政府信息公开申请情况");
            assertThat(table.getRow(1).getCell(0).getStringCellValue()).contains("本列数据的勾稽关系");
            assertThat(table.getRow(1).getCell(3).getStringCellValue()).isEqualTo("申请人情况");
            assertThat(table.getRow(2).getCell(3).getStringCellValue()).isEqualTo("自然人");
            assertThat(table.getRow(2).getCell(4).getStringCellValue()).isEqualTo("法人或其他组织");
            assertThat(table.getRow(2).getCell(9).getStringCellValue()).isEqualTo("总计");
            List<String> organisations = new ArrayList<>();
            for (int c = 4; c <= 8; c++) {
                organisations.add(table.getRow(3).getCell(c).getStringCellValue());
            }
            assertThat(organisations).containsExactly("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他");
            assertThat(table.getMergedRegions()).contains(
                    CellRangeAddress.valueOf("A2:C4"), CellRangeAddress.valueOf("D2:J2"), CellRangeAddress.valueOf("D3:D4"),
                    CellRangeAddress.valueOf("E3:I3"), CellRangeAddress.valueOf("J3:J4"),
                    CellRangeAddress.valueOf("A5:C5"), CellRangeAddress.valueOf("A6:C6"),
                    // 三、本年度办理结果 down its 22 rows; （三）不予公开 down its 8 reasons; （一）予以公开 across
                    CellRangeAddress.valueOf("A7:A28"), CellRangeAddress.valueOf("B9:B16"), CellRangeAddress.valueOf("B7:C7"),
                    CellRangeAddress.valueOf("B28:C28"), CellRangeAddress.valueOf("A29:C29"));

            JsonNode matrix = report.get("applications");
            Map<String, long[]> exported = new LinkedHashMap<>();
            for (int i = 0; i < matrix.get("rows").size(); i++) {
                JsonNode apiRow = matrix.get("rows").get(i);
                Row row = table.getRow(AnnualReportXlsx.MATRIX_FIRST_ROW + i);
                String label = apiRow.get("item").isNull() ? (apiRow.get("group").isNull() ? row.getCell(0) : row.getCell(1)).getStringCellValue()
                        : row.getCell(2).getStringCellValue();
                assertThat(label).isEqualTo(apiRow.get("label").asString());
                long[] cells = new long[COLUMNS.size()];
                for (int c = 0; c < COLUMNS.size(); c++) {
                    assertThat(row.getCell(AnnualReportXlsx.MATRIX_FIRST_COLUMN + c).getCellType()).isEqualTo(CellType.NUMERIC);
                    cells[c] = (long) row.getCell(AnnualReportXlsx.MATRIX_FIRST_COLUMN + c).getNumericCellValue();
                }
                exported.put(apiRow.get("code").asString(), cells);
            }
            assertThat(toLists(exported)).isEqualTo(actualTable(matrix)).isEqualTo(expectedTable());

            Sheet proactive = workbook.getSheet(AnnualReportXlsx.PROACTIVE_SHEET);
            assertThat(proactive.getRow(2).getCell(1).getStringCellValue()).isEqualTo("本年制发件数");
            assertThat(proactive.getRow(3).getCell(0).getStringCellValue()).isEqualTo("规章");
            JsonNode lines = report.get("proactive").get("documents").get("lines");
            for (int i = 0; i < 2; i++) {
                Row row = proactive.getRow(3 + i);
                assertThat(row.getCell(0).getStringCellValue()).isEqualTo(lines.get(i).get("label").asString());
                assertThat((long) row.getCell(1).getNumericCellValue()).isEqualTo(lines.get(i).get("issued").asLong());
                assertThat((long) row.getCell(2).getNumericCellValue()).isEqualTo(lines.get(i).get("abolished").asLong());
                assertThat((long) row.getCell(3).getNumericCellValue()).isEqualTo(lines.get(i).get("inForce").asLong());
            }
            assertThat(proactive.getMergedRegions()).contains(CellRangeAddress.valueOf("A2:D2"));

            Sheet appeals = workbook.getSheet(AnnualReportXlsx.APPEALS_SHEET);
            assertThat(appeals.getRow(1).getCell(0).getStringCellValue()).isEqualTo("行政复议");
            assertThat(appeals.getRow(2).getCell(5).getStringCellValue()).isEqualTo("未经复议直接起诉");
            assertThat(appeals.getRow(2).getCell(10).getStringCellValue()).isEqualTo("复议后起诉");
            assertThat(appeals.getMergedRegions()).contains(CellRangeAddress.valueOf("A2:E2"), CellRangeAddress.valueOf("F2:O2"),
                    CellRangeAddress.valueOf("F3:J3"), CellRangeAddress.valueOf("K3:O3"), CellRangeAddress.valueOf("A3:A4"));
            JsonNode review = report.get("appeals").get("administrativeReview");
            if (!review.get("total").isNull()) {
                assertThat((long) appeals.getRow(4).getCell(4).getNumericCellValue()).isEqualTo(review.get("total").asLong());
            }
            assertThat(workbook.getSheet(AnnualReportXlsx.TEXT_SHEET).getRow(0).getCell(0).getStringCellValue())
                    .startsWith("2025年政府信息公开工作年度报告");
        }

        Response html = call(port, "leader", "GET", "/api/reporting/annual-reports/2025/export?format=html", null);
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.body()).contains("<h1>2025年政府信息公开工作年度报告</h1>", "申请人情况", "<th colspan=\"5\">法人或其他组织</th>",
                "<td rowspan=\"22\">三、本年度办理结果</td>", "<td rowspan=\"8\">（三）不予公开</td>", "信息处理费 150.00 元",
                "<th colspan=\"5\">未经复议直接起诉</th>", "@page{size:A4").doesNotContain("<script");
        assertThat(call(port, "leader", "GET", "/api/reporting/annual-reports/2025/export?format=pdf", null).body())
                .contains("unknown-export-format");
    }

    @Test
    void badInputAndTheWrongRoleAreChineseProblemsAndChangeNothing() {
        String base = "/api/reporting/annual-reports/2025";
        Map<String, Object> noSource = new HashMap<>(content("总体情况", 1));
        noSource.put("licensing", Map.of("count", 3));
        Response missingSource = call(port, "office", "PUT", base, noSource);
        assertThat(missingSource.status()).isEqualTo(400);
        assertThat(missingSource.body()).contains("licensing.source");
        Map<String, Object> negative = new HashMap<>(content("总体情况", 1));
        negative.put("punishment", Map.of("count", -1, "source", "执法系统"));
        assertThat(call(port, "office", "PUT", base, negative).status()).isEqualTo(400);
        Map<String, Object> unknown = new HashMap<>(content("总体情况", 1));
        unknown.put("remark", "x");
        assertThat(call(port, "office", "PUT", base, unknown).body()).contains("unknown-field");
        Response tooEarly = call(port, "office", "POST", "/api/reporting/annual-reports/2019", null);
        assertThat(tooEarly.status()).isEqualTo(422);
        assertThat(tooEarly.body()).contains("not-a-report-year", "2019");
        assertThat(call(port, "office", "POST", base, null).status()).isEqualTo(409);
        assertThat(call(port, "safety1", "GET", base, null).status()).isEqualTo(403);
        assertThat(call(port, "leader", "PUT", base, content("领导改写", 1)).status()).isEqualTo(403);
        assertThat(call(port, "office", "GET", "/api/reporting/annual-reports/2024", null).status()).isEqualTo(404);
        assertThat(call(port, null, "GET", "/api/public/annual-reports/2024", null).status()).isEqualTo(404);
        JsonNode after = call(port, "office", "GET", base, null).json();
        assertThat(after.get("audit").toString()).doesNotContain("领导改写").doesNotContain("remark");
    }

    @Test
    void lastYearsReportIsRemindedBeforeThirtyFirstJanuaryAndAnnouncedOverdueOnceAfter() {
        // 2024 has no report: reminders in January 2025 (14, 7 and 1 days ahead), then overdue once
        assertThat(service.sendReminders(LocalDate.of(2025, 1, 20))).isEqualTo(1);
        assertThat(service.sendReminders(LocalDate.of(2025, 1, 20))).isZero();
        assertThat(service.sendReminders(LocalDate.of(2025, 1, 30))).isEqualTo(2);
        assertThat(service.sendReminders(LocalDate.of(2025, 2, 3))).isEqualTo(1);
        assertThat(service.sendReminders(LocalDate.of(2025, 2, 4))).isZero();
        JsonNode inbox = call(port, "office", "GET", "/api/reporting/notifications?size=100", null).json();
        List<String> kinds = new ArrayList<>();
        inbox.get("items").forEach(n -> {
            if (n.get("title").asString().startsWith("2024 年度")) {
                kinds.add(n.get("kindLabel").asString());
            }
        });
        assertThat(kinds).containsExactlyInAnyOrder("年度报告催报", "年度报告催报", "年度报告催报", "年度报告逾期");
        assertThat(call(port, "safety1", "GET", "/api/reporting/notifications?size=100", null).body()).doesNotContain("年度报告");
        assertThat(call(port, "office", "GET", "/api/reporting/annual-reports?page=0&size=5", null).json().get("items").get(0).get("year").asInt())
                .isEqualTo(2025);
    }

    /** The figures as the service computes them now, as JSON the way the API writes it. */
    private JsonNode live() {
        return json.readTree(json.writeValueAsString(service.figures(2025)));
    }

    static Map<String, Object> content(String overview, long licensing) {
        Map<String, Object> c = new HashMap<>();
        c.put("overview", overview);
        c.put("licensing", Map.of("count", licensing, "source", "县政务服务网审批系统"));
        c.put("punishment", Map.of("count", 35, "source", "县行政执法监督平台"));
        c.put("coercion", Map.of("count", 4, "source", "县行政执法监督平台"));
        c.put("administrativeFees", Map.of("tenThousandYuan", 0.5, "source", "县财政非税收入系统"));
        c.put("administrativeReview", Map.of("upheld", 1, "corrected", 0, "other", 0, "pending", 1));
        c.put("litigationDirect", Map.of("upheld", 0, "corrected", 0, "other", 0, "pending", 0));
        c.put("litigationAfterReview", Map.of("upheld", 1, "corrected", 0, "other", 0, "pending", 0));
        c.put("problemsAndImprovements", "依申请公开答复规范性有待提高；下一步加强培训。");
        c.put("otherMatters", "无。");
        return c;
    }

    static Map<String, List<Long>> expectedTable() {
        return toLists(EXPECTED);
    }

    static Map<String, List<Long>> toLists(Map<String, long[]> table) {
        Map<String, List<Long>> lists = new LinkedHashMap<>();
        table.forEach((code, cells) -> lists.put(code, java.util.Arrays.stream(cells).boxed().toList()));
        return lists;
    }

    static Map<String, List<Long>> actualTable(JsonNode matrix) {
        Map<String, List<Long>> table = new LinkedHashMap<>();
        for (JsonNode row : matrix.get("rows")) {
            List<Long> cells = new ArrayList<>();
            for (String column : COLUMNS) {
                cells.add(row.get("cells").get(column).asLong());
            }
            table.put(row.get("code").asString(), cells);
        }
        return table;
    }
}
