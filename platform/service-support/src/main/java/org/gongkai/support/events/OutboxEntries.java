package org.gongkai.support.events;

import java.util.UUID;

import org.gongkai.edge.correlation.CorrelationIds;
import org.gongkai.contracts.EventCatalog;
import org.gongkai.support.domain.Changes;
import org.gongkai.support.domain.RecordsChanges;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveCallback;
import org.springframework.data.mongodb.core.mapping.event.BeforeConvertCallback;

import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the events an aggregate announced into outbox entries just before Spring Data writes it: the event's JSON,
 * its CloudEvents type from the {@link EventCatalog}, a fresh event id, the correlation id and the {@code traceparent}
 * of the request (or job) that saves it. The entries go into the same document, so change and event are one write.
 */
public class OutboxEntries implements BeforeConvertCallback<RecordsChanges>, AfterSaveCallback<RecordsChanges>, Ordered {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OutboxCollections relayed;
    private final TraceParents traceParents;
    private final ObjectProvider<OutboxRelay> relay;

    public OutboxEntries(OutboxCollections relayed, TraceParents traceParents, ObjectProvider<OutboxRelay> relay) {
        this.relayed = relayed;
        this.traceParents = traceParents;
        this.relay = relay;
    }

    /** Tells this instance's relay which aggregate it just wrote with entries waiting, so it need not search for it. */
    @Override
    public RecordsChanges onAfterSave(RecordsChanges aggregate, org.bson.Document document, String collection) {
        if (!aggregate.changes().outbox().isEmpty()) {
            relay.ifAvailable(r -> r.saved(collection, document.get("_id")));
        }
        return aggregate;
    }

    @Override
    public RecordsChanges onBeforeConvert(RecordsChanges aggregate, String collection) {
        Changes changes = aggregate.changes();
        if (changes.announced().isEmpty()) {
            return aggregate;
        }
        if (!relayed.contains(aggregate.getClass())) {
            throw new IllegalStateException(aggregate.getClass().getSimpleName()
                    + " announced events but is not among the service's OutboxCollections: no relay would send them");
        }
        String correlationId = MDC.get(CorrelationIds.MDC_KEY);
        String traceparent = traceParents.current();
        changes.moveAnnouncedToOutbox(announcement -> entryOf(announcement, correlationId, traceparent));
        return aggregate;
    }

    /** The entry an announcement becomes: a fresh event id, the catalogue's type, the event as JSON. */
    public static OutboxEntry entryOf(Changes.Announcement announcement, String correlationId, String traceparent) {
        return new OutboxEntry(UUID.randomUUID().toString(), EventCatalog.typeOf(announcement.event().getClass()),
                announcement.event().subject(), announcement.at(), correlationId, JSON.writeValueAsString(announcement.event()),
                traceparent);
    }

    @Override
    public int getOrder() {
        return 0;
    }
}
