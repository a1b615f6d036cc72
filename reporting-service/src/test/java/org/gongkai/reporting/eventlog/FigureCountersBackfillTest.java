package org.gongkai.reporting.eventlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.gongkai.contracts.EventCatalog;
import org.gongkai.contracts.IntegrationEvent;
import org.gongkai.reporting.facts.FactsProjection;
import org.gongkai.reporting.facts.FigureCounters;
import org.gongkai.reporting.facts.Period;
import org.gongkai.reporting.figures.PreAggregatedFiguresTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.repository.support.MongoRepositoryFactory;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import tools.jackson.databind.json.JsonMapper;

/** Facts stored before the figure counters existed get counted at the first start with them, by a rebuild from the log. */
class FigureCountersBackfillTest {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client = MongoClients.create(server.bindAndGetConnectionString());
    private final MongoTemplate mongo = new MongoTemplate(client, "reporting");
    private final JsonMapper json = JsonMapper.builder().build();

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void countersMissingForLoggedFactsAreFilledByARebuildAtStart() {
        FactsProjection facts = new FactsProjection(mongo, List.of());
        List<IntegrationEvent> history = PreAggregatedFiguresTest.history(new Random(3));
        for (IntegrationEvent event : history) {
            mongo.insert(new EventLogEntry(UUID.randomUUID().toString(), EventCatalog.typeOf(event.getClass()), "/gongkai/test",
                    null, Instant.now(), Instant.now(), json.writeValueAsString(event)));
            facts.apply(event);
        }
        // as an earlier version left them: the facts, no counters
        mongo.dropCollection(FigureCounters.COLLECTION);
        assertThat(facts.countersComplete()).isFalse();
        assertThat(facts.counters(List.of(new Period(2025, 1).toString()))).isEmpty();

        new FigureCountersBackfillListener(facts, new RebuildService(new MongoRepositoryFactory(mongo).getRepository(EventLogRepository.class), facts, json), mongo).backfill();

        await().atMost(Duration.ofSeconds(120)).until(facts::countersComplete);
        assertThat(facts.counters(List.of(new Period(2025, 1).toString()))).isNotEmpty();
    }

    @Test
    void anEmptyLogMarksTheCountersCompleteAtOnce() {
        FactsProjection facts = new FactsProjection(mongo, List.of());
        new FigureCountersBackfillListener(facts, new RebuildService(new MongoRepositoryFactory(mongo).getRepository(EventLogRepository.class), facts, json), mongo).backfill();
        assertThat(facts.countersComplete()).isTrue();
    }
}
