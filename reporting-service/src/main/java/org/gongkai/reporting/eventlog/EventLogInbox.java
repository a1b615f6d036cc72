package org.gongkai.reporting.eventlog;

import java.time.Clock;
import java.time.Instant;

import org.gongkai.contracts.IntegrationEvent;
import org.gongkai.support.events.EventMetadata;
import org.gongkai.support.events.InboundEvents;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import tools.jackson.databind.json.JsonMapper;

/**
 * The event log doubles as reporting's inbox: an event is appended once its effects are stored, and an event already in
 * the log is a redelivery (one write per event instead of a log entry and a processed marker).
 */
class EventLogInbox implements InboundEvents.Inbox {

    private final MongoTemplate mongo;
    private final JsonMapper json;
    private final Clock clock;

    EventLogInbox(MongoTemplate mongo, JsonMapper json, Clock clock) {
        this.mongo = mongo;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public boolean hasHandled(EventMetadata meta) {
        return mongo.exists(Query.query(Criteria.where("_id").is(meta.id())), EventLogEntry.class);
    }

    @Override
    public void recordHandled(IntegrationEvent event, EventMetadata meta) {
        try {
            mongo.insert(new EventLogEntry(meta.id(), meta.type(), meta.source(), meta.subject(), meta.time(),
                    Instant.now(clock), json.writeValueAsString(event)));
        } catch (DuplicateKeyException concurrentRedelivery) {
            // handled twice at once by two consumers; the idempotent read models absorbed it
        }
    }
}
