package org.gongkai.publication.calendar;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/** Looks for missing holiday notices as often as deadlines are watched; each gap is announced once. */
@Component
class CalendarGapWatch {

    private final CalendarNoticeService notices;

    CalendarGapWatch(CalendarNoticeService notices) {
        this.notices = notices;
    }

    @SchedulerLock(name = "calendar-gap-watch")
    @Scheduled(fixedDelayString = "${gongkai.deadlines.check-interval:5m}", initialDelayString = "${gongkai.deadlines.initial-delay:30s}")
    void watch() {
        notices.announceGaps();
    }
}
