package org.gongkai.reporting.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import org.bson.Document;
import org.gongkai.contracts.IntegrationEvent;
import org.gongkai.contracts.catalogue.CatalogueVersionPublished;
import org.gongkai.contracts.consultation.CommentReceived;
import org.gongkai.contracts.consultation.ConsultationClosed;
import org.gongkai.contracts.consultation.ConsultationOpened;
import org.gongkai.contracts.consultation.FeedbackPublished;
import org.gongkai.contracts.consultation.OpinionDecided;
import org.gongkai.contracts.publication.ConcernAnswered;
import org.gongkai.contracts.publication.ConcernEscalated;
import org.gongkai.contracts.publication.ConcernRegistered;
import org.gongkai.contracts.publication.DocumentAttributeChanged;
import org.gongkai.contracts.publication.DocumentDeadlineChanged;
import org.gongkai.contracts.publication.DocumentIssued;
import org.gongkai.contracts.publication.DocumentPublished;
import org.gongkai.contracts.publication.InterpretationPublished;
import org.gongkai.reporting.ReportingProperties;
import org.gongkai.reporting.facts.FactsProjection;
import org.gongkai.reporting.facts.FigureCounters;
import org.gongkai.reporting.facts.HistoryFolding;
import org.gongkai.reporting.facts.Period;
import org.gongkai.support.organisation.Sections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.UpdateDefinition;

import com.mongodb.client.result.DeleteResult;
import com.mongodb.client.result.UpdateResult;


/**
 * The pre-aggregated figures equal those recomputed from every fact (the calculation the report used before, kept as
 * the oracle) over a random history of every kind of event — delivered shuffled, a part of it twice, by two
 * competing consumers at once — for every period and as of several days, and again after a rebuild from the log.
 */
public class PreAggregatedFiguresTest {

    static final List<String> SECTIONS = List.of("safety-coordination", "disaster-relief");
    /** Counted for the county, never as a section; its dot must survive as a field name. */
    static final String UNREGISTERED = "old.section";
    static final List<String> ITEMS = List.of("WS-01", "WS-02", "WS-03", "WS-04", "WS-05", "X.06");
    static final LocalDate FIRST_DAY = LocalDate.of(2024, 1, 1);

    @RegisterExtension
    final HistoryFolding folding = new HistoryFolding();

    private MongoTemplate connect() {
        return folding.connect("reporting");
    }

    private static FiguresService figures(FactsProjection facts, LocalDate today) {
        Map<String, String> registry = new LinkedHashMap<>();
        SECTIONS.forEach(s -> registry.put(s, s));
        Clock clock = Clock.fixed(today.atTime(12, 0).toInstant(ZoneOffset.ofHours(8)), ZoneOffset.UTC);
        return new FiguresService(facts, new ReportingProperties(null, null), new Sections(registry), clock);
    }

    static List<Period> periods() {
        List<Period> periods = new ArrayList<>();
        for (int year = 2024; year <= 2026; year++) {
            periods.add(new Period(year, null));
            periods.add(new Period(year, 1));
            periods.add(new Period(year, 2));
        }
        return periods;
    }

    /** Every report, section and county figure of every period, pre-aggregated vs recomputed, as of {@code today}. */
    private static void assertPreAggregatedEqualsRecomputed(FactsProjection facts, LocalDate today) {
        FiguresService figures = figures(facts, today);
        for (Period period : periods()) {
            assertThat(figures.leadership(period)).as("leadership report %s as of %s", period, today)
                    .isEqualTo(figures.recomputedLeadership(period));
            assertThat(figures.county(period)).as("county %s as of %s", period, today).isEqualTo(figures.recomputedCounty(period));
            for (String section : SECTIONS) {
                assertThat(figures.section(section, period)).as("%s %s as of %s", section, period, today)
                        .isEqualTo(figures.recomputedSection(section, period));
            }
        }
    }

    private static final List<LocalDate> AS_OF = List.of(LocalDate.of(2025, 3, 15), LocalDate.of(2026, 8, 1), LocalDate.of(2027, 2, 1));

