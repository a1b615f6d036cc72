package org.gongkai.reporting.eventlog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

import org.gongkai.reporting.facts.FactsService;
import org.gongkai.reporting.notification.NotificationService;
import org.gongkai.support.events.InboundEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.messaging.Message;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reporting learns everything from events: each is appended to the event log as received, folded into the facts,
 * and the lag from the event's time to this update is recorded as {@code gongkai.reporting.event.lag}.
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
                .onEvery((event, meta) -> {
                    Instant received = Instant.now(clock);
                    mongo.save(new EventLogEntry(meta.id(), meta.type(), meta.source(), meta.subject(), meta.time(), received,
                            json.writeValueAsString(event)));
                    facts.apply(event); // the annual report's facts included (AnnualReportFactsService is a fold of them)
                    notifications.onEvent(meta.id(), event);
                    if (meta.time() != null) {
                        lag.record(Duration.between(meta.time(), Instant.now(clock)).abs());
                    }
                })
                .build();
    }
}
