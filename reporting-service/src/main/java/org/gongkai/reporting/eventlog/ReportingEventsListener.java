package org.gongkai.reporting.eventlog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

import org.gongkai.reporting.facts.FactsProjection;
import org.gongkai.reporting.notification.NotificationService;
import org.gongkai.support.deadletters.DeadLetters;
import org.gongkai.support.events.InboundEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.messaging.Message;

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
    Consumer<Message<?>> events(InboundEvents inbound, FactsProjection facts,
            NotificationService notifications, MongoTemplate mongo, DeadLetters deadLetters,
            JsonMapper json, Clock clock, MeterRegistry meters) {
        Timer lag = Timer.builder("gongkai.reporting.event.lag")
                .description("time from an event's occurrence to its effect on reporting's read models").register(meters);
        return inbound.dispatcher()
                // the event log doubles as the inbox: an event is appended once its effects are stored, and an event
                // already in the log is a redelivery (one write per batch instead of a log entry and a marker per event)
                .inbox(new EventLogInbox(mongo, json, clock))
                .onEveryBatch(batch -> {
                    // the annual report's facts included (AnnualReportFactsProjection is a fold of them)
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
}
