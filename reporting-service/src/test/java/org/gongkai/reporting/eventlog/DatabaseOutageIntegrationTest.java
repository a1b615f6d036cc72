package org.gongkai.reporting.eventlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.gongkai.contracts.consultation.CommentReceived;
import org.gongkai.reporting.facts.Period;
import org.gongkai.reporting.figures.FiguresService;
import org.gongkai.testsupport.TcpOutage;
import org.gongkai.testsupport.TestEvents;
import org.gongkai.testsupport.TestInfrastructure;
import org.gongkai.testsupport.TestInfrastructureInitializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.cloud.stream.binder.ConsumerProperties;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.ContextConfiguration;

/**
 * A database outage does not dead-letter valid events: events that arrive while reporting's MongoDB is unreachable (a
 * real cut of the connection, through a relay) are retried with backoff and all counted once the database is back, and
 * nothing reaches a DLQ. The outage lasted 120 s; the retry budget is checked to cover that, and a real outage
 * (20 s by default, {@code -Dgongkai.test.database-outage=PT120S} for the full one) outlasts the first attempts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = DatabaseOutageIntegrationTest.ThroughOutage.class)
@Import(TestEvents.class)
class DatabaseOutageIntegrationTest {

    static final Duration REQUIRED_RIDE_OUT = Duration.ofSeconds(120);
    static final Duration OUTAGE = Duration.parse(System.getProperty("gongkai.test.database-outage", "PT20S"));
    static TcpOutage outage;

    /** The standard test infrastructure, except that the service reaches its database only through the cuttable relay. */
    static class ThroughOutage implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            new TestInfrastructureInitializer().initialize(context);
            try {
                URI mongo = URI.create(TestInfrastructure.mongoAddress());
                outage = new TcpOutage(mongo.getHost(), mongo.getPort());
                // a short server selection so that each attempt fails within seconds (the default waits 30 s)
                TestPropertyValues.of("spring.mongodb.uri=mongodb://127.0.0.1:" + outage.port() + "/reporting-outage-"
                        + UUID.randomUUID().toString().substring(0, 8) + "?serverSelectionTimeoutMS=2000&connectTimeoutMS=2000")
                        .applyTo(context);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Autowired
    TestEvents events;
    @Autowired
    FiguresService figures;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    BindingServiceProperties bindings;

    @AfterAll
    static void closeRelay() throws IOException {
        outage.close();
    }

    @Test
    void eventsQueuedDuringADatabaseOutageAreAllCountedAndNoneIsDeadLettered() {
        ConsumerProperties consumer = bindings.getConsumerProperties("events-in-0");
        assertThat(waitBetweenAttempts(consumer, consumer.getMaxAttempts() - 1))
                .as("the retries of one event ride out a %s database outage", REQUIRED_RIDE_OUT)
                .isGreaterThan(REQUIRED_RIDE_OUT);
        assertThat(OUTAGE).as("the outage lasts longer than the first four attempts' backoff")
                .isGreaterThan(waitBetweenAttempts(consumer, 4));

        Period period = Period.halfOf(LocalDate.of(2024, 5, 6));
        List<String> ids = new ArrayList<>();
        outage.cut();
        Instant cutAt = Instant.now();
        for (int i = 0; i < 40; i++) {
            String id = UUID.randomUUID().toString();
            events.send("consultation", new CommentReceived("outage-consultation", "outage-" + id, "safety-coordination", "WS-05",
                    "WEBSITE", Instant.parse("2024-05-06T02:00:00Z").plusSeconds(i)), id);
            ids.add(id);
        }
        // the outage itself: the database stays unreachable for this long while the consumer keeps failing and retrying,
        // and all along nothing is dead-lettered
        Duration rest = Duration.ofMillis(Math.max(1, OUTAGE.minus(Duration.between(cutAt, Instant.now())).toMillis()));
        await("nothing dead-lettered during the outage").during(rest).atMost(rest.plusSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> deadLettered() == 0);
        outage.restore();

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> mongo.count(Query.query(Criteria.where("_id").in(ids)), "event_log") == ids.size());
        assertThat(figures.county(period).commentsReceived()).as("every event counted once").isEqualTo(40);
        assertThat(deadLettered()).as("nothing dead-lettered").isZero();
    }

    /** Sum of the binder's backoff before the first {@code retries} retries (initial interval, doubling, capped). */
    private static Duration waitBetweenAttempts(ConsumerProperties consumer, int retries) {
        long total = 0;
        double interval = consumer.getBackOffInitialInterval();
        for (int i = 0; i < retries; i++) {
            total += (long) Math.min(interval, consumer.getBackOffMaxInterval());
            interval *= consumer.getBackOffMultiplier();
        }
        return Duration.ofMillis(total);
    }

    private long deadLettered() {
        long total = 0;
        for (String producer : List.of("catalogue", "publication", "consultation")) {
            total += Math.max(0, events.messagesIn(events.namespace() + "." + producer + ".reporting-service.dlq"));
        }
        return total;
    }
}
