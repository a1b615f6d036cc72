package org.gongkai.reporting.eventlog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

import org.gongkai.reporting.facts.FactsService;
import org.gongkai.reporting.notification.NotificationService;
import org.gongkai.contracts.IntegrationEvent;
import org.gongkai.support.events.EventMetadata;
import org.gongkai.support.events.InboundEvents;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.messaging.Message;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reporting learns everything from events: each is folded into the facts, then appended to the event log (which is also
 * the consumer's inbox), and the lag from the event's time to this update is recorded as
 * {@code gongkai.reporting.event.lag}.
 */
@Configuration(proxyBeanMethods = false)
class ReportingEventsListener {

    @Bean
    Consumer<Message<byte[]>> events(InboundEvents inbound, FactsService facts,
            NotificationService notifications, MongoTemplate mongo,
            JsonMapper json, Clock clock, MeterRegistry meters) {
        Timer lag = Timer.builder("gongkai.reporting.event.lag")
                .description("time from an event's occurrence to its effect on reporting's read models").register(meters);
        return inbound.dispatcher()
                // the event log doubles as the inbox: an event is appended once its effects are stored, and an event
                // already in the log is a redelivery (one write per event instead of a log entry and a processed marker)
                .inbox(new InboundEvents.Inbox() {
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
                })
                .onEvery((event, meta) -> {
                    facts.apply(event); // the annual report's facts included (AnnualReportFactsService is a fold of them)
                    notifications.onEvent(meta.id(), event);
                    if (meta.time() != null) {
                        lag.record(Duration.between(meta.time(), Instant.now(clock)).abs());
                    }
                })
                .build();
    }
}
