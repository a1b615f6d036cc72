package org.gongkai.reporting.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.bson.Document;
import org.gongkai.contracts.IntegrationEvent;
import org.gongkai.reporting.annualreport.AnnualReportFactsProjection;
import org.gongkai.reporting.annualreport.AnnualReportIntegrationTest;
import org.gongkai.reporting.figures.ScriptedHistoryIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.data.mongodb.core.MongoTemplate;



/**
 * Two reporting-service instances consuming one queue (competing consumers: each message reaches one of them, a
 * redelivery perhaps the other) fold the same history into the same database concurrently. Every fact collection
 * must end up identical to what one instance makes of the history delivered in order: a batch reads, changes and writes
 * its facts only under their claims, so two instances never interleave on one fact. Each instance consumes in batches of
 * varying size, as the binding in batch mode hands them over.
 */
class CompetingConsumersTest {

    @RegisterExtension
    final HistoryFolding folding = new HistoryFolding();

    private MongoTemplate connect(String database) {
        return folding.connect(database);
    }

    /** One instance: its own connection, its facts service and the annual report's fold of them. */
    private FactsProjection instance(String database) {
        MongoTemplate mongo = connect(database);
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        AnnualReportFactsProjection annualReport = new AnnualReportFactsProjection(mongo, beans.getBeanProvider(FactsProjection.class));
        FactsProjection facts = new FactsProjection(mongo, List.of(annualReport));
        beans.addBean("facts", facts);
        return facts;
    }

    private static List<IntegrationEvent> history() {
        List<IntegrationEvent> events = new ArrayList<>();
        ScriptedHistoryIntegrationTest.history("safety-coordination", "a-").forEach(s -> events.add(s.event()));
        ScriptedHistoryIntegrationTest.history("disaster-relief", "b-").forEach(s -> events.add(s.event()));
        AnnualReportIntegrationTest.history().forEach(s -> events.add(s.event()));
        return events;
    }

    @Test
    void twoInstancesFoldingOneShuffledHistoryConcurrentlyMakeTheFactsOneInstanceMakesInOrder() throws Exception {
        List<IntegrationEvent> history = history();
        FactsProjection alone = instance("one-instance");
        history.forEach(alone::apply);

        // the queue hands the shuffled history out in turn; a fifth of the events is redelivered to the other instance
        List<IntegrationEvent> shuffled = new ArrayList<>(history);
        Collections.shuffle(shuffled, new Random(14));
        List<List<IntegrationEvent>> deliveries = List.of(new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < shuffled.size(); i++) {
            deliveries.get(i % 2).add(shuffled.get(i));
            if (i % 5 == 0) {
                deliveries.get((i + 1) % 2).add(shuffled.get(i));
            }
        }
        List<FactsProjection> instances = List.of(instance("two-instances"), instance("two-instances"));
        HistoryFolding.deliverConcurrently(instances, deliveries, Duration.ofSeconds(120));

        MongoTemplate one = connect("one-instance");
        MongoTemplate two = connect("two-instances");
        List<Class<?>> types = new ArrayList<>(FactsProjection.FACT_TYPES);
        types.addAll(new AnnualReportFactsProjection(one, new StaticListableBeanFactory().getBeanProvider(FactsProjection.class)).factTypes());
        int compared = 0;
        for (Class<?> type : types) {
            String collection = one.getCollectionName(type);
            Map<String, String> expected = contents(one, collection);
            assertThat(contents(two, collection)).as(collection).isEqualTo(expected);
            compared += expected.size();
        }
        assertThat(compared).as("facts compared").isGreaterThan(50);
    }

    @Test
    void aRebuildRunByOneInstanceTakesTheOthersLiveEventsAndEveryInstanceReadsTheNewGenerationAfterTheSwitch() {
        FactsProjection rebuilding = instance("reporting");
        FactsProjection other = instance("reporting");
        List<IntegrationEvent> history = history();
        IntegrationEvent live = history.get(history.size() - 1);
        history.subList(0, history.size() - 1).forEach(rebuilding::apply);
        List<DocumentFacts> before = other.all(DocumentFacts.class);
        assertThat(before).isNotEmpty();

        int next = rebuilding.startBuilding();
        assertThatThrownBy(other::startBuilding).as("one rebuild at a time, across instances").isInstanceOf(IllegalStateException.class);
        history.subList(0, history.size() - 1).forEach(event -> rebuilding.replay(event, next));
        other.apply(live); // consumed by the other instance while the rebuild runs
        assertThat(other.all(DocumentFacts.class)).as("readers still see the active generation").hasSize(before.size()
                + (live instanceof org.gongkai.contracts.publication.DocumentIssued ? 1 : 0));
        rebuilding.switchTo(next);

        MongoTemplate one = connect("one-instance");
        FactsProjection alone = instance("one-instance");
        history.forEach(alone::apply);
        for (Class<?> type : FactsProjection.FACT_TYPES) {
            assertThat(contents(connect("reporting"), one.getCollectionName(type) + "_g" + next)).as(type.getSimpleName())
                    .isEqualTo(contents(one, one.getCollectionName(type)));
            assertThat(other.all(type)).as("the other instance reads the new generation").hasSize(
                    one.findAll(Document.class, one.getCollectionName(type)).size());
        }
        other.startBuilding(); // free again after the switch
    }

    private static Map<String, String> contents(MongoTemplate mongo, String collection) {
        Map<String, String> byId = new TreeMap<>();
        for (Document fact : mongo.findAll(Document.class, collection)) {
            byId.put(String.valueOf(fact.get("_id")), new TreeMap<>(fact).toString());
        }
        return byId;
    }
}
