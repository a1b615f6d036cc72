package org.gongkai.reporting.eventlog;

import org.gongkai.contracts.EventCatalog;
import org.gongkai.reporting.annualreport.AnnualReportFactsService;
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
    private final AnnualReportFactsService annualReportFacts;
    private final JsonMapper json;

    RebuildService(MongoTemplate mongo, FactsService facts, AnnualReportFactsService annualReportFacts, JsonMapper json) {
        this.mongo = mongo;
        this.facts = facts;
        this.annualReportFacts = annualReportFacts;
        this.json = json;
    }

    /** Returns how many logged events were replayed. */
    public synchronized int rebuild() {
        int generation = facts.startBuilding();
        try {
            // the annual report's facts are rebuilt in place (idempotent per application); an approved report keeps
            // the figures it froze, so only a draft can show them mid-rebuild
            annualReportFacts.clear();
            int replayed = 0;
            for (EventLogEntry entry : mongo.find(new Query().with(Sort.by("receivedAt", "_id")), EventLogEntry.class)) {
                var type = EventCatalog.classOf(entry.type());
                if (type.isPresent()) {
                    var event = json.readValue(entry.data(), type.get());
                    facts.replay(event, generation);
                    annualReportFacts.apply(event);
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
