package org.gongkai.publication.application;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/** Closes abandoned applications, keeps due dates on the calendar in force and announces overdue answers once. */
@Component
class ApplicationScheduler {

    private final ApplicationService applications;

    ApplicationScheduler(ApplicationService applications) {
        this.applications = applications;
    }

    @SchedulerLock(name = "application-deadlines")
    @Scheduled(fixedDelayString = "${gongkai.deadlines.check-interval:5m}", initialDelayString = "${gongkai.deadlines.initial-delay:30s}")
    void watch() {
        applications.watch();
    }
}
