package org.gongkai.reporting.eventlog;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Consumer;

import org.gongkai.contracts.publication.DocumentIssued;
import org.gongkai.contracts.publication.DocumentPublished;
import org.gongkai.reporting.figures.FiguresService;
import org.gongkai.support.events.InboundEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.messaging.Message;

import tools.jackson.databind.json.JsonMapper;

/** Reporting learns everything from events: each is logged as received, then folded into the read models. */
@Configuration(proxyBeanMethods = false)
class ReportingEventsListener {

    @Bean
    Consumer<Message<byte[]>> events(InboundEvents inbound, FiguresService figures, MongoTemplate mongo, JsonMapper json, Clock clock) {
        return inbound.dispatcher()
                .onEvery((event, meta) -> mongo.save(new EventLogEntry(meta.id(), meta.type(), meta.source(), meta.subject(),
                        meta.time(), Instant.now(clock), json.writeValueAsString(event))))
                .on(DocumentIssued.class, (event, meta) -> figures.apply(event))
                .on(DocumentPublished.class, (event, meta) -> figures.apply(event))
                .build();
    }
}
