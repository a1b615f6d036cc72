package org.gongkai.reporting.eventlog;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** Every event reporting consumed, as received; append-only, so read models can be rebuilt from it. */
@Document("event_log")
public record EventLogEntry(@Id String eventId, String type, String source, String subject, Instant time,
        Instant receivedAt, String data) {
}
