package org.gongkai.support.events;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The id of an event this service has already handled; {@code _id} is the unique index that dedupes. */
@Document("processed_events")
public record ProcessedEvent(@Id String eventId, String type, Instant processedAt) {
}
