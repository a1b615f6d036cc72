package org.gongkai.reporting.eventlog;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.gongkai.contracts.IntegrationEvent;
import org.gongkai.support.events.EventMetadata;
import org.gongkai.support.events.InboundEvents;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;

import tools.jackson.databind.json.JsonMapper;

/**
 * The event log doubles as reporting's inbox: an event is appended once its effects are stored, and an event already in
 * the log is a redelivery (no processed marker besides). Looked up and appended by {@code _id}, a batch in one query and
 * one insert.
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

    private String collection() {
        return mongo.getCollectionName(EventLogEntry.class);
    }

    @Override
    public boolean hasHandled(EventMetadata meta) {
        return !handledAmong(List.of(meta)).isEmpty();
    }

    @Override
    public Set<String> handledAmong(List<EventMetadata> metadata) {
        Set<String> handled = new HashSet<>();
        if (metadata.isEmpty()) {
            return handled;
        }
        for (Document logged : mongo.getCollection(collection()).find(Filters.in("_id", metadata.stream().map(EventMetadata::id).toList()))
                .projection(Projections.include("_id"))) {
            handled.add(logged.getString("_id"));
        }
        return handled;
    }

    @Override
    public void recordHandled(IntegrationEvent event, EventMetadata meta) {
        recordHandled(List.of(new InboundEvents.Received(event, meta)));
    }

    @Override
    public void recordHandled(List<InboundEvents.Received> handled) {
        Instant now = Instant.now(clock);
        List<Document> entries = handled.stream().map(r -> {
            Document entry = new Document();
            mongo.getConverter().write(new EventLogEntry(r.metadata().id(), r.metadata().type(), r.metadata().source(),
                    r.metadata().subject(), r.metadata().time(), now, json.writeValueAsString(r.event())), entry);
            return entry;
        }).toList();
        try {
            mongo.getCollection(collection()).insertMany(entries, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            if (e.getWriteErrors().stream().anyMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY)) {
                throw e;
            }
            // handled twice at once by two consumers; the idempotent read models absorbed it
        } catch (DuplicateKeyException concurrentRedelivery) {
            // the same, as the template reports it
        }
    }
}
