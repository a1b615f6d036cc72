package org.gongkai.reporting.reports;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/** Checks daily-ish whether progress-report reminders have come due. */
@Component
class ReminderScheduler {

    private final ReportService reports;

    ReminderScheduler(ReportService reports) {
        this.reports = reports;
    }

    @SchedulerLock(name = "report-reminders")
    @Scheduled(fixedDelayString = "${gongkai.reporting.reminder-interval:1h}", initialDelayString = "${gongkai.reporting.reminder-initial-delay:60s}")
    void remind() {
        reports.sendReminders();
    }
}
