package org.gongkai.reporting.facts;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** One consultation as its events told it. */
@Document("consultation_facts")
public record ConsultationFacts(@Id String consultationId, String section, String catalogueItemCode, Instant openedAt,
        Instant closedAt, Instant feedbackPublishedAt, Integer concentratedNotAdopted) {
}
