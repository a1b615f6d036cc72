package org.gongkai.publication.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.gongkai.publication.PublicationTestSupport.draft;
import static org.gongkai.testsupport.TestHttp.call;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;

import org.gongkai.publication.PublicationTestSupport;
import org.gongkai.support.catalogue.CatalogueSnapshots;
import org.gongkai.testsupport.ServiceIntegrationTest;
import org.gongkai.testsupport.TcpOutage;
import org.gongkai.testsupport.TestEvents;
import org.gongkai.testsupport.TestInfrastructure;
import org.gongkai.testsupport.TestInfrastructureInitializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;

import tools.jackson.databind.json.JsonMapper;

/**
 * No event is lost when RabbitMQ is unreachable while a user saves: the change and its event are stored
 * together, the user's request succeeds, and the event is delivered once the broker is back.
 */
@ServiceIntegrationTest
@ContextConfiguration(initializers = OutboxSurvivesBrokerOutageIntegrationTest.ThroughOutage.class)
class OutboxSurvivesBrokerOutageIntegrationTest {

    static TcpOutage outage;

    /** The standard test infrastructure, except that the service reaches the real broker only through the cuttable relay. */
    static class ThroughOutage implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            new TestInfrastructureInitializer().initialize(context);
            try {
                TestInfrastructure.Broker broker = TestInfrastructure.broker();
                outage = new TcpOutage(broker.host(), broker.port());
                TestPropertyValues.of("spring.rabbitmq.host=127.0.0.1", "spring.rabbitmq.port=" + outage.port()).applyTo(context);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    TestEvents events;
    @Autowired
    CatalogueSnapshots snapshots;
    @Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;

    @AfterAll
    static void closeRelay() throws IOException {
        outage.close();
    }

    @Test
    void eventSavedWhileTheBrokerIsDownArrivesAfterItComesBack() {
        PublicationTestSupport.learnCatalogue(events, snapshots);
        var created = call(port, "safety1", "POST", "/api/documents", draft("县应急〔2024〕50号", "PROACTIVE", null));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = JsonMapper.builder().build().readTree(created.body()).get("id").asString();
        call(port, "safety1", "POST", "/api/documents/" + id + "/submission", null);
        call(port, "office", "POST", "/api/documents/" + id + "/reviews", Map.of("decision", "APPROVE", "responsibleHead", "王局长"));

        outage.cut();
        var issued = call(port, "safety1", "POST", "/api/documents/" + id + "/issuance", Map.of("issuedOn", "2026-11-02"));
        assertThat(issued.status()).as("the user's save succeeds while the broker is down").isEqualTo(200);
        // several relay rounds fail meanwhile; the event stays in the document's outbox
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> outboxSize(id) == 1);
        // readiness means "can serve requests", which it still can: the broker's state is a health group of its own
        assertThat(call(port, null, "GET", "/actuator/health/readiness", null).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> call(port, null, "GET", "/actuator/health/broker", null).status() == 503);

        outage.restore();
        TestEvents.Received event = events.awaitType("gongkai.publication.document-issued.v1", r -> r.data().contains(id));
        assertThat(event.json().get("documentNumber").asString()).isEqualTo("县应急〔2024〕50号");
        await().atMost(Duration.ofSeconds(10)).until(() -> outboxSize(id) == 0);
    }

    /** Read straight from the stored document: the outbox lives inside the aggregate's own record. */
    private int outboxSize(String id) {
        org.bson.Document stored = mongo.findById(id, org.bson.Document.class, "documents");
        return stored == null ? -1 : stored.getList("outbox", Object.class, java.util.List.of()).size();
    }
}
