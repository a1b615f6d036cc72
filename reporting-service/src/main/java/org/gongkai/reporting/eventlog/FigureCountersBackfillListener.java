package org.gongkai.reporting.eventlog;

import org.gongkai.reporting.facts.FactsProjection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Facts stored before the figure counters existed are not counted: at start, if the active generation's counters are
 * not marked complete, an empty event log marks them so (there is nothing to count), otherwise the read models are
 * rebuilt once from the log, in the background (the figures read meanwhile are those of the counters so far).
 */
@Component
class FigureCountersBackfillListener {

    private static final Logger log = LoggerFactory.getLogger(FigureCountersBackfillListener.class);

    private final FactsProjection facts;
    private final RebuildService rebuild;
    private final MongoTemplate mongo;

    FigureCountersBackfillListener(FactsProjection facts, RebuildService rebuild, MongoTemplate mongo) {
        this.facts = facts;
        this.rebuild = rebuild;
        this.mongo = mongo;
    }

    @EventListener(ApplicationReadyEvent.class)
    void backfill() {
        if (facts.countersComplete()) {
            return;
        }
        if (!mongo.exists(new Query(), EventLogEntry.class)) {
            facts.markCountersComplete();
            return;
        }
        log.warn("the figure counters do not hold the facts stored before them: rebuilding the read models from the event log");
        Thread backfill = new Thread(() -> {
            try {
                log.info("figure counters rebuilt from {} logged events", rebuild.rebuild());
            } catch (IllegalStateException alreadyRunning) {
                log.info("not rebuilding the figure counters: {}", alreadyRunning.getMessage());
            } catch (RuntimeException e) {
                log.error("rebuilding the figure counters failed; run POST /api/reporting/read-models/rebuild", e);
            }
        }, "figure-counters-backfill");
        backfill.setDaemon(true);
        backfill.start();
    }
}
