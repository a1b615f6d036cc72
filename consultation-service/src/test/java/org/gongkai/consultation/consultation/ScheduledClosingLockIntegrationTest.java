package org.gongkai.consultation.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Date;

import org.bson.Document;
import org.gongkai.consultation.ConsultationIntegrationTest;
import org.gongkai.support.scheduling.SchedulerLocks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.TestPropertySource;

/** The scheduled closing round takes its lock in the service's database before it runs (several instances run it once). */
@ConsultationIntegrationTest
@TestPropertySource(properties = "gongkai.consultation.closing-interval=1s")
class ScheduledClosingLockIntegrationTest {

    @Autowired
    MongoTemplate mongo;

    @Test
    void theClosingRoundRunsUnderItsLock() {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Document lock = mongo.getCollection(SchedulerLocks.COLLECTION).find(new Document("_id", "consultation-closing")).first();
            assertThat(lock).as("lock record of the closing round").isNotNull();
            assertThat(lock.get("lockedAt", Date.class)).isNotNull();
            assertThat(lock.getString("lockedBy")).isNotBlank();
        });
    }
}
