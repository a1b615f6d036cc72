package org.gongkai.reporting.facts;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;

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
import org.gongkai.contracts.IntegrationEvent;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.UpdateMapper;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Folds events into facts. Each event writes only the fields it knows, with single-document upserts, so the facts
 * are the same whatever the order of delivery; repeated events are dropped earlier by event id. After each write
 * the fact's pre-aggregated {@link FigureCounters} are moved to what it now contributes ({@link FigureCountersRepository}),
 * so the figures are read from a few counter documents instead of every fact.
 * <p>
 * The facts live in a generation of collections ({@code document_facts}, then {@code document_facts_g1} …). Readers
 * always read the active generation; a rebuild fills the next one while live events go to both, and switches only
 * when it is complete, so no reader ever sees figures that are half rebuilt. The counters belong to the generation
 * too ({@code figure_counters}, {@code figure_counters_g1} …).
 */
@Component
public class FactsProjection {

    static final List<Class<?>> FACT_TYPES = List.of(DocumentFacts.class, ConcernFacts.class, ConsultationFacts.class,
            CommentFacts.class, OpinionFacts.class, CatalogueVersionFacts.class);

    private final MongoTemplate mongo;
    private final List<FactFold> folds;
    private final FigureCountersRepository counting;
    private final UpdateMapper updates;
    /** Held (shared) while an event is applied, (exclusively) while the generations change. */
    private final ReentrantReadWriteLock generations = new ReentrantReadWriteLock();
    /** A rebuild claimed this long ago and not finished was left by an instance that died. */
    static final java.time.Duration ABANDONED_AFTER = java.time.Duration.ofMinutes(30);

    public FactsProjection(MongoTemplate mongo, List<FactFold> folds) {
        this.mongo = mongo;
        this.folds = List.copyOf(folds);
        this.counting = new FigureCountersRepository(mongo);
        this.updates = new UpdateMapper(mongo.getConverter());
    }

    /** Every fact of {@code type}, from the active generation. */
    public <T> List<T> all(Class<T> type) {
        return mongo.find(new Query(), type, collection(type, generations().generation()));
    }

    /** The facts of {@code type} of one section, from the active generation. */
    public <T> List<T> ofSection(String section, Class<T> type) {
        return mongo.find(Query.query(Criteria.where("section").is(section)), type, collection(type, generations().generation()));
    }

    /** The pre-aggregated figures' counter documents of the active generation, by id (absent ones left out). */
    public java.util.Map<String, org.bson.Document> counters(java.util.Collection<String> ids) {
        java.util.Map<String, org.bson.Document> byId = new java.util.HashMap<>();
        for (org.bson.Document counters : mongo.find(Query.query(Criteria.where("_id").in(ids)), org.bson.Document.class,
                countersCollection(generations().generation()))) {
            byId.put(counters.getString("_id"), counters);
        }
        return byId;
    }

    public void apply(IntegrationEvent event) {
        apply(List.of(event));
    }

    /**
     * Applies a batch of events in their order: the facts they touch are read, changed and written together, and their
     * counters moved once for the batch (see {@link FigureCountersRepository}).
     */
    public void apply(List<? extends IntegrationEvent> events) {
        generations.readLock().lock();
        try {
            // read from the database each time: a rebuild may be run by another instance of this service
            ActiveGeneration now = generations();
            apply(events, now.generation());
            if (now.building() != null) {
                apply(events, now.building()); // a rebuild is filling the next generation: it must not miss a live event
            }
        } finally {
            generations.readLock().unlock();
        }
    }

