package org.gongkai.testsupport;

import java.util.List;

import org.gongkai.support.domain.RecordsChanges;
import org.gongkai.support.events.OutboxEntries;
import org.gongkai.support.events.OutboxEntry;

/**
 * For unit tests of aggregates: the outbox entries that the events an aggregate announced would become when it is
 * saved, converted exactly as the platform's save callback converts them (type from the event catalogue, JSON data).
 */
public final class Announced {

    private Announced() {
    }

    public static List<OutboxEntry> entries(RecordsChanges aggregate) {
        return aggregate.changes().announcements().stream().map(a -> OutboxEntries.entryOf(a, null, null)).toList();
    }
}
