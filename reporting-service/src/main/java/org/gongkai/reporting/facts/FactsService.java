package org.gongkai.reporting.facts;

import java.util.List;

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
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Folds events into facts. Each event writes only the fields it knows, with single-document upserts, so the facts
 * are the same whatever the order of delivery; repeated events are dropped earlier by event id.
 */
@Service
public class FactsService {

    static final List<Class<?>> FACT_TYPES = List.of(DocumentFacts.class, ConcernFacts.class, ConsultationFacts.class,
            CommentFacts.class, OpinionFacts.class, CatalogueVersionFacts.class);

    private final MongoTemplate mongo;

    FactsService(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public void apply(IntegrationEvent event) {
        if (event instanceof DocumentIssued e) {
            upsert(DocumentFacts.class, e.documentId(), new Update()
                    .set("section", e.section()).set("documentNumber", e.documentNumber())
                    .set("catalogueItemCode", e.catalogueItemCode()).set("disclosureAttribute", e.disclosureAttribute())
                    .set("legalBasisCode", e.legalBasisCode()).set("issuedOn", e.issuedOn())
                    .setOnInsert("publicationDueOn", e.publicationDueOn()));
        } else if (event instanceof DocumentPublished e) {
            upsert(DocumentFacts.class, e.documentId(), new Update()
                    .set("section", e.section()).set("documentNumber", e.documentNumber())
                    .set("catalogueItemCode", e.catalogueItemCode()).set("issuedOn", e.issuedOn())
                    .set("publicationDueOn", e.publicationDueOn()).set("publishedOn", e.publishedOn())
                    .set("publishedOnTime", e.onTime()));
        } else if (event instanceof DocumentAttributeChanged e) {
            upsert(DocumentFacts.class, e.documentId(), new Update()
                    .set("section", e.section()).set("attributeReviewYear", e.reviewYear())
                    .set("attributeChangedOn", e.changedOn()).set("publicationDueOn", e.publicationDueOn()));
        } else if (event instanceof DocumentDeadlineChanged e) {
            upsert(DocumentFacts.class, e.documentId(), new Update().set("section", e.section())
                    .set("publicationDueOn", e.publicationDueOn()));
        } else if (event instanceof InterpretationPublished e) {
            upsert(DocumentFacts.class, e.documentId(), new Update()
                    .set("section", e.section()).set("interpretationForms", e.forms())
                    .set("interpretationNonText", e.nonText()).set("interpretationPublishedOn", e.publishedOn()));
        } else if (event instanceof ConcernRegistered e) {
            upsert(ConcernFacts.class, e.concernId(), new Update()
                    .set("section", e.section()).set("severity", e.severity()).set("firstSeenAt", e.firstSeenAt())
                    .set("responseDueAt", e.responseDueAt()));
        } else if (event instanceof ConcernAnswered e) {
            upsert(ConcernFacts.class, e.concernId(), new Update()
                    .set("section", e.section()).set("firstSeenAt", e.firstSeenAt()).set("answeredAt", e.answeredAt())
                    .set("answeredOnTime", e.onTime()));
        } else if (event instanceof ConcernEscalated e) {
            upsert(ConcernFacts.class, e.concernId(), new Update()
                    .set("section", e.section()).set("escalated", true));
        } else if (event instanceof ConsultationOpened e) {
            upsert(ConsultationFacts.class, e.consultationId(), new Update()
                    .set("section", e.section()).set("catalogueItemCode", e.catalogueItemCode()).set("openedAt", e.openedAt()));
        } else if (event instanceof ConsultationClosed e) {
            upsert(ConsultationFacts.class, e.consultationId(), new Update()
                    .set("section", e.section()).set("closedAt", e.closedAt()));
        } else if (event instanceof FeedbackPublished e) {
            upsert(ConsultationFacts.class, e.consultationId(), new Update()
                    .set("section", e.section()).set("feedbackPublishedAt", e.publishedAt())
                    .set("concentratedNotAdopted", e.concentratedNotAdoptedCount()));
        } else if (event instanceof CommentReceived e) {
            upsert(CommentFacts.class, e.commentId(), new Update()
                    .set("consultationId", e.consultationId()).set("section", e.section()).set("channel", e.channel())
                    .set("receivedAt", e.receivedAt()));
        } else if (event instanceof OpinionDecided e) {
            latestDecision(e);
        } else if (event instanceof CatalogueVersionPublished e) {
            upsert(CatalogueVersionFacts.class, e.catalogue() + ":" + e.version(), new Update()
                    .set("catalogue", e.catalogue()).set("version", e.version()).set("effectiveFrom", e.effectiveFrom())
                    .set("publishedAt", e.publishedAt())
                    .set("itemCodes", e.items().stream().filter(CatalogueVersionPublished.Item::applicable)
                            .map(CatalogueVersionPublished.Item::code).toList()));
        }
        // other events are logged but feed no figure yet
    }


    /** Only a newer decision replaces an older one, in one conditional write. */
    private void latestDecision(OpinionDecided e) {
        Query olderOrAbsent = Query.query(Criteria.where("_id").is(e.opinionId()).and("decidedAt").lt(e.decidedAt()));
        Update update = new Update().set("consultationId", e.consultationId()).set("section", e.section())
                .set("decision", e.decision()).set("concentrated", e.concentrated()).set("commentCount", e.commentCount())
                .set("decidedAt", e.decidedAt());
        try {
            mongo.upsert(olderOrAbsent, update, OpinionFacts.class);
        } catch (DuplicateKeyException newerAlreadyThere) {
            // a later decision is already recorded
        }
    }

    private void upsert(Class<?> type, String id, Update update) {
        mongo.upsert(Query.query(Criteria.where("_id").is(id)), update, type);
    }

    /** Empties every fact collection, before a rebuild from the event log. */
    public void clear() {
        for (Class<?> type : FACT_TYPES) {
            mongo.remove(new Query(), type);
        }
    }
}
