package org.gongkai.reporting.facts;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** One public concern as its events told it. */
@Document("concern_facts")
public record ConcernFacts(@Id String concernId, String section, String severity, Instant firstSeenAt, Instant responseDueAt,
        Instant answeredAt, Boolean answeredOnTime, Boolean escalated) {
}
