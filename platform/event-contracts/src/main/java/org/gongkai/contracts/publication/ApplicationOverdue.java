package org.gongkai.contracts.publication;

import java.time.Instant;
import java.time.LocalDate;

import org.gongkai.contracts.EventType;
import org.gongkai.contracts.IntegrationEvent;

/** The due date passed without a reply; announced once per clock. */
@EventType("gongkai.publication.application-overdue.v1")
public record ApplicationOverdue(
        String applicationId,
        String section,
        LocalDate dueOn,
        Instant occurredAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return "applications/" + applicationId;
    }
}
