package org.gongkai.reporting.eventlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.bson.Document;
import org.gongkai.contracts.consultation.CommentReceived;
import org.gongkai.reporting.facts.Period;
import org.gongkai.reporting.figures.FiguresService;
import org.gongkai.support.deadletters.DeadLetters;
import org.gongkai.testsupport.ServiceIntegrationTest;
import org.gongkai.testsupport.TestEvents;
import org.gongkai.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatusCode;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.client.RestClient;

import io.micrometer.core.instrument.MeterRegistry;
import org.gongkai.testsupport.TestHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A valid event that ended in the DLQ (a dependency was down longer than the retries) is visible (a gauge, a warning in
 * health that does not touch readiness), and the admin's re-drive brings it into reporting exactly once, audited.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = "gongkai.test.context=reliability") // a context of its own: other tests count the event log
class DeadLetterRedriveIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestEvents events;
    @Autowired
    FiguresService figures;
    @Autowired
    MeterRegistry meters;
    @Autowired
    MongoTemplate mongo;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aDeadLetteredValidEventIsReDrivenByAnAdminAndCountedExactlyOnce() {
        String queue = events.namespace() + ".consultation.reporting-service";
        String dlq = queue + ".dlq";
        Instant receivedAt = Instant.parse("2025-03-04T02:00:00Z");
        Period period = Period.halfOf(java.time.LocalDate.of(2025, 3, 4));
        long before = figures.county(period).commentsReceived();
        String eventId = UUID.randomUUID().toString();
        CommentReceived comment = new CommentReceived("k-" + eventId, "m-" + eventId, "safety-coordination", "WS-05", "WEBSITE", receivedAt);
        // dead-lettered twice (e.g. the redelivery of an unacknowledged attempt): the re-drive must still count it once
        events.sendToQueue(dlq, comment, eventId);
        events.sendToQueue(dlq, comment, eventId);
        await().atMost(Duration.ofSeconds(15)).until(() -> events.messagesIn(dlq) == 2);

        assertThat(meters.get(DeadLetters.DEPTH_METRIC).tag("queue", queue).gauge().value()).isEqualTo(2.0);
        int healthStatus = client().get().uri("/actuator/health").exchange((request, response) -> response.getStatusCode().value());
        assertThat(healthStatus).as("WARNING is answered with 200").isEqualTo(200);
        JsonNode health = get("/actuator/health", null);
        assertThat(health.path("status").asString()).as("a warning, answered with 200").isEqualTo("WARNING");
        assertThat(get("/actuator/health/events", null).path("status").asString()).as("the events group").isEqualTo("WARNING");
        assertThat(get("/actuator/health/readiness", null).path("status").asString()).as("readiness untouched").isEqualTo("UP");
        assertThat(figures.county(period).commentsReceived()).as("not counted while dead-lettered").isEqualTo(before);

        String path = "/api/reporting-service/admin/dead-letters/redrive";
        HttpStatusCode refused = client().post().uri(path).header("Authorization", "Bearer " + TestTokens.forUser("office"))
                .exchange((request, response) -> response.getStatusCode());
        assertThat(refused.value()).as("admins only").isEqualTo(403);
        assertThat(events.messagesIn(dlq)).isEqualTo(2);

        String correlationId = "redrive-" + eventId;
        JsonNode result = json.readTree(client().post().uri(path).header("Authorization", "Bearer " + TestTokens.forUser("admin"))
                .header("X-Correlation-Id", correlationId).retrieve().body(String.class));
        assertThat(result.path("byQueue").path(queue).asInt()).isEqualTo(2);

        await().atMost(Duration.ofSeconds(30)).until(() -> events.messagesIn(dlq) == 0 && processed(eventId));
        await().atMost(Duration.ofSeconds(15)).until(() -> figures.county(period).commentsReceived() == before + 1);
        assertThat(mongo.count(Query.query(Criteria.where("_id").is(eventId)), EventLogEntry.class)).isEqualTo(1);
        assertThat(meters.get(DeadLetters.DEPTH_METRIC).tag("queue", queue).gauge().value()).isZero();

        Document audit = mongo.findOne(Query.query(Criteria.where("correlationId").is(correlationId)), Document.class, "dead_letter_redrives");
        assertThat(audit).as("the re-drive is audited in the database").isNotNull();
        assertThat(audit.get("audit", Document.class).getString("username")).isEqualTo("admin");
        assertThat(audit.get("audit", Document.class).get("at")).isNotNull();
        assertThat(audit.getList("queues", Document.class)).anySatisfy(q -> {
            assertThat(q.getString("queue")).isEqualTo(queue);
            assertThat(q.getInteger("redriven")).isEqualTo(2);
        });

        // a second re-drive finds nothing of this queue and changes no figure
        JsonNode again = json.readTree(client().post().uri(path).header("Authorization", "Bearer " + TestTokens.forUser("admin"))
                .retrieve().body(String.class));
        assertThat(again.path("byQueue").path(queue).asInt()).isZero();
        assertThat(figures.county(period).commentsReceived()).isEqualTo(before + 1);
    }

    private boolean processed(String eventId) {
        return mongo.findById(eventId, Document.class, "event_log") != null;
    }

    private JsonNode get(String uri, String token) {
        String body = client().get().uri(uri).exchange((request, response) -> new String(response.getBody().readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8));
        return json.readTree(body);
    }

    private RestClient client() {
        return TestHttp.client(port);
    }
}