    /**
     * Starts filling a new, empty generation beside the active one; live events go to both from now on, in every
     * instance (the generation being built is recorded in the database, claimed with one conditional update). A
     * rebuild left unfinished by an instance that died is taken over after {@link #ABANDONED_AFTER}.
     */
    public int startBuilding() {
        generations.writeLock().lock();
        try {
            ActiveGeneration current = generations();
            int next = current.generation() + 1;
            java.util.Date now = new java.util.Date();
            Criteria free = new Criteria().orOperator(Criteria.where("building").exists(false), Criteria.where("building").is(null),
                    Criteria.where("buildingSince").lt(java.util.Date.from(now.toInstant().minus(ABANDONED_AFTER))));
            mongo.upsert(Query.query(Criteria.where("_id").is(ActiveGeneration.FACTS)), new Update().setOnInsert("generation", 0),
                    ActiveGeneration.class);
            var claimed = mongo.updateFirst(Query.query(new Criteria().andOperator(Criteria.where("_id").is(ActiveGeneration.FACTS),
                    Criteria.where("generation").is(current.generation()), free)),
                    new Update().set("building", next).set("buildingSince", now), ActiveGeneration.class);
            if (claimed.getMatchedCount() == 0) {
                throw new IllegalStateException("a rebuild is already filling generation " + generations().building());
            }
            drop(next); // left over from a rebuild that did not finish
            return next;
        } finally {
            generations.writeLock().unlock();
        }
    }

    /** Replays one logged event into the generation being built. */
    public void replay(IntegrationEvent event, int generation) {
        apply(List.of(event), generation);
    }

    /** Replays logged events, in their order, into the generation being built. */
    public void replay(List<? extends IntegrationEvent> events, int generation) {
        apply(events, generation);
    }

    /** Whether the active generation's figure counters hold every fact (not so for facts stored before they existed). */
    public boolean countersComplete() {
        return mongo.exists(byId(FigureCounters.COMPLETE), countersCollection(generations().generation()));
    }

    /** Marks the active generation's figure counters as holding every fact (when there is no fact yet). */
    public void markCountersComplete() {
        markCountersComplete(generations().generation());
    }

    private void markCountersComplete(int generation) {
        mongo.upsert(byId(FigureCounters.COMPLETE), new Update().setOnInsert("since", new java.util.Date()),
                countersCollection(generation));
    }

    /** The complete generation becomes the one readers see (in every instance); the old one is dropped. */
    public void switchTo(int generation) {
        markCountersComplete(generation); // replayed from the whole log, its counters hold every fact
        generations.writeLock().lock();
        try {
            int old = generations().generation();
            mongo.upsert(Query.query(Criteria.where("_id").is(ActiveGeneration.FACTS)),
                    new Update().set("generation", generation).unset("building").unset("buildingSince"), ActiveGeneration.class);
            drop(old);
        } finally {
            generations.writeLock().unlock();
        }
    }

