package org.gongkai.consultation.consultation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.gongkai.support.domain.AuditEntry;

/** What staff see of a consultation, audit trail included. */
record ConsultationView(String id, String section, String sectionLabel, String drafter, String title, String draftText, String decisionBasis,
        String explanation, String catalogueItemCode, List<Channel> channels, List<String> channelLabels, LocalDate periodStart,
        LocalDate periodEnd, long periodDays, String shortPeriodReason, boolean commentsPublic, Consultation.Status status,
        String statusLabel, Instant openedAt, Instant closedAt, FeedbackReport feedback, List<AuditEntry> audit) {

    static ConsultationView of(org.gongkai.support.organisation.Sections sections, Consultation c) {
        return new ConsultationView(c.id(), c.section(), sections.label(c.section()), c.drafter(), c.title(), c.draftText(), c.decisionBasis(),
                c.explanation(), c.catalogueItemCode(), c.channels(), Channel.labels(c.channels()), c.period().start(), c.period().end(),
                c.period().days(), c.period().shortPeriodReason(), c.commentsPublic(), c.status(),
                c.status() == null ? null : c.status().label(), c.openedAt(), c.closedAt(), c.feedback(), c.audit());
    }
}
