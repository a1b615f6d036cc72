package org.gongkai.contracts.consultation;

import java.time.Instant;

import org.gongkai.contracts.EventType;
import org.gongkai.contracts.IntegrationEvent;

/**
 * The adoption of public opinions was published (Q2), with the counts reporting needs. Comments exclude those
 * hidden by moderation; {@code concentratedNotAdoptedCount} counts concentrated opinions decided NOT_ADOPTED.
 */
@EventType("gongkai.consultation.feedback-published.v1")
public record FeedbackPublished(
        String consultationId,
        String section,
        String catalogueItemCode,
        int commentCount,
        int opinionCount,
        int adoptedCount,
        int partlyAdoptedCount,
        int notAdoptedCount,
        int concentratedCount,
        int concentratedNotAdoptedCount,
        Instant publishedAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return "consultations/" + consultationId;
    }
}
