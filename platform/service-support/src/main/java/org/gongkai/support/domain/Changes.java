package org.gongkai.support.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.gongkai.contracts.IntegrationEvent;
import org.gongkai.support.events.OutboxEntry;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Transient;

/**
 * What an aggregate records about its own changes, kept inside its document: the audit trail, and the integration
 * events its domain methods announced. Domain code announces typed events; the platform's save callback
 * ({@code OutboxEntries}) turns them into outbox entries (JSON, CloudEvents type, correlation id, trace) in the same
 * single-document write as the change, so no domain method serialises anything. Aggregates embed it with
 * {@code @Unwrapped.Empty}, so documents keep their top-level {@code audit} and {@code outbox} fields.
 */
public final class Changes {

    private final List<AuditEntry> audit;
    /** Entries written with earlier saves and not yet confirmed by the broker; the relay removes them. */
    private final List<OutboxEntry> outbox;
    /** Announced since the aggregate was loaded or created; moved into {@link #outbox} when it is saved. */
    @Transient
    private final List<Announcement> announced = new ArrayList<>();

    /** An integration event and the moment the change that caused it happened. */
    public record Announcement(IntegrationEvent event, Instant at) {
    }

    @PersistenceCreator
    Changes(List<AuditEntry> audit, List<OutboxEntry> outbox) {
        this.audit = new ArrayList<>(audit == null ? List.of() : audit);
        this.outbox = new ArrayList<>(outbox == null ? List.of() : outbox);
    }

    /** Nothing recorded yet: a new aggregate. */
    public static Changes none() {
        return new Changes(List.of(), List.of());
    }

    public void audit(Actor actor, Instant at, String action, String reason) {
        audit.add(AuditEntry.of(actor, at, action, reason));
    }

    public void announce(IntegrationEvent event, Instant at) {
        announced.add(new Announcement(event, at));
    }

    public List<AuditEntry> auditTrail() {
        return List.copyOf(audit);
    }

    /** The events announced since the aggregate was loaded or created, in order, not yet handed to the outbox. */
    public List<IntegrationEvent> announced() {
        return announced.stream().map(Announcement::event).toList();
    }

    /** The announcements themselves, with the moment of each change. */
    public List<Announcement> announcements() {
        return List.copyOf(announced);
    }

    /** Entries saved and waiting for the relay. */
    public List<OutboxEntry> outbox() {
        return List.copyOf(outbox);
    }

    /**
     * Hands every announcement to the outbox, converted by the platform; called just before the aggregate is written,
     * so the entries are stored in the same write as the change.
     */
    public void moveAnnouncedToOutbox(java.util.function.Function<Announcement, OutboxEntry> toEntry) {
        for (Announcement announcement : announced) {
            outbox.add(toEntry.apply(announcement));
        }
        announced.clear();
    }
}
