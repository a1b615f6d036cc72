package org.gongkai.support.events;

import java.time.Instant;

/**
 * An integration event waiting to be relayed, stored in the {@code outbox} list of its aggregate's own document
 * ({@link org.gongkai.support.domain.Changes}), so the event is saved in the same single-document write as the change
 * that caused it; {@link OutboxRelay} removes an entry only after the broker acked it. Built by {@link OutboxEntries}.
 * <p>
 * The entry keeps the W3C {@code traceparent} of the request (or job) that recorded it, when one was traced: the relay
 * sends it later from another thread, so it cannot be taken from the relay's own context.
 */
public record OutboxEntry(String eventId, String type, String subject, Instant time, String correlationId, String data,
        String traceparent) {
}
