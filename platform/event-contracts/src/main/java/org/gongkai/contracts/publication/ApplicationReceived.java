package org.gongkai.contracts.publication;

import java.time.Instant;
import java.time.LocalDate;

import org.gongkai.contracts.EventType;
import org.gongkai.contracts.IntegrationEvent;

/**
 * An on-request disclosure application was received on its art. 31 receipt date; the 20-working-day clock runs to
 * {@code dueOn}. Carries no personal data: only applicant type, channel, dates.
 */
@EventType("gongkai.publication.application-received.v1")
public record ApplicationReceived(
        String applicationId,
        String section,
        String applicantType,
        String channel,
        LocalDate receivedOn,
        LocalDate dueOn,
        Instant occurredAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return "applications/" + applicationId;
    }
}
