package org.gongkai.reporting.annualreport;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/** Checks, as often as the progress-report reminders, whether last year's annual report is due or overdue. */
@Component
class AnnualReportScheduler {

    private final AnnualReportService reports;

    AnnualReportScheduler(AnnualReportService reports) {
        this.reports = reports;
    }

    @SchedulerLock(name = "annual-report-reminders")
    @Scheduled(fixedDelayString = "${gongkai.reporting.reminder-interval:1h}", initialDelayString = "${gongkai.reporting.reminder-initial-delay:60s}")
    void remind() {
        reports.sendReminders();
    }
}
