package org.gongkai.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.gongkai.contracts.catalogue.CatalogueVersionPublished;
import org.gongkai.support.catalogue.CatalogueSnapshot;
import org.gongkai.support.catalogue.CatalogueSnapshots;
import org.gongkai.testsupport.PublishedCatalogues;
import org.gongkai.testsupport.ServiceIntegrationTest;
import org.gongkai.testsupport.TestEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** publication-service keeps the highest catalogue version it has heard of, whatever the order of delivery. */
@ServiceIntegrationTest
class CatalogueSnapshotIntegrationTest {

    @Autowired
    TestEvents events;
    @Autowired
    CatalogueSnapshots snapshots;

    @Test
    void versionsArrivingTwiceOrOutOfOrderLeaveTheHighest() {
        CatalogueVersionPublished v1 = PublishedCatalogues.workSafety(1);
        List<CatalogueVersionPublished.Item> items = new ArrayList<>(v1.items());
        items.add(new CatalogueVersionPublished.Item("WS-29", "重点领域信息公开", "危险化学品安全监管信息", "信息形成或变更之日起20个工作日内",
                "WORKING_DAYS_AFTER_CHANGE(20)", List.of("gov-website"), List.of("all-society"), List.of("proactive"),
                List.of("county"), List.of("safety-coordination"), true));
        CatalogueVersionPublished v7 = new CatalogueVersionPublished("work-safety", 7, LocalDate.of(2026, 12, 1), Instant.now(), items);
        CatalogueVersionPublished v6 = new CatalogueVersionPublished("work-safety", 6, LocalDate.of(2026, 6, 1), Instant.now(), v1.items());

        events.send("catalogue", v7);
        await().atMost(Duration.ofSeconds(15)).until(() -> version() == 7);
        events.send("catalogue", v6);
        events.send("catalogue", v7);
        String marker = events.send("catalogue", PublishedCatalogues.workSafety(5));
        // the three later deliveries are consumed in order; once the last is handled, nothing replaced v7
        await().atMost(Duration.ofSeconds(15)).until(() -> processed(marker));
        assertThat(version()).isEqualTo(7);
        assertThat(snapshots.item("WS-29")).isPresent();
    }

    @Test
    void aPoisonMessageIsDeadLetteredAtOnceAndChangesNothing() {
        String dlq = events.namespace() + ".catalogue.publication-service.dlq";
        long before = Math.max(0, events.messagesIn(dlq));
        String id = events.sendRaw("catalogue", "gongkai.catalogue.version-published.v1", "{not json".getBytes());
        // valid events are retried for minutes (a dependency may be down); poison is not retried at all, so it is
        // dead-lettered long before the first two retries (1 s + 2 s) and their backoff could even have run
        await().atMost(Duration.ofSeconds(20)).until(() -> events.messagesIn(dlq) == before + 1);
        assertThat(processed(id)).as("a failed event is not marked processed, so a fixed redelivery would run").isFalse();
    }

    @Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;

    private boolean processed(String eventId) {
        return mongo.findById(eventId, org.bson.Document.class, "processed_events") != null;
    }

    private int version() {
        return snapshots.all().stream().filter(s -> s.catalogue().equals("work-safety")).mapToInt(CatalogueSnapshot::version)
                .findFirst().orElse(-1);
    }
}
