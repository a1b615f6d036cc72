package org.gongkai.reporting.annualreport;

import java.util.List;
import java.util.function.Function;

import org.gongkai.contracts.IntegrationEvent;
import org.gongkai.contracts.publication.ApplicationAnswered;
import org.gongkai.contracts.publication.ApplicationClosed;
import org.gongkai.contracts.publication.ApplicationFeePaid;
import org.gongkai.contracts.publication.ApplicationReceived;
import org.gongkai.contracts.publication.DocumentAbolished;
import org.gongkai.contracts.publication.DocumentIssued;
import org.gongkai.reporting.facts.FactFold;
import org.gongkai.reporting.facts.FactsProjection;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Folds the events the annual report is built from into its facts, with single-document upserts that set only what
 * each event knows: the same facts whatever the order of delivery, and a repeated event changes nothing. The facts
 * live in the generations of {@link FactsProjection}, so a rebuild never shows a half-built table 三.
 */
@Component
public class AnnualReportFactsProjection implements FactFold {

    static final List<Class<?>> FACT_TYPES = List.of(ApplicationFacts.class, DocumentTypeFacts.class, FeePaymentFacts.class);

    private final MongoTemplate mongo;
    /** Reads go through the facts service's active generation (provided lazily: it holds this fold). */
    private final ObjectProvider<FactsProjection> facts;

    public AnnualReportFactsProjection(MongoTemplate mongo, ObjectProvider<FactsProjection> facts) {
        this.mongo = mongo;
        this.facts = facts;
    }

    @Override
    public List<Class<?>> factTypes() {
        return FACT_TYPES;
    }

    @Override
    public void apply(IntegrationEvent event, Function<Class<?>, String> collectionOf) {
        if (event instanceof ApplicationReceived e) {
            upsert(collectionOf, ApplicationFacts.class, e.applicationId(), new Update()
                    .set("applicantType", e.applicantType()).set("receivedOn", e.receivedOn()));
        } else if (event instanceof ApplicationAnswered e) {
            upsert(collectionOf, ApplicationFacts.class, e.applicationId(), new Update()
                    .set("applicantType", e.applicantType()).set("receivedOn", e.receivedOn())
                    .set("answeredOn", e.answeredOn()).set("answerOutcome", e.outcome()).set("answerReason", e.reason()));
        } else if (event instanceof ApplicationClosed e) {
            upsert(collectionOf, ApplicationFacts.class, e.applicationId(), new Update()
                    .set("applicantType", e.applicantType()).set("receivedOn", e.receivedOn())
                    .set("closedOn", e.closedOn()).set("closureOutcome", e.outcome()).set("closureReason", e.reason()));
        } else if (event instanceof ApplicationFeePaid e) {
            upsert(collectionOf, FeePaymentFacts.class, e.applicationId() + ":" + e.paidOn() + ":" + e.amountFen(), new Update()
                    .set("applicationId", e.applicationId()).set("amountFen", (long) e.amountFen()).set("paidOn", e.paidOn()));
        } else if (event instanceof DocumentIssued e) {
            upsert(collectionOf, DocumentTypeFacts.class, e.documentId(), new Update()
                    .set("issuedType", e.documentType() == null ? "OTHER" : e.documentType()).set("issuedOn", e.issuedOn()));
        } else if (event instanceof DocumentAbolished e) {
            upsert(collectionOf, DocumentTypeFacts.class, e.documentId(), new Update()
                    .set("abolishedType", e.documentType()).set("abolishedOn", e.abolishedOn()));
        }
    }

    /** Every application known (a county bureau's few hundred a year; filtered by date in the calculation). */
    List<ApplicationFacts> applications() {
        return facts.getObject().all(ApplicationFacts.class);
    }

    List<DocumentTypeFacts> documents() {
        return facts.getObject().all(DocumentTypeFacts.class);
    }

    long feesPaidFen(int year) {
        return facts.getObject().all(FeePaymentFacts.class).stream()
                .filter(f -> f.paidOn() != null && f.paidOn().getYear() == year).mapToLong(FeePaymentFacts::amountFen).sum();
    }

    private void upsert(Function<Class<?>, String> collectionOf, Class<?> type, String id, Update update) {
        mongo.upsert(Query.query(Criteria.where("_id").is(id)), update, type, collectionOf.apply(type));
    }
}
