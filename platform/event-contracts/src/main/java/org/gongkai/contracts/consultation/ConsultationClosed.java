package org.gongkai.contracts.consultation;

import java.time.Instant;
import java.time.LocalDate;

import org.gongkai.contracts.EventType;
import org.gongkai.contracts.IntegrationEvent;

/** The comment period of a consultation ended and it stopped taking comments. */
@EventType("gongkai.consultation.consultation-closed.v1")
public record ConsultationClosed(
        String consultationId,
        String section,
        String catalogueItemCode,
        LocalDate periodStart,
        LocalDate periodEnd,
        Instant closedAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return "consultations/" + consultationId;
    }
}
