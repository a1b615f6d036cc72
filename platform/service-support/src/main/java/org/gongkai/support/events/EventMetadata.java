package org.gongkai.support.events;

import java.time.Instant;

/** The CloudEvents attributes of a received event. */
public record EventMetadata(String id, String type, String source, String subject, Instant time, String correlationId) {
}
