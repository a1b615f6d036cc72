package org.gongkai.publication.document;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/** Reloads the calendar (an administrator may have added a year) and announces overdue publications. */
@Component
class DeadlineScheduler {

    private final DocumentService documents;

    DeadlineScheduler(DocumentService documents) {
        this.documents = documents;
    }

    @SchedulerLock(name = "document-deadlines")
    @Scheduled(fixedDelayString = "${gongkai.deadlines.check-interval:5m}", initialDelayString = "${gongkai.deadlines.initial-delay:30s}")
    void watch() {
        try {
            documents.reloadCalendarAndRecompute();
        } catch (org.gongkai.support.domain.DomainException invalidCalendar) {
            org.slf4j.LoggerFactory.getLogger(DeadlineScheduler.class).warn(invalidCalendar.getMessage());
        }
        documents.announceOverdue();
    }
}
