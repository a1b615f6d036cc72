package org.gongkai.reporting.annualreport;

import java.util.List;

import org.gongkai.contracts.IntegrationEvent;
import org.gongkai.contracts.publication.ApplicationAnswered;
import org.gongkai.contracts.publication.ApplicationClosed;
import org.gongkai.contracts.publication.ApplicationFeePaid;
import org.gongkai.contracts.publication.ApplicationReceived;
import org.gongkai.contracts.publication.DocumentAbolished;
import org.gongkai.contracts.publication.DocumentIssued;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Folds the events the annual report is built from into its facts, with single-document upserts that set only what
 * each event knows: the same facts whatever the order of delivery, and a repeated event changes nothing.
 */
@Service
public class AnnualReportFactsService {

    static final List<Class<?>> FACT_TYPES = List.of(ApplicationFacts.class, DocumentTypeFacts.class, FeePaymentFacts.class);

    private final MongoTemplate mongo;

    AnnualReportFactsService(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public void apply(IntegrationEvent event) {
        if (event instanceof ApplicationReceived e) {
            upsert(ApplicationFacts.class, e.applicationId(), new Update()
                    .set("applicantType", e.applicantType()).set("receivedOn", e.receivedOn()));
        } else if (event instanceof ApplicationAnswered e) {
            upsert(ApplicationFacts.class, e.applicationId(), new Update()
                    .set("applicantType", e.applicantType()).set("receivedOn", e.receivedOn())
                    .set("answeredOn", e.answeredOn()).set("answerOutcome", e.outcome()).set("answerReason", e.reason()));
        } else if (event instanceof ApplicationClosed e) {
            upsert(ApplicationFacts.class, e.applicationId(), new Update()
                    .set("applicantType", e.applicantType()).set("receivedOn", e.receivedOn())
                    .set("closedOn", e.closedOn()).set("closureOutcome", e.outcome()).set("closureReason", e.reason()));
        } else if (event instanceof ApplicationFeePaid e) {
            upsert(FeePaymentFacts.class, e.applicationId() + ":" + e.paidOn() + ":" + e.amountFen(), new Update()
                    .set("applicationId", e.applicationId()).set("amountFen", (long) e.amountFen()).set("paidOn", e.paidOn()));
        } else if (event instanceof DocumentIssued e) {
            upsert(DocumentTypeFacts.class, e.documentId(), new Update()
                    .set("issuedType", e.documentType() == null ? "OTHER" : e.documentType()).set("issuedOn", e.issuedOn()));
        } else if (event instanceof DocumentAbolished e) {
            upsert(DocumentTypeFacts.class, e.documentId(), new Update()
                    .set("abolishedType", e.documentType()).set("abolishedOn", e.abolishedOn()));
        }
    }

    /** Every application known (a county bureau's few hundred a year; filtered by date in the calculation). */
    List<ApplicationFacts> applications() {
        return mongo.findAll(ApplicationFacts.class);
    }

    List<DocumentTypeFacts> documents() {
        return mongo.findAll(DocumentTypeFacts.class);
    }

    long feesPaidFen(int year) {
        return mongo.findAll(FeePaymentFacts.class).stream()
                .filter(f -> f.paidOn() != null && f.paidOn().getYear() == year).mapToLong(FeePaymentFacts::amountFen).sum();
    }

    /** Empties the annual report's facts, before a rebuild from the event log. */
    public void clear() {
        for (Class<?> type : FACT_TYPES) {
            mongo.remove(new Query(), type);
        }
    }

    private void upsert(Class<?> type, String id, Update update) {
        mongo.upsert(Query.query(Criteria.where("_id").is(id)), update, type);
    }
}
