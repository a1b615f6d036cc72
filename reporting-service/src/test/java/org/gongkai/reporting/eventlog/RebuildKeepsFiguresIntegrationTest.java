package org.gongkai.reporting.eventlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.gongkai.contracts.EventCatalog;
import org.gongkai.contracts.consultation.CommentReceived;
import org.gongkai.contracts.publication.ApplicationReceived;
import org.gongkai.reporting.annualreport.AnnualReportService;
import org.gongkai.reporting.annualreport.ApplicationMatrix;
import org.gongkai.reporting.facts.FactsProjection;
import org.gongkai.reporting.facts.Period;
import org.gongkai.reporting.figures.FiguresService;
import org.gongkai.testsupport.ServiceIntegrationTest;
import org.gongkai.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.TestPropertySource;

import org.gongkai.testsupport.TestHttp;
import tools.jackson.databind.json.JsonMapper;

/**
 * A rebuild fills new collections and switches when complete: figures read while it runs are those from before it,
 * the leadership's figures and the annual report's table 三 alike.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = "gongkai.test.context=reliability") // a context of its own: other tests count the event log
class RebuildKeepsFiguresIntegrationTest {

    static final int COMMENTS = 1500;
    static final int APPLICATIONS = 300;

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    FactsProjection facts;
    @Autowired
    FiguresService figures;
    @Autowired
    AnnualReportService annualReports;

    private long receivedIn2023() {
        return annualReports.figures(2023).applications().row(ApplicationMatrix.RECEIVED).cells().get(ApplicationMatrix.TOTAL);
    }

    @Test
    void figuresReadDuringARebuildEqualThoseBeforeIt() {
        // a log long enough that the replay takes a while; each comment logged and folded in as the consumer does
        Period period = Period.halfOf(LocalDate.of(2023, 3, 1));
        JsonMapper json = JsonMapper.builder().build();
        List<EventLogEntry> log = new ArrayList<>();
        for (int i = 0; i < COMMENTS; i++) {
            CommentReceived comment = new CommentReceived("rebuild-consultation", "rebuild-" + UUID.randomUUID(), "disaster-relief",
                    "DR-03", "WEBSITE", Instant.parse("2023-03-01T02:00:00Z").plusSeconds(i));
            log.add(new EventLogEntry(UUID.randomUUID().toString(), EventCatalog.typeOf(CommentReceived.class), "/gongkai/test",
                    comment.subject(), comment.receivedAt(), Instant.now(), json.writeValueAsString(comment)));
            facts.apply(comment);
        }
        for (int i = 0; i < APPLICATIONS; i++) {
            ApplicationReceived application = new ApplicationReceived("rebuild-application-" + i, "disaster-relief", "NATURAL_PERSON",
                    "ONLINE", LocalDate.of(2023, 3, 1), LocalDate.of(2023, 3, 29), Instant.parse("2023-03-01T02:00:00Z"));
            log.add(new EventLogEntry(UUID.randomUUID().toString(), EventCatalog.typeOf(ApplicationReceived.class), "/gongkai/test",
                    application.subject(), application.occurredAt(), Instant.now(), json.writeValueAsString(application)));
            facts.apply(application);
        }
        mongo.insertAll(log);
        long before = figures.county(period).commentsReceived();
        assertThat(before).isEqualTo(COMMENTS);
        long applicationsBefore = receivedIn2023();
        assertThat(applicationsBefore).isEqualTo(APPLICATIONS);

        CompletableFuture<String> rebuild = CompletableFuture.supplyAsync(() -> TestHttp.client(port).post()
                .uri("/api/reporting/read-models/rebuild").header("Authorization", "Bearer " + TestTokens.forUser("admin"))
                .retrieve().body(String.class));
        List<Long> readDuringRebuild = new ArrayList<>();
        List<Long> applicationsReadDuringRebuild = new ArrayList<>();
        while (!rebuild.isDone()) {
            long read = figures.county(period).commentsReceived();
            long applications = receivedIn2023();
            if (!rebuild.isDone()) {
                readDuringRebuild.add(read);
                applicationsReadDuringRebuild.add(applications);
            }
        }
        assertThat(rebuild.join()).contains("eventsReplayed");
        assertThat(readDuringRebuild).as("figures were read while the rebuild ran").hasSizeGreaterThanOrEqualTo(3);
        assertThat(readDuringRebuild).as("every figure read during the rebuild").containsOnly(before);
        assertThat(figures.county(period).commentsReceived()).as("after the switch").isEqualTo(before);
        assertThat(applicationsReadDuringRebuild).as("table 三, row 一, read during the rebuild").containsOnly(applicationsBefore);
        assertThat(receivedIn2023()).as("table 三 after the switch").isEqualTo(applicationsBefore);
    }
}