    /** A failed rebuild: readers keep the active generation, the partial one goes. */
    public void abandon(int generation) {
        generations.writeLock().lock();
        try {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(ActiveGeneration.FACTS).and("building").is(generation)),
                    new Update().unset("building").unset("buildingSince"), ActiveGeneration.class);
            drop(generation);
        } finally {
            generations.writeLock().unlock();
        }
    }

    /** The active generation and the one being built, as recorded for all instances (0 and none at first). */
    private ActiveGeneration generations() {
        ActiveGeneration stored = mongo.findById(ActiveGeneration.FACTS, ActiveGeneration.class);
        return stored == null ? new ActiveGeneration(ActiveGeneration.FACTS, 0, null, null) : stored;
    }

    private void drop(int generation) {
        for (Class<?> type : FACT_TYPES) {
            mongo.dropCollection(collection(type, generation));
        }
        for (FactFold fold : folds) {
            for (Class<?> type : fold.factTypes()) {
                mongo.dropCollection(collection(type, generation));
            }
        }
        mongo.dropCollection(countersCollection(generation));
    }

    private static String countersCollection(int generation) {
        return generation == 0 ? FigureCounters.COLLECTION : FigureCounters.COLLECTION + "_g" + generation;
    }

    private String collection(Class<?> type, int generation) {
        String base = mongo.getCollectionName(type);
        return generation == 0 ? base : base + "_g" + generation;
    }

    private void apply(List<? extends IntegrationEvent> events, int generation) {
        List<FigureCountersRepository.FactWrite> writes = new ArrayList<>();
        for (IntegrationEvent event : events) {
            for (FactFold fold : folds) {
                fold.apply(event, type -> collection(type, generation));
            }
            factWrites(event, generation, writes);
        }
        counting.write(writes, countersCollection(generation));
    }

    /** The event's writes to counted facts (added to {@code writes}); a catalogue version is stored at once. */
    private void factWrites(IntegrationEvent event, int generation, List<FigureCountersRepository.FactWrite> writes) {
        if (event instanceof DocumentIssued e) {
            Update issued = new Update()
                    .set("section", e.section()).set("documentNumber", e.documentNumber())
                    .set("catalogueItemCode", e.catalogueItemCode()).set("disclosureAttribute", e.disclosureAttribute())
                    .set("legalBasisCode", e.legalBasisCode()).set("issuedOn", e.issuedOn());
            org.bson.Document fields = stored(issued, DocumentFacts.class);
            org.bson.Document dueAtIssue = stored(new Update().set("publicationDueOn", e.publicationDueOn()), DocumentFacts.class);
            writes.add(new FigureCountersRepository.FactWrite(DocumentFacts.class, collection(DocumentFacts.class, generation), e.documentId(),
                    fact -> {
                        org.bson.Document set = new org.bson.Document(fields);
                        // the deadline at issue only where no later event set one: an interpretation arriving first creates
                        // the document without a deadline, so "only on insert" would lose it depending on the order of delivery
                        if (fact == null || !fact.containsKey("publicationDueOn")) {
                            set.putAll(dueAtIssue);
                        }
                        return set;
                    }));
        } else if (event instanceof DocumentPublished e) {
            upsert(writes, generation, DocumentFacts.class, e.documentId(), new Update()
                    .set("section", e.section()).set("documentNumber", e.documentNumber())
                    .set("catalogueItemCode", e.catalogueItemCode()).set("issuedOn", e.issuedOn())
                    .set("publicationDueOn", e.publicationDueOn()).set("publishedOn", e.publishedOn())
                    .set("publishedOnTime", e.onTime()));
        } else if (event instanceof DocumentAttributeChanged e) {
            upsert(writes, generation, DocumentFacts.class, e.documentId(), new Update()
                    .set("section", e.section()).set("attributeReviewYear", e.reviewYear())
                    .set("attributeChangedOn", e.changedOn()).set("publicationDueOn", e.publicationDueOn()));
        } else if (event instanceof DocumentDeadlineChanged e) {
            upsert(writes, generation, DocumentFacts.class, e.documentId(), new Update().set("section", e.section())
                    .set("publicationDueOn", e.publicationDueOn()));
        } else if (event instanceof InterpretationPublished e) {
            upsert(writes, generation, DocumentFacts.class, e.documentId(), new Update()
                    .set("section", e.section()).set("interpretationForms", e.forms())
                    .set("interpretationNonText", e.nonText()).set("interpretationPublishedOn", e.publishedOn()));
        } else if (event instanceof ConcernRegistered e) {
            upsert(writes, generation, ConcernFacts.class, e.concernId(), new Update()
                    .set("section", e.section()).set("severity", e.severity()).set("firstSeenAt", e.firstSeenAt())
                    .set("responseDueAt", e.responseDueAt()));
        } else if (event instanceof ConcernAnswered e) {
            upsert(writes, generation, ConcernFacts.class, e.concernId(), new Update()
                    .set("section", e.section()).set("firstSeenAt", e.firstSeenAt()).set("answeredAt", e.answeredAt())
                    .set("answeredOnTime", e.onTime()));
        } else if (event instanceof ConcernEscalated e) {
            upsert(writes, generation, ConcernFacts.class, e.concernId(), new Update()
                    .set("section", e.section()).set("escalated", true));
        } else if (event instanceof ConsultationOpened e) {
            upsert(writes, generation, ConsultationFacts.class, e.consultationId(), new Update()
                    .set("section", e.section()).set("catalogueItemCode", e.catalogueItemCode()).set("openedAt", e.openedAt()));
        } else if (event instanceof ConsultationClosed e) {
            upsert(writes, generation, ConsultationFacts.class, e.consultationId(), new Update()
                    .set("section", e.section()).set("closedAt", e.closedAt()));
        } else if (event instanceof FeedbackPublished e) {
            upsert(writes, generation, ConsultationFacts.class, e.consultationId(), new Update()
                    .set("section", e.section()).set("feedbackPublishedAt", e.publishedAt())
                    .set("concentratedNotAdopted", e.concentratedNotAdoptedCount()));
        } else if (event instanceof CommentReceived e) {
            upsert(writes, generation, CommentFacts.class, e.commentId(), new Update()
                    .set("consultationId", e.consultationId()).set("section", e.section()).set("channel", e.channel())
                    .set("receivedAt", e.receivedAt()));
        } else if (event instanceof OpinionDecided e) {
            latestDecision(e, generation, writes);
        } else if (event instanceof CatalogueVersionPublished e) {
            List<String> itemCodes = e.items().stream().filter(CatalogueVersionPublished.Item::applicable)
                    .map(CatalogueVersionPublished.Item::code).toList();
            upsert(writes, generation, CatalogueVersionFacts.class, e.catalogue() + ":" + e.version(), new Update()
                    .set("catalogue", e.catalogue()).set("version", e.version()).set("effectiveFrom", e.effectiveFrom())
                    .set("publishedAt", e.publishedAt()).set("itemCodes", itemCodes));
            // few and immutable: kept whole (a set, so idempotent) beside the counters for coverage
            Query catalogues = Query.query(Criteria.where("_id").is(FigureCounters.CATALOGUES));
            Update version = new Update().set("versions." + FigureCounters.key(e.catalogue() + ":" + e.version()),
                    new org.bson.Document("catalogue", e.catalogue()).append("version", e.version())
                            .append("effectiveFrom", e.effectiveFrom() == null ? null : e.effectiveFrom().toString())
                            .append("publishedAt", e.publishedAt() == null ? null : java.util.Date.from(e.publishedAt()))
                            .append("itemCodes", itemCodes));
            try {
                mongo.upsert(catalogues, version, countersCollection(generation));
            } catch (DuplicateKeyException createdMeanwhile) {
                mongo.upsert(catalogues, version, countersCollection(generation));
            }
        }
        // other events are logged but feed no figure yet
    }


    /** Only a newer decision replaces an older one (decided on the opinion as it stands under its claim). */
    private void latestDecision(OpinionDecided e, int generation, List<FigureCountersRepository.FactWrite> writes) {
        org.bson.Document decision = stored(new Update().set("consultationId", e.consultationId()).set("section", e.section())
                .set("decision", e.decision()).set("concentrated", e.concentrated()).set("commentCount", e.commentCount())
                .set("decidedAt", e.decidedAt()), OpinionFacts.class);
        writes.add(new FigureCountersRepository.FactWrite(OpinionFacts.class, collection(OpinionFacts.class, generation), e.opinionId(),
                current -> {
                    java.util.Date recorded = current == null ? null : current.getDate("decidedAt");
                    if (current != null && (recorded == null || !recorded.toInstant().isBefore(e.decidedAt()))) {
                        return new org.bson.Document(); // this decision or a later one is already recorded
                    }
                    return new org.bson.Document(decision);
                }));
    }

    /** An update's fields in the form they are stored in (dates as the template writes them), to apply in memory too. */
    private org.bson.Document stored(Update update, Class<?> type) {
        org.bson.Document mapped = updates.getMappedObject(update.getUpdateObject(),
                mongo.getConverter().getMappingContext().getPersistentEntity(type));
        return mapped.get("$set", org.bson.Document.class);
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }

    /** A fact's fields set, under its claim and followed by moving its counters (see {@link FigureCountersRepository}). */
    private void upsert(List<FigureCountersRepository.FactWrite> writes, int generation, Class<?> type, String id, Update update) {
        String facts = collection(type, generation);
        if (type == CatalogueVersionFacts.class) {
            mongo.upsert(byId(id), update, type, facts);
            return;
        }
        org.bson.Document fields = stored(update, type);
        writes.add(new FigureCountersRepository.FactWrite(type, facts, id, fact -> new org.bson.Document(fields)));
    }
}