    @Test
    void preAggregatedFiguresEqualTheRecomputedOnesOverARandomHistoryShuffledDuplicatedAndConsumedConcurrently() throws Exception {
        List<IntegrationEvent> history = history(new Random(16));
        List<IntegrationEvent> deliveries = new ArrayList<>(history);
        Random random = new Random(61);
        for (IntegrationEvent event : history) {
            if (random.nextInt(5) == 0) {
                deliveries.add(event); // delivered again: a fact that does not change moves no counter
            }
        }
        Collections.shuffle(deliveries, random);

        List<FactsProjection> consumers = List.of(new FactsProjection(connect(), List.of()), new FactsProjection(connect(), List.of()));
        consumeConcurrently(consumers, deliveries);
        FactsProjection facts = consumers.get(0);

        SectionFigures county2025 = figures(facts, LocalDate.of(2025, 3, 15)).recomputedCounty(new Period(2025, null));
        // the history exercises what the counters must get right, not only the easy counts
        assertThat(county2025.commentsReceived()).isGreaterThan(100);
        assertThat(county2025.stillOverdue()).isPositive();
        assertThat(county2025.concernsUnansweredOverdue()).isPositive();
        assertThat(county2025.catalogueItemsCovered()).isPositive();
        assertThat(county2025.opinionsByDecision()).hasSizeGreaterThan(1);
        assertThat(county2025.issuedByLegalBasis()).isNotEmpty();
        assertThat(county2025.interpretationsByForm()).isNotEmpty();
        for (LocalDate today : AS_OF) {
            assertPreAggregatedEqualsRecomputed(facts, today);
        }
        assertNoTransitionLeft(connect());

        // the rebuild replays the log into a new generation of facts and counters, then switches to it
        FiguresService before = figures(facts, LocalDate.of(2026, 8, 1));
        var reportBefore = before.leadership(new Period(2026, 1));
        int next = facts.startBuilding();
        history.forEach(event -> facts.replay(event, next));
        facts.switchTo(next);
        assertThat(connect().collectionExists(FigureCounters.COLLECTION + "_g" + next)).isTrue();
        for (LocalDate today : AS_OF) {
            assertPreAggregatedEqualsRecomputed(facts, today);
        }
        // and the figures are those of live consumption: the facts, hence the counters, do not depend on the order
        assertThat(before.leadership(new Period(2026, 1))).as("rebuilt").isEqualTo(reportBefore);
    }

    @Test
    void aHandlerFailingAtAnyStepIsCompletedByTheRedeliveryAndNothingIsCountedTwice() {
        DocumentIssued issued = new DocumentIssued("d-1", "1号", "通知", SECTIONS.get(0), "WS-01", "PROACTIVE", null,
                LocalDate.of(2025, 6, 2), LocalDate.of(2025, 6, 30), true, "OTHER", Instant.parse("2025-06-02T01:00:00Z"));
        // published late, in the next half: moves the document out of "overdue" and counts it in 2025-H2
        DocumentPublished published = new DocumentPublished("d-1", "1号", "通知", SECTIONS.get(0), "WS-01", LocalDate.of(2025, 6, 2),
                LocalDate.of(2025, 6, 30), LocalDate.of(2025, 7, 20), false, List.of("gov-website"), Instant.parse("2025-07-20T01:00:00Z"));
        // in the same batch as the publication: a comment, so that the move spans two facts and two counter documents
        CommentReceived comment = new CommentReceived("c-1", "m-1", SECTIONS.get(1), "WS-01", "WEBSITE", Instant.parse("2025-03-02T01:00:00Z"));
        List<IntegrationEvent> batch = List.of(published, comment);
        FailingMongoTemplate counting = new FailingMongoTemplate();
        FactsProjection measuring = new FactsProjection(counting, List.of());
        measuring.apply(issued);
        int writes = counting.writes.get();
        counting.writes.set(0);
        measuring.apply(batch);
        int writesOfTheMove = counting.writes.get();
        assertThat(writesOfTheMove).as("the claims, the move recorded, the facts, the counter documents, the claims released, "
                + "the move's record and markers removed").isGreaterThanOrEqualTo(6);
        folding.stop();

        for (int failing = 1; failing <= writesOfTheMove; failing++) {
            folding.start();
            FailingMongoTemplate mongo = new FailingMongoTemplate();
            FactsProjection facts = new FactsProjection(mongo, List.of());
            facts.apply(issued);
            assertThat(mongo.writes.get()).isEqualTo(writes);
            mongo.failAt(failing);
            int step = failing;
            try {
                facts.apply(batch);
            } catch (IllegalStateException failed) {
                // the handler failed (a failure removing the move's record and markers is logged: the figures are right by then)
            }
            facts.apply(batch); // the binder redelivers the batch whose handling failed
            facts.apply(List.of(comment, published)); // and once more, in another batch: duplicates that slipped through
            for (LocalDate today : List.of(LocalDate.of(2025, 7, 10), LocalDate.of(2025, 8, 1))) {
                FiguresService figures = figures(facts, today);
                for (Period period : List.of(new Period(2025, 1), new Period(2025, 2), new Period(2025, null))) {
                    assertThat(figures.leadership(period)).as("failing at write %d, %s as of %s", step, period, today)
                            .isEqualTo(figures.recomputedLeadership(period));
                }
            }
            assertThat(figures(facts, LocalDate.of(2025, 8, 1)).county(new Period(2025, 2)).documentsPublished()).isEqualTo(1);
            assertThat(figures(facts, LocalDate.of(2025, 8, 1)).county(new Period(2025, 1)).commentsReceived()).isEqualTo(1);
            assertThat(connect().findAll(Document.class, "figure_claims")).as("claims left").isEmpty();
            folding.stop();
        }
        folding.start(); // for the extension to stop after the test
    }

