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
 * Reporting learns everything from events: each is folded into the facts, then appended to the event log (which is also
 * the consumer's inbox, {@link EventLogInbox}), and the lag from the event's time to this update is recorded as
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
                .inbox(new EventLogInbox(mongo, json, clock))
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
