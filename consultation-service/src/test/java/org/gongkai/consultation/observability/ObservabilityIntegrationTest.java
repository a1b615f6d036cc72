package org.gongkai.consultation.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.gongkai.testsupport.TestHttp.call;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.bson.Document;
import org.gongkai.consultation.ConsultationIntegrationTest;
import org.gongkai.consultation.ConsultationTestSupport;
import org.gongkai.support.catalogue.CatalogueSnapshots;
import org.gongkai.support.events.InboundEvents;
import org.gongkai.support.events.OutboxRelay;
import org.gongkai.testsupport.PublishedCatalogues;
import org.gongkai.testsupport.TestEvents;
import org.gongkai.testsupport.TestHttp.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.TestPropertySource;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/**
 * Issue 14, observability: the service's Prometheus scrape names the suite's own meters, and one request can be
 * followed by its W3C trace id from the HTTP call into the outbox entry it records, onto the broker (the CloudEvents
 * {@code traceparent} extension), and into the consumer that handles such an event. The relay is driven by the test,
 * so the outbox entry can be read before it is sent.
 */
@ConsultationIntegrationTest
@TestPropertySource(properties = "gongkai.events.relay-enabled=false")
class ObservabilityIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestEvents events;
    @Autowired
    CatalogueSnapshots snapshots;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    OutboxRelay relay;

    private final ListAppender<ILoggingEvent> consumerLog = new ListAppender<>();
    private final Logger inbound = (Logger) LoggerFactory.getLogger(InboundEvents.class);

    @BeforeEach
    void watchTheConsumersLog() {
        consumerLog.start();
        inbound.addAppender(consumerLog);
        ConsultationTestSupport.learnCatalogue(events, snapshots);
    }

    @AfterEach
    void stopWatching() {
        inbound.detachAppender(consumerLog);
    }

    @Test
    void thePrometheusScrapeOnTheServicesOwnPortNamesTheSuitesMeters() {
        Response scrape = call(port, "admin", "GET", "/actuator/prometheus", null);
        assertThat(scrape.status()).as(scrape.body()).isEqualTo(200);
        assertThat(scrape.body()).contains(
                "gongkai_events_outbox_backlog",            // events not yet confirmed by the broker
                "gongkai_events_consumed_seconds_count{",   // events consumed, by type and outcome
                "gongkai_events_dead_letters{",             // depth of each consumer queue's DLQ
                "gongkai_events_duplicates_total");         // redeliveries recognised by their id
        assertThat(scrape.body()).containsPattern(
                "gongkai_events_consumed_seconds_count\\{[^}]*outcome=\"handled\"[^}]*type=\"gongkai.catalogue.version-published.v1\"");
        assertThat(call(port, "office", "GET", "/actuator/prometheus", null).status()).isEqualTo(403);
    }

    @Test
    void requestsAreTimedWithoutSpringSecuritysOwnObservations() {
        assertThat(call(port, "safety1", "GET", "/api/consultations", null).status()).isEqualTo(200);
        assertThat(call(port, null, "GET", "/api/consultations", null).status()).isEqualTo(401);
        String scrape = call(port, "admin", "GET", "/actuator/prometheus", null).body();
        assertThat(scrape).as("the request's own timer").contains("http_server_requests_seconds_count{")
                .as("none of Spring Security's own observations (a timer and a span per filter phase, authentication and authorization)")
                .doesNotContain("spring_security_");
    }

    @Test
    void aTracedRequestsTraceIdTravelsWithTheEventItRecordsOntoTheBroker() {
        String traceId = hex(16);
        String traceparent = "00-" + traceId + "-" + hex(8) + "-01";
        Response created = call(port, "safety1", "POST", "/api/consultations", ConsultationTestSupport.draft(false),
                Map.of("traceparent", traceparent));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        Response opened = call(port, "safety1", "POST", "/api/consultations/" + id + "/opening", null,
                Map.of("traceparent", traceparent));
        assertThat(opened.status()).as(opened.body()).isEqualTo(200);

        Document consultation = mongo.findById(id, Document.class, "consultations");
        List<Document> outbox = consultation.getList("outbox", Document.class);
        assertThat(outbox).as("the opening's outbox entry").isNotEmpty();
        assertThat(outbox).allSatisfy(entry -> assertThat(entry.getString("traceparent"))
                .as("the entry remembers the request's trace").matches("00-" + traceId + "-[0-9a-f]{16}-01"));

        assertThat(relay.backlog()).as("the outbox backlog gauge's value").isGreaterThanOrEqualTo(outbox.size());
        assertThat(relay.relayPending()).isPositive();
        assertThat(relay.backlog()).isZero();
        TestEvents.Received sent = events.awaitType("gongkai.consultation.consultation-opened.v1", r -> r.data().contains(id));
        assertThat(String.valueOf(sent.headers().get("cloudEvents:traceparent")))
                .as("the CloudEvents distributed-tracing extension").matches("00-" + traceId + "-[0-9a-f]{16}-01");
    }

    @Test
    void theConsumerHandlesAnEventInThePublishersTrace() {
        String traceId = hex(16);
        String eventId = UUID.randomUUID().toString();
        events.send("catalogue", PublishedCatalogues.workSafety(2), eventId,
                Map.of("cloudEvents:traceparent", "00-" + traceId + "-" + hex(8) + "-01"));

        ILoggingEvent handled = await().atMost(Duration.ofSeconds(30)).until(() -> consumerLog.list.stream()
                .filter(line -> line.getFormattedMessage().startsWith("handled event") && line.getFormattedMessage().contains(eventId))
                .findFirst().orElse(null), line -> line != null);
        assertThat(handled.getMDCPropertyMap()).as("the handler's log line").containsEntry("traceId", traceId);
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        random[0] |= 1; // never all zeros, which W3C calls invalid
        return HexFormat.of().formatHex(random);
    }
}
