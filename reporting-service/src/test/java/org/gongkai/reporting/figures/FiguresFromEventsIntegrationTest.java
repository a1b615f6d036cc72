package org.gongkai.reporting.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.gongkai.contracts.publication.DocumentIssued;
import org.gongkai.contracts.publication.DocumentPublished;
import org.gongkai.testsupport.ServiceIntegrationTest;
import org.gongkai.testsupport.TestEvents;
import org.gongkai.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reporting learns only from events on the real broker; duplicates and disorder change nothing. */
@ServiceIntegrationTest
class FiguresFromEventsIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestEvents events;
    @Autowired
    MongoTemplate mongo;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void countsIssuedAndPublishedDocumentsPerSectionAndIgnoresRedeliveries() {
        Instant now = Instant.now();
        DocumentIssued issuedOnTime = new DocumentIssued("doc-1", "县应急〔2026〕1号", "通知一", "safety-coordination", "WS-03",
                "PROACTIVE", null, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 30), true, now);
        DocumentPublished publishedOnTime = new DocumentPublished("doc-1", "县应急〔2026〕1号", "通知一", "safety-coordination",
                "WS-03", LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 30), LocalDate.of(2026, 3, 20), true,
                List.of("gov-website"), now);
        DocumentIssued issuedLate = new DocumentIssued("doc-2", "县应急〔2026〕2号", "通知二", "safety-coordination", "WS-03",
                "PROACTIVE", null, LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30), true, now);
        DocumentPublished publishedLate = new DocumentPublished("doc-2", "县应急〔2026〕2号", "通知二", "safety-coordination",
                "WS-03", LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30), LocalDate.of(2026, 5, 12), false,
                List.of("gov-website"), now);
        DocumentIssued notDisclosed = new DocumentIssued("doc-3", "县应急〔2026〕3号", "内部通知", "disaster-relief", "DR-01",
                "NOT_DISCLOSED", "INTERNAL_AFFAIRS", LocalDate.of(2026, 5, 6), null, false, now);

        // published before issued arrives, and one event delivered twice
        events.send("publication", publishedOnTime);
        events.send("publication", issuedOnTime);
        String duplicateId = events.send("publication", publishedLate);
        events.send("publication", publishedLate, duplicateId);
        events.send("publication", issuedLate);
        events.send("publication", notDisclosed);

        await().atMost(Duration.ofSeconds(15)).until(() -> mongo.count(new org.springframework.data.mongodb.core.query.Query(),
                "event_log") == 5);
        JsonNode safety = figures("safety1", "/api/reporting/sections/safety-coordination/figures?period=2026-H1");
        assertThat(safety.get("documentsIssued").asLong()).isEqualTo(2);
        assertThat(safety.get("documentsPublished").asLong()).isEqualTo(2);
        assertThat(safety.get("publishedOnTime").asLong()).isEqualTo(1);
        assertThat(safety.get("publishedLate").asLong()).isEqualTo(1);
        assertThat(safety.get("onTimePublicationRate").asDouble()).isEqualTo(0.5);

        JsonNode county = figures("leader", "/api/reporting/county/figures?period=2026");
        assertThat(county.get("documentsIssued").asLong()).isEqualTo(3);
        assertThat(county.get("issuedByLegalBasis").get("INTERNAL_AFFAIRS").asLong()).isEqualTo(1);
    }

    @Test
    void aSectionCannotReadAnotherSectionsFigures() {
        int status = RestClient.create("http://localhost:" + port).get()
                .uri("/api/reporting/sections/safety-coordination/figures?period=2026-H1")
                .header("Authorization", "Bearer " + TestTokens.forUser("relief1"))
                .exchange((req, res) -> res.getStatusCode().value());
        assertThat(status).isEqualTo(403);
        int countyStatus = RestClient.create("http://localhost:" + port).get().uri("/api/reporting/county/figures?period=2026")
                .header("Authorization", "Bearer " + TestTokens.forUser("safety1"))
                .exchange((req, res) -> res.getStatusCode().value());
        assertThat(countyStatus).isEqualTo(403);
    }

    private JsonNode figures(String user, String path) {
        return json.readTree(RestClient.create("http://localhost:" + port).get().uri(path)
                .header("Authorization", "Bearer " + TestTokens.forUser(user)).retrieve().body(String.class));
    }
}
