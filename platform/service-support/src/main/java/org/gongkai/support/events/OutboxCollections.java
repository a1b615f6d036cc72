package org.gongkai.support.events;

import java.util.List;

import org.gongkai.support.domain.RecordsChanges;

/**
 * The aggregates whose outboxes this service relays, declared by the service as a bean. Saving an aggregate that is
 * not listed fails, rather than leaving its events where no relay looks.
 */
public record OutboxCollections(List<Class<? extends RecordsChanges>> aggregates) {

    public OutboxCollections {
        aggregates = List.copyOf(aggregates);
    }

    @SafeVarargs
    public static OutboxCollections of(Class<? extends RecordsChanges>... aggregates) {
        return new OutboxCollections(List.of(aggregates));
    }

    public boolean contains(Class<?> aggregate) {
        return aggregates.contains(aggregate);
    }
}
