package org.gongkai.support.events;

import java.time.Instant;

/** The CloudEvents attributes of a received event ({@code traceparent}: the distributed-tracing extension, or null). */
public record EventMetadata(String id, String type, String source, String subject, Instant time, String correlationId,
        String traceparent) {
}
