package org.gongkai.reporting.eventlog;

import org.gongkai.contracts.EventCatalog;
import org.gongkai.reporting.facts.FactsService;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import tools.jackson.databind.json.JsonMapper;

/**
 * Rebuilds every read model from the append-only event log into a new generation of collections and switches to it
 * when complete: the figures equal those of live consumption, and readers see the old ones until the switch.
 */
@Service
public class RebuildService {

    private final MongoTemplate mongo;
    private final FactsService facts;
    private final JsonMapper json;

    RebuildService(MongoTemplate mongo, FactsService facts, JsonMapper json) {
        this.mongo = mongo;
        this.facts = facts;
        this.json = json;
    }

    /** Returns how many logged events were replayed. */
    public synchronized int rebuild() {
        int generation = facts.startBuilding();
        try {
            int replayed = 0;
            for (EventLogEntry entry : mongo.find(new Query().with(Sort.by("receivedAt", "_id")), EventLogEntry.class)) {
                var type = EventCatalog.classOf(entry.type());
                if (type.isPresent()) {
                    var event = json.readValue(entry.data(), type.get());
                    facts.replay(event, generation); // the annual report's facts too: they are a fold of the facts
                    replayed++;
                }
            }
            facts.switchTo(generation);
            return replayed;
        } catch (RuntimeException e) {
            facts.abandon(generation);
            throw e;
        }
    }
}
