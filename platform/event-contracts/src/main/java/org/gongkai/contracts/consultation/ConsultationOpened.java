package org.gongkai.contracts.consultation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.gongkai.contracts.EventType;
import org.gongkai.contracts.IntegrationEvent;

/**
 * A section published a major-decision draft for public comment (Q1). The period counts calendar days
 * in China, both ends included; {@code shortPeriod} marks a period under 30 days allowed by a recorded reason.
 */
@EventType("gongkai.consultation.consultation-opened.v1")
public record ConsultationOpened(
        String consultationId,
        String title,
        String section,
        String catalogueItemCode,
        List<String> channels,
        LocalDate periodStart,
        LocalDate periodEnd,
        boolean shortPeriod,
        boolean commentsPublic,
        Instant openedAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return "consultations/" + consultationId;
    }
}
