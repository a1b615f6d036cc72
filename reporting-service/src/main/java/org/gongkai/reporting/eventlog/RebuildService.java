package org.gongkai.reporting.eventlog;

import java.util.ArrayList;
import java.util.List;

import org.gongkai.contracts.EventCatalog;
import org.gongkai.contracts.IntegrationEvent;
import org.gongkai.reporting.facts.FactsProjection;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

import tools.jackson.databind.json.JsonMapper;

/**
 * Rebuilds every read model from the append-only event log into a new generation of collections and switches to it
 * when complete: the figures equal those of live consumption, and readers see the old ones until the switch.
 */
@Service
public class RebuildService {

    /** Replayed a batch at a time, as they are consumed. */
    private static final int REPLAY_BATCH = 100;

    private final EventLogRepository eventLog;
    private final FactsProjection facts;
    private final JsonMapper json;

    RebuildService(EventLogRepository eventLog, FactsProjection facts, JsonMapper json) {
        this.eventLog = eventLog;
        this.facts = facts;
        this.json = json;
    }

    /** Returns how many logged events were replayed. */
    public synchronized int rebuild() {
        int generation = facts.startBuilding();
        try {
            int replayed = 0;
            List<IntegrationEvent> batch = new ArrayList<>();
            for (EventLogEntry entry : eventLog.findAllBy(Sort.by("receivedAt", "_id"))) {
                var type = EventCatalog.classOf(entry.type());
                if (type.isPresent()) {
                    batch.add(json.readValue(entry.data(), type.get()));
                    replayed++;
                }
                if (batch.size() == REPLAY_BATCH) {
                    facts.replay(batch, generation); // the annual report's facts too: they are a fold of the facts
                    batch.clear();
                }
            }
            facts.replay(batch, generation);
            facts.switchTo(generation);
            return replayed;
        } catch (RuntimeException e) {
            facts.abandon(generation);
            throw e;
        }
    }
}
