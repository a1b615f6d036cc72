package org.gongkai.support.events;

import java.time.Instant;
import java.util.UUID;

import org.gongkai.contracts.EventCatalog;
import org.gongkai.contracts.IntegrationEvent;
import org.slf4j.MDC;

import tools.jackson.databind.json.JsonMapper;

/**
 * An integration event waiting to be relayed. Aggregates keep these in a list field named
 * {@code outbox} inside their own MongoDB document, so the event is saved in the same single-document
 * write as the change that caused it; {@link OutboxRelay} removes an entry only after the broker acked it.
 * <p>
 * The entry keeps the W3C {@code traceparent} of the request (or job) that recorded it, when one was traced: the relay
 * sends it later from another thread, so it cannot be taken from the relay's own context.
 */
public record OutboxEntry(String eventId, String type, String subject, Instant time, String correlationId, String data,
        String traceparent) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static OutboxEntry of(IntegrationEvent event, Instant time) {
        return new OutboxEntry(UUID.randomUUID().toString(), EventCatalog.typeOf(event.getClass()), event.subject(),
                time, MDC.get(CorrelationIds.MDC_KEY), JSON.writeValueAsString(event), TraceParents.current());
    }
}
