package org.gongkai.contracts.publication;

import java.time.Instant;
import java.time.LocalDate;

import org.gongkai.contracts.EventType;
import org.gongkai.contracts.IntegrationEvent;

/**
 * The consultation ended (answer received, or the third party's 15 working days passed); the clock resumes, now due
 * {@code dueOn}.
 */
@EventType("gongkai.publication.application-consultation-ended.v1")
public record ApplicationConsultationEnded(
        String applicationId,
        String section,
        String consultee,
        LocalDate endedOn,
        LocalDate dueOn,
        Instant occurredAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return "applications/" + applicationId;
    }
}
