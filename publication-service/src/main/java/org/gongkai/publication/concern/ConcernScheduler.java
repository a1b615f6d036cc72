package org.gongkai.publication.concern;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/** Looks for concerns left unanswered beyond 48 hours and announces them. */
@Component
class ConcernScheduler {

    private final ConcernService concerns;

    ConcernScheduler(ConcernService concerns) {
        this.concerns = concerns;
    }

    @SchedulerLock(name = "concern-deadlines")
    @Scheduled(fixedDelayString = "${gongkai.deadlines.check-interval:5m}", initialDelayString = "${gongkai.deadlines.initial-delay:30s}")
    void announceOverdue() {
        concerns.announceOverdue();
    }
}
