package org.gongkai.contracts.publication;

import java.time.Instant;
import java.time.LocalDate;

import org.gongkai.contracts.EventType;
import org.gongkai.contracts.IntegrationEvent;

/**
 * The reply left the bureau (art. 36): outcome and reason are codes of {@link ApplicationVocabulary}; {@code
 * onTime} compares {@code answeredOn} with the due date.
 */
@EventType("gongkai.publication.application-answered.v1")
public record ApplicationAnswered(
        String applicationId,
        String section,
        String applicantType,
        LocalDate receivedOn,
        LocalDate answeredOn,
        LocalDate dueOn,
        boolean onTime,
        String outcome,
        String reason,
        Instant occurredAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return "applications/" + applicationId;
    }
}
