package org.gongkai.reporting.eventlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.gongkai.contracts.EventCatalog;
import org.gongkai.contracts.consultation.CommentReceived;
import org.gongkai.reporting.facts.Period;
import org.gongkai.reporting.figures.FiguresService;
import org.gongkai.testsupport.ServiceIntegrationTest;
import org.gongkai.testsupport.TestEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Reporting consumes in batches; a poison message in a batch is dead-lettered at once and alone, and the valid events
 * around it are counted. The consumer is stopped while the three messages are queued, so that they arrive in one batch.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = "gongkai.test.context=poison-batch") // a context of its own: it counts the DLQ
class PoisonInABatchIntegrationTest {

    @Autowired
    TestEvents events;
    @Autowired
    FiguresService figures;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    BindingsLifecycleController bindings;

    @Test
    void aPoisonMessageInABatchIsDeadLetteredAloneAndTheOtherEventsAreCounted() {
        String queue = events.namespace() + ".consultation.reporting-service";
        Period period = Period.halfOf(LocalDate.of(2025, 4, 7));
        long before = figures.county(period).commentsReceived();

        bindings.stop("events-in-0");
        String first = send("first");
        String poison = events.sendRaw("consultation", EventCatalog.typeOf(CommentReceived.class),
                "{\"commentId\": ".getBytes(StandardCharsets.UTF_8));
        String second = send("second");
        await().atMost(Duration.ofSeconds(15)).until(() -> events.messagesIn(queue) == 3);
        bindings.start("events-in-0");

        await().atMost(Duration.ofSeconds(30)).until(() -> logged(first) && logged(second));
        assertThat(figures.county(period).commentsReceived()).as("both valid events counted").isEqualTo(before + 2);
        await().atMost(Duration.ofSeconds(15)).until(() -> events.messagesIn(queue + ".dlq") == 1);
        assertThat(logged(poison)).isFalse();
        assertThat(events.messagesIn(queue)).as("nothing left waiting").isZero();
    }

    private String send(String name) {
        String id = UUID.randomUUID().toString();
        events.send("consultation", new CommentReceived("poison-batch", name + "-" + id, "safety-coordination", "WS-05", "WEBSITE",
                Instant.parse("2025-04-07T02:00:00Z")), id);
        return id;
    }

    private boolean logged(String eventId) {
        return mongo.findById(eventId, org.bson.Document.class, "event_log") != null;
    }
}
