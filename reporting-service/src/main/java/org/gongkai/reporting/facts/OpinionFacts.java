package org.gongkai.reporting.facts;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The latest decision on one opinion; an older decision arriving late does not replace a newer one. */
@Document("opinion_facts")
public record OpinionFacts(@Id String opinionId, String consultationId, String section, String decision, boolean concentrated,
        int commentCount, Instant decidedAt) {
}
