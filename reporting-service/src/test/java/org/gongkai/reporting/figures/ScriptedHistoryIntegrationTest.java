package org.gongkai.reporting.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.gongkai.contracts.IntegrationEvent;
import org.gongkai.contracts.catalogue.CatalogueVersionPublished;
import org.gongkai.contracts.consultation.CommentReceived;
import org.gongkai.contracts.consultation.ConsultationClosed;
import org.gongkai.contracts.consultation.ConsultationOpened;
import org.gongkai.contracts.consultation.FeedbackPublished;
import org.gongkai.contracts.consultation.OpinionDecided;
import org.gongkai.contracts.publication.ConcernAnswered;
import org.gongkai.contracts.publication.ConcernEscalated;
import org.gongkai.contracts.publication.ConcernRegistered;
import org.gongkai.contracts.publication.DocumentIssued;
import org.gongkai.contracts.publication.DocumentPublished;
import org.gongkai.contracts.publication.InterpretationPublished;
import org.gongkai.testsupport.ServiceIntegrationTest;
import org.gongkai.testsupport.TestEvents;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import org.gongkai.testsupport.TestHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small scripted history travels through the real broker: section safety-coordination receives it in order,
 * section disaster-relief receives the very same history shuffled and with every event delivered twice.
 */
@ServiceIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public class ScriptedHistoryIntegrationTest {

    static final String IN_ORDER = "safety-coordination";
    static final String SHUFFLED = "disaster-relief";

    @LocalServerPort
    int port;
    @Autowired
    TestEvents events;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    private final JsonMapper json = JsonMapper.builder().build();

    public record Sent(String producer, IntegrationEvent event) {
    }

    static Instant at(String instant) {
        return Instant.parse(instant);
    }

    public static List<Sent> history(String section, String p) {
        LocalDate d = null;
        return List.of(
                new Sent("publication", new DocumentIssued(p + "d1", p + "1号", "通知一", section, "WS-01", "PROACTIVE", null,
                        LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 30), true, "NORMATIVE", at("2026-03-02T01:00:00Z"))),
                new Sent("publication", new DocumentPublished(p + "d1", p + "1号", "通知一", section, "WS-01", LocalDate.of(2026, 3, 2),
                        LocalDate.of(2026, 3, 30), LocalDate.of(2026, 3, 20), true, List.of("gov-website"), at("2026-03-20T01:00:00Z"))),
                new Sent("publication", new InterpretationPublished(p + "d1", p + "1号", section, List.of("INFOGRAPHIC", "TEXT"), true,
                        LocalDate.of(2026, 3, 20), at("2026-03-20T01:00:00Z"))),
                new Sent("publication", new DocumentIssued(p + "d2", p + "2号", "通知二", section, "WS-02", "PROACTIVE", null,
                        LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 29), true, "OTHER", at("2026-04-01T01:00:00Z"))),
                // the late publication
                new Sent("publication", new DocumentPublished(p + "d2", p + "2号", "通知二", section, "WS-02", LocalDate.of(2026, 4, 1),
                        LocalDate.of(2026, 4, 29), LocalDate.of(2026, 5, 12), false, List.of("gov-website"), at("2026-05-12T01:00:00Z"))),
                new Sent("publication", new InterpretationPublished(p + "d2", p + "2号", section, List.of("TEXT"), false,
                        LocalDate.of(2026, 5, 12), at("2026-05-12T01:00:00Z"))),
                new Sent("publication", new DocumentIssued(p + "d3", p + "3号", "内部通知", section, "WS-03", "NOT_DISCLOSED",
                        "INTERNAL_AFFAIRS", LocalDate.of(2026, 5, 6), d, false, "OTHER", at("2026-05-06T01:00:00Z"))),
                new Sent("publication", new ConcernRegistered(p + "c1", section, "HIGH", "微博", at("2026-05-01T00:00:00Z"),
                        at("2026-05-03T00:00:00Z"), at("2026-05-01T01:00:00Z"))),
                // the late concern response
                new Sent("publication", new ConcernAnswered(p + "c1", section, "gov-website", at("2026-05-01T00:00:00Z"),
                        at("2026-05-03T06:00:00Z"), false, at("2026-05-03T06:00:00Z"))),
                new Sent("publication", new ConcernRegistered(p + "c2", section, "MAJOR", "抖音", at("2026-06-01T00:00:00Z"),
                        at("2026-06-03T00:00:00Z"), at("2026-06-01T01:00:00Z"))),
                new Sent("publication", new ConcernEscalated(p + "c2", section, List.of("CYBERSPACE", "DISCLOSURE", "EMERGENCY", "PROPAGANDA"),
                        at("2026-06-01T02:00:00Z"))),
                new Sent("publication", new ConcernAnswered(p + "c2", section, "press-conference", at("2026-06-01T00:00:00Z"),
                        at("2026-06-02T00:00:00Z"), true, at("2026-06-02T00:00:00Z"))),
                new Sent("consultation", new ConsultationOpened(p + "k1", "征求意见", section, "WS-05", List.of("WEBSITE"),
                        LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 4), false, true, at("2026-02-01T01:00:00Z"))),
                new Sent("consultation", new CommentReceived(p + "k1", p + "m1", section, "WS-05", "WEBSITE", at("2026-02-02T01:00:00Z"))),
                new Sent("consultation", new CommentReceived(p + "k1", p + "m2", section, "WS-05", "WEBSITE", at("2026-02-03T01:00:00Z"))),
                new Sent("consultation", new CommentReceived(p + "k1", p + "m3", section, "WS-05", "HEARING", at("2026-02-04T01:00:00Z"))),
                new Sent("consultation", new ConsultationClosed(p + "k1", section, "WS-05", LocalDate.of(2026, 2, 1),
                        LocalDate.of(2026, 3, 4), at("2026-03-05T00:00:00Z"))),
                new Sent("consultation", new OpinionDecided(p + "k1", p + "o1", section, "WS-05", "ADOPTED", "采纳", 2, false,
                        at("2026-03-10T01:00:00Z"))),
                // the concentrated opinion that was not adopted
                new Sent("consultation", new OpinionDecided(p + "k1", p + "o2", section, "WS-05", "NOT_ADOPTED", "与上位法不符", 5, true,
                        at("2026-03-10T02:00:00Z"))),
                new Sent("consultation", new FeedbackPublished(p + "k1", section, "WS-05", 3, 2, 1, 0, 1, 1, 1, at("2026-03-12T01:00:00Z"))));
    }

    @BeforeAll
    void deliverTheHistoryTwice() {
        events.send("catalogue", new CatalogueVersionPublished("work-safety", 1, LocalDate.of(2019, 5, 30), at("2026-01-05T00:00:00Z"),
                List.of(item("WS-01"), item("WS-02"), item("WS-03"), item("WS-04"))));
        int sent = 1;
        for (Sent s : history(IN_ORDER, "a-")) {
            events.send(s.producer(), s.event());
            sent++;
        }
        List<Sent> shuffled = new ArrayList<>(history(SHUFFLED, "b-"));
        Collections.shuffle(shuffled, new Random(7));
        List<String[]> deliveries = new ArrayList<>();
        for (Sent s : shuffled) {
            String id = java.util.UUID.randomUUID().toString();
            deliveries.add(new String[] {id});
            events.send(s.producer(), s.event(), id);
            sent++;
        }
        // every event of the shuffled history a second time, with the same event ids, in another order
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < shuffled.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(11));
        for (int i : order) {
            events.send(shuffled.get(i).producer(), shuffled.get(i).event(), deliveries.get(i)[0]);
        }
        int expected = sent;
        // an event id is recorded as processed only after its handlers ran, so this waits for the read models too
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.count(new Query(), "event_log") == expected);
        assertThat(mongo.count(new Query(), "event_log")).isEqualTo(expected);
    }

    static CatalogueVersionPublished.Item item(String code) {
        return new CatalogueVersionPublished.Item(code, "政策文件", code, "信息形成或变更之日起20个工作日内", "WORKING_DAYS_AFTER_CHANGE(20)",
                List.of("gov-website"), List.of("all-society"), List.of("proactive"), List.of("county"), List.of(), true);
    }

    @Test
    void everyIndicatorIsComputedFromTheEvents() {
        JsonNode f = get("office", "/api/reporting/sections/" + IN_ORDER + "/figures?period=2026-H1");
        assertThat(f.get("documentsIssued").asLong()).isEqualTo(3);
        assertThat(f.get("documentsPublished").asLong()).isEqualTo(2);
        assertThat(f.get("publishedOnTime").asLong()).isEqualTo(1);
        assertThat(f.get("publishedLate").asLong()).isEqualTo(1);
        assertThat(f.get("stillOverdue").asLong()).isZero();
        assertThat(f.get("onTimePublicationRate").asDouble()).isEqualTo(0.5);
        assertThat(f.get("issuedByAttribute").toString()).isEqualTo("{\"NOT_DISCLOSED\":1,\"PROACTIVE\":2}");
        assertThat(f.get("issuedByLegalBasis").toString()).isEqualTo("{\"INTERNAL_AFFAIRS\":1}");
        assertThat(f.get("interpretationsPublished").asLong()).isEqualTo(2);
        assertThat(f.get("interpretationsByForm").toString()).isEqualTo("{\"INFOGRAPHIC\":1,\"TEXT\":2}");
        assertThat(f.get("nonTextInterpretationShare").asDouble()).isEqualTo(0.5);
        assertThat(f.get("concernsReceived").asLong()).isEqualTo(2);
        assertThat(f.get("concernsAnsweredWithin48Hours").asLong()).isEqualTo(1);
        assertThat(f.get("concernsAnsweredLate").asLong()).isEqualTo(1);
        assertThat(f.get("concernsEscalated").asLong()).isEqualTo(1);
        assertThat(f.get("responseWithin48HoursRate").asDouble()).isEqualTo(0.5);
        assertThat(f.get("consultationsOpened").asLong()).isEqualTo(1);
        assertThat(f.get("consultationsClosed").asLong()).isEqualTo(1);
        assertThat(f.get("commentsReceived").asLong()).isEqualTo(3);
        assertThat(f.get("opinionsByDecision").toString()).isEqualTo("{\"ADOPTED\":1,\"NOT_ADOPTED\":1}");
        assertThat(f.get("codeLabels").get("NOT_ADOPTED").asString()).isEqualTo("未予采纳");
        assertThat(f.get("codeLabels").get("PROACTIVE").asString()).isEqualTo("主动公开");
        assertThat(f.get("codeLabels").get("NOT_DISCLOSED").asString()).isEqualTo("不予公开");
        assertThat(f.get("concentratedOpinionsNotAdopted").asLong()).isEqualTo(1);
        assertThat(f.get("feedbackReportsPublished").asLong()).isEqualTo(1);
        assertThat(f.get("adoptionRate").asDouble()).isEqualTo(0.5);
        assertThat(f.get("catalogueVersionsPublished").asLong()).isEqualTo(1);
        assertThat(f.get("catalogueItemsCovered").asLong()).isEqualTo(2);
        assertThat(f.get("catalogueCoverage").asDouble()).isEqualTo(0.5);

        JsonNode leadership = get("leader", "/api/reporting/leadership/report?period=2026-H1");
        assertThat(leadership.get("indicators").toString()).contains("\"name\":\"nonTextInterpretationShare\",\"value\":0.5,\"target\":0.9,\"met\":false");
        assertThat(leadership.get("indicators").toString()).contains("\"nameLabel\":\"多元化解读占比\"");
        // score = (40·0.5 + 20·0.5/0.9 + 30·0.5 + 10·0.5) / 100
        assertThat(leadership.get("sections").get(0).get("score").asDouble()).isEqualTo(51.1);
        assertThat(leadership.get("trend").size()).isEqualTo(4);
    }

    @Test
    void historyDeliveredTwiceAndShuffledGivesIdenticalReadModels() {
        JsonNode inOrder = get("office", "/api/reporting/sections/" + IN_ORDER + "/figures?period=2026-H1");
        JsonNode shuffled = get("office", "/api/reporting/sections/" + SHUFFLED + "/figures?period=2026-H1");
        assertThat(without(shuffled, "section")).isEqualTo(without(inOrder, "section"));
        // the second delivery of each of the 20 shuffled events was recognised by its id and not handled again
        assertThat(meters.get("gongkai.events.duplicates").counter().count()).isEqualTo(20.0);
    }

    @Test
    void rebuildFromTheLogEqualsLiveConsumption() {
        JsonNode live = get("leader", "/api/reporting/leadership/report?period=2026");
        int replayed = TestHttp.call(port, "admin", "POST", "/api/reporting/read-models/rebuild", null).json()
                .get("eventsReplayed").asInt();
        assertThat(replayed).isEqualTo(1 + 2 * history(IN_ORDER, "").size());
        assertThat(get("leader", "/api/reporting/leadership/report?period=2026")).isEqualTo(live);
    }

    @Test
    void xlsxExportShowsTheFiguresOnScreen() throws Exception {
        JsonNode onScreen = get("safety1", "/api/reporting/sections/" + IN_ORDER + "/figures?period=2026-H1");
        byte[] xlsx = TestHttp.download(port, "safety1", "/api/reporting/sections/" + IN_ORDER + "/figures/export?period=2026-H1&format=xlsx");
        Map<String, String> exported = new HashMap<>();
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter format = new DataFormatter();
            // Chinese headers; then per figure its Chinese name, its code and its value as a number where it is one
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("指标");
            assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("数值");
            for (Row row : sheet) {
                if (row.getRowNum() == 0) {
                    continue;
                }
                org.apache.poi.ss.usermodel.Cell valueCell = row.getCell(2);
                exported.put(format.formatCellValue(row.getCell(1)), valueCell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                        ? String.valueOf(valueCell.getNumericCellValue()) : valueCell.getStringCellValue());
                if (format.formatCellValue(row.getCell(1)).equals("documentsPublished")) {
                    assertThat(row.getCell(0).getStringCellValue()).isEqualTo("主动公开文件数");
                    assertThat(valueCell.getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.NUMERIC);
                }
            }
        }
        onScreen.propertyNames().forEach(name -> {
            JsonNode value = onScreen.get(name);
            if (value.isObject()) {
                value.propertyNames().forEach(k -> assertSame(exported.get(name + "." + k), value.get(k).asString(), name + "." + k));
            } else {
                assertSame(exported.get(name), value.isNull() ? "" : value.asString(), name);
            }
        });
        assertThat(Double.parseDouble(exported.get("documentsPublished"))).isEqualTo(2.0);
        assertThat(Double.parseDouble(exported.get("onTimePublicationRate"))).isEqualTo(0.5);
    }

    /** The same figure: equal text, or equal numbers (a numeric cell reads 2.0 where the API says 2). */
    private static void assertSame(String exported, String onScreen, String name) {
        if (exported != null && onScreen != null && onScreen.matches("-?\\d+(\\.\\d+)?([eE]-?\\d+)?")) {
            assertThat(Double.parseDouble(exported)).as(name).isEqualTo(Double.parseDouble(onScreen));
        } else {
            assertThat(exported).as(name).isEqualTo(onScreen);
        }
    }

    @Test
    void aSectionReadsOnlyItsOwnFigures() {
        assertThat(status("relief1", "/api/reporting/sections/" + IN_ORDER + "/figures?period=2026-H1")).isEqualTo(403);
        assertThat(status("safety1", "/api/reporting/leadership/report?period=2026-H1")).isEqualTo(403);
        assertThat(status("safety1", "/api/reporting/sections/" + IN_ORDER + "/figures?period=2026-Q1")).isEqualTo(422);
        // one registry of sections: no figures, and no place in the leadership report, for a section that does not exist
        assertThat(status("office", "/api/reporting/sections/no-such-section/figures?period=2026-H1")).isEqualTo(422);
        JsonNode leadership = get("leader", "/api/reporting/leadership/report?period=2026-H1");
        List<String> evaluated = new ArrayList<>();
        leadership.get("sections").forEach(s -> evaluated.add(s.get("section").asString()));
        assertThat(evaluated).containsExactly("disaster-relief", "safety-coordination");
    }

    private static JsonNode without(JsonNode node, String field) {
        return ((tools.jackson.databind.node.ObjectNode) node.deepCopy()).without(field);
    }

    private JsonNode get(String user, String path) {
        return json.readTree(TestHttp.download(port, user, path));
    }

    private int status(String user, String path) {
        return TestHttp.get(port, user, path).status();
    }
}
