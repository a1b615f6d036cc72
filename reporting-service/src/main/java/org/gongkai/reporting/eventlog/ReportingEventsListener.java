package org.gongkai.reporting.eventlog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.bson.Document;
import org.gongkai.contracts.IntegrationEvent;
import org.gongkai.reporting.facts.FactsService;
import org.gongkai.reporting.notification.NotificationService;
import org.gongkai.support.deadletters.DeadLetters;
import org.gongkai.support.events.EventMetadata;
import org.gongkai.support.events.InboundEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.messaging.Message;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reporting learns everything from events, a batch at a time (the binding is in batch mode): the batch's new events are
 * folded into the facts together, then appended to the event log (which is also the consumer's inbox) in one write, and
 * the lag from each event's time to this update is recorded as {@code gongkai.reporting.event.lag}.
 */
@Configuration(proxyBeanMethods = false)
class ReportingEventsListener {

    @Bean
    Consumer<Message<?>> events(InboundEvents inbound, FactsService facts,
            NotificationService notifications, MongoTemplate mongo, DeadLetters deadLetters,
            JsonMapper json, Clock clock, MeterRegistry meters) {
        Timer lag = Timer.builder("gongkai.reporting.event.lag")
                .description("time from an event's occurrence to its effect on reporting's read models").register(meters);
        return inbound.dispatcher()
                // the event log doubles as the inbox: an event is appended once its effects are stored, and an event
                // already in the log is a redelivery (one write per batch instead of a log entry and a marker per event)
                .inbox(new EventLogInbox(mongo, json, clock))
                .onEveryBatch(batch -> {
                    // the annual report's facts included (AnnualReportFactsService is a fold of them)
                    facts.apply(batch.stream().map(InboundEvents.Received::event).toList());
                    batch.forEach(received -> notifications.onEvent(received.metadata().id(), received.event()));
                    Instant now = Instant.now(clock);
                    for (InboundEvents.Received received : batch) {
                        if (received.metadata().time() != null) {
                            lag.record(Duration.between(received.metadata().time(), now).abs());
                        }
                    }
                })
                .buildBatch(deadLetters);
    }

    /** The event log as the inbox: looked up and appended by {@code _id}, a batch in one query and one insert. */
    static final class EventLogInbox implements InboundEvents.Inbox {

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
}