    /** Writes to the database, one of which (the n-th after arming) fails as if the database were away. */
    private final class FailingMongoTemplate extends MongoTemplate {

        final AtomicInteger writes = new AtomicInteger();
        private volatile int failAt = -1;

        FailingMongoTemplate() {
            super(folding.client(), "reporting");
        }

        void failAt(int write) {
            writes.set(0);
            failAt = write;
        }

        private void write() {
            if (writes.incrementAndGet() == failAt) {
                throw new IllegalStateException("the database went away (write " + failAt + ")");
            }
        }

        /** The driver's collection, its writes counted (and failing) like the template's. */
        @Override
        @SuppressWarnings("unchecked")
        public com.mongodb.client.MongoCollection<Document> getCollection(String collectionName) {
            com.mongodb.client.MongoCollection<Document> collection = super.getCollection(collectionName);
            return (com.mongodb.client.MongoCollection<Document>) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {com.mongodb.client.MongoCollection.class}, (proxy, method, arguments) -> {
                        if (DRIVER_WRITES.contains(method.getName())) {
                            write();
                        }
                        try {
                            return method.invoke(collection, arguments);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        @Override
        public UpdateResult upsert(Query query, UpdateDefinition update, String collectionName) {
            write();
            return super.upsert(query, update, collectionName);
        }

        @Override
        public UpdateResult upsert(Query query, UpdateDefinition update, Class<?> entityClass, String collectionName) {
            write();
            return super.upsert(query, update, entityClass, collectionName);
        }

        @Override
        public UpdateResult updateFirst(Query query, UpdateDefinition update, String collectionName) {
            write();
            return super.updateFirst(query, update, collectionName);
        }

        @Override
        public <T> T findAndModify(Query query, UpdateDefinition update, FindAndModifyOptions options, Class<T> entityClass,
                String collectionName) {
            write();
            return super.findAndModify(query, update, options, entityClass, collectionName);
        }

        @Override
        public <T> T insert(T objectToSave, String collectionName) {
            write();
            return super.insert(objectToSave, collectionName);
        }

        @Override
        public DeleteResult remove(Query query, String collectionName) {
            write();
            return super.remove(query, collectionName);
        }
    }

    private static final java.util.Set<String> DRIVER_WRITES = java.util.Set.of("insertOne", "insertMany", "updateOne", "updateMany",
            "bulkWrite", "deleteOne", "deleteMany", "findOneAndUpdate", "findOneAndReplace", "findOneAndDelete", "replaceOne");

    private static void assertNoTransitionLeft(MongoTemplate mongo) {
        assertThat(mongo.findAll(Document.class, "figure_claims")).as("claims left").isEmpty();
        for (Document counters : mongo.findAll(Document.class, FigureCounters.COLLECTION)) {
            Document markers = counters.get(FigureCounters.APPLIED, Document.class);
            assertThat(markers == null ? Map.of() : markers).as("markers of %s", counters.get("_id")).isEmpty();
        }
    }

    /** The deliveries handed out in turn, as a queue does to its consumers. */
    private static void consumeConcurrently(List<FactsProjection> consumers, List<IntegrationEvent> deliveries) throws Exception {
        List<List<IntegrationEvent>> perConsumer = new ArrayList<>();
        for (int c = 0; c < consumers.size(); c++) {
            List<IntegrationEvent> delivered = new ArrayList<>();
            for (int i = c; i < deliveries.size(); i += consumers.size()) {
                delivered.add(deliveries.get(i));
            }
            perConsumer.add(delivered);
        }
        HistoryFolding.deliverConcurrently(consumers, perConsumer, Duration.ofSeconds(300));
    }

    /** Several hundred events of each kind over three years, with late publications, late answers and decisions revised. */
    public static List<IntegrationEvent> history(Random random) {
        List<IntegrationEvent> events = new ArrayList<>();
        List<String> sections = new ArrayList<>(SECTIONS);
        sections.add(UNREGISTERED);
        for (int c = 0; c < 3; c++) {
            for (int v = 1; v <= 2; v++) {
                List<CatalogueVersionPublished.Item> items = new ArrayList<>();
                for (String code : ITEMS) {
                    items.add(ScriptedHistoryIntegrationTest.item(code + (c == 0 ? "" : "-" + c)));
                }
                items.set(random.nextInt(items.size()), item(ITEMS.get(0), false));
                events.add(new CatalogueVersionPublished("catalogue-" + c, v, v == 1 ? FIRST_DAY.plusDays(random.nextInt(200)) : day(random),
                        instant(random), items));
            }
        }
        for (int i = 0; i < 300; i++) {
            String id = "document-" + i;
            String section = pick(random, sections);
            String item = pick(random, ITEMS);
            LocalDate issuedOn = day(random);
            LocalDate due = random.nextInt(10) == 0 ? null : issuedOn.plusDays(20 + random.nextInt(20));
            events.add(new DocumentIssued(id, i + "号", "文件" + i, section, item, pick(random, List.of("PROACTIVE", "ON_REQUEST", "NOT_DISCLOSED")),
                    random.nextBoolean() ? null : pick(random, List.of("STATE_SECRET", "INTERNAL_AFFAIRS", "PROCESS.INFO")), issuedOn, due,
                    true, "OTHER", at(issuedOn)));
            LocalDate publishedOn = issuedOn.plusDays(random.nextInt(70));
            if (random.nextInt(4) != 0) {
                events.add(new DocumentPublished(id, i + "号", "文件" + i, section, item, issuedOn, due, publishedOn,
                        due == null || !publishedOn.isAfter(due), List.of("gov-website"), at(publishedOn)));
            }
            if (random.nextInt(5) < 2) {
                List<String> forms = new ArrayList<>(List.of("TEXT"));
                if (random.nextBoolean()) {
                    forms.add(pick(random, List.of("INFOGRAPHIC", "VIDEO", "PRESS.CONFERENCE")));
                }
                events.add(new InterpretationPublished(id, i + "号", section, forms, forms.size() > 1, publishedOn.plusDays(random.nextInt(3)),
                        at(publishedOn)));
            }
            if (random.nextInt(7) == 0) {
                LocalDate changedOn = issuedOn.plusDays(random.nextInt(400));
                events.add(new DocumentAttributeChanged(id, i + "号", section, changedOn.getYear(), "NOT_DISCLOSED", "PROACTIVE", changedOn,
                        due, at(changedOn)));
            }
            if (random.nextInt(10) == 0) {
                events.add(new DocumentDeadlineChanged(id, i + "号", section, due, true, at(issuedOn)));
            }
        }
        for (int i = 0; i < 300; i++) {
            String id = "concern-" + i;
            String section = pick(random, sections);
            Instant firstSeen = instant(random);
            Instant due = firstSeen.plus(Duration.ofHours(48));
            events.add(new ConcernRegistered(id, section, "HIGH", "微博", firstSeen, due, firstSeen));
            if (random.nextInt(10) < 7) {
                Instant answered = firstSeen.plus(Duration.ofMinutes(random.nextInt(96 * 60)));
                events.add(new ConcernAnswered(id, section, "gov-website", firstSeen, answered, !answered.isAfter(due), answered));
            }
            if (random.nextInt(5) == 0) {
                events.add(new ConcernEscalated(id, section, List.of("DISCLOSURE"), firstSeen.plusSeconds(3600)));
            }
        }
        List<ConsultationOpened> consultations = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String id = "consultation-" + i;
            String section = pick(random, sections);
            Instant opened = instant(random);
            LocalDate start = opened.atZone(FiguresCalculator.CHINA).toLocalDate();
            ConsultationOpened open = new ConsultationOpened(id, "征求意见" + i, section, pick(random, ITEMS), List.of("WEBSITE"), start,
                    start.plusDays(30), false, true, opened);
            consultations.add(open);
            events.add(open);
            Instant closed = opened.plus(Duration.ofDays(30));
            if (random.nextInt(5) != 0) {
                events.add(new ConsultationClosed(id, section, open.catalogueItemCode(), start, start.plusDays(30), closed));
                if (random.nextBoolean()) {
                    events.add(new FeedbackPublished(id, section, open.catalogueItemCode(), 3, 2, 1, 0, 1, 1, random.nextInt(2),
                            closed.plus(Duration.ofDays(10))));
                }
            }
        }
        for (int i = 0; i < 800; i++) {
            ConsultationOpened c = pick(random, consultations);
            events.add(new CommentReceived(c.consultationId(), "comment-" + i, c.section(), c.catalogueItemCode(),
                    pick(random, List.of("WEBSITE", "HEARING")), c.openedAt().plus(Duration.ofMinutes(random.nextInt(60 * 24 * 30)))));
        }
        List<String> decisions = List.of("ADOPTED", "PARTLY_ADOPTED", "NOT_ADOPTED");
        for (int i = 0; i < 300; i++) {
            ConsultationOpened c = pick(random, consultations);
            Instant decided = c.openedAt().plus(Duration.ofDays(31 + random.nextInt(20)));
            boolean concentrated = random.nextInt(3) == 0;
            events.add(new OpinionDecided(c.consultationId(), "opinion-" + i, c.section(), c.catalogueItemCode(), pick(random, decisions),
                    "理由", 1 + random.nextInt(5), concentrated, decided));
            if (random.nextInt(10) < 3) {
                // decided anew, perhaps in the next half-year: the counts move to the new decision and period
                events.add(new OpinionDecided(c.consultationId(), "opinion-" + i, c.section(), c.catalogueItemCode(), pick(random, decisions),
                        "复议", 1 + random.nextInt(5), concentrated, decided.plus(Duration.ofDays(random.nextInt(200)))));
            }
        }
        return events;
    }

    private static CatalogueVersionPublished.Item item(String code, boolean applicable) {
        CatalogueVersionPublished.Item item = ScriptedHistoryIntegrationTest.item(code);
        return new CatalogueVersionPublished.Item(item.code(), item.level1(), item.level2(), item.timeLimit(), item.timeLimitRule(),
                item.channels(), item.audience(), item.method(), item.level(), item.sections(), applicable);
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static LocalDate day(Random random) {
        return FIRST_DAY.plusDays(random.nextInt(3 * 365));
    }

    private static Instant instant(Random random) {
        return FIRST_DAY.atStartOfDay(FiguresCalculator.CHINA).toInstant().plusSeconds(random.nextLong(3L * 365 * 24 * 3600));
    }

    private static Instant at(LocalDate day) {
        return day.atTime(10, 0).atZone(FiguresCalculator.CHINA).toInstant();
    }
}
