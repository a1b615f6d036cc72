package org.gongkai.reporting.reports;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.gongkai.reporting.ReportingProperties;
import org.gongkai.reporting.facts.Period;
import org.gongkai.reporting.figures.FiguresService;
import org.gongkai.support.domain.DomainException;
import org.gongkai.support.domain.Actor;
import org.gongkai.support.organisation.Sections;
import org.gongkai.reporting.notification.Notification;
import org.gongkai.reporting.notification.NotificationService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/** Semiannual progress reports: start pre-filled, write, submit (frozen), accept or return; reminders; overdue list. */
@Service
public class ReportService {

    private final SectionReportRepository reports;
    private final FiguresService figures;
    private final ReportReminderRepository reminders;
    private final ReportingProperties properties;
    private final NotificationService notifications;
    private final Sections sections;
    private final Clock clock;

    ReportService(SectionReportRepository reports, FiguresService figures, ReportReminderRepository reminders, ReportingProperties properties,
            NotificationService notifications, Sections sections, Clock clock) {
        this.reports = reports;
        this.figures = figures;
        this.reminders = reminders;
        this.properties = properties;
        this.notifications = notifications;
        this.sections = sections;
        this.clock = clock;
    }

    public SectionReport start(String section, Period period, Actor actor) {
        try {
            return reports.insert(SectionReport.start(section, period, figures.section(section, period), actor, now()));
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict("report-already-started", "股室“" + section + "”" + period + " 的工作报告已经创建。");
        }
    }

    public SectionReport get(String section, Period period, Actor actor) {
        SectionReport report = reports.findById(SectionReport.idOf(section, period)).filter(r -> r.isVisibleTo(actor))
                .orElseThrow(() -> DomainException.notFound("report-not-found", "股室“" + section + "”尚无 " + period + " 的工作报告。"));
        report.refresh(figures.section(section, period));
        return report;
    }

    public SectionReport write(String section, Period period, Narrative narrative, Actor actor) {
        return change(section, period, actor, r -> r.write(narrative, actor, now()));
    }

    public SectionReport submit(String section, Period period, Actor actor) {
        return change(section, period, actor, r -> r.submit(figures.section(section, period), figures.today(), actor, now()));
    }

    public SectionReport accept(String section, Period period, Actor actor) {
        return change(section, period, actor, r -> r.accept(actor, now()));
    }

    public SectionReport returnForRevision(String section, Period period, String reason, Actor actor) {
        return change(section, period, actor, r -> r.returnForRevision(reason, actor, now()));
    }

    public record OverdueSection(String section, String period, LocalDate dueOn, String status, String statusLabel,
            String sectionLabel) {
        public OverdueSection(String section, String period, LocalDate dueOn, String status) {
            this(section, period, dueOn, status, org.gongkai.reporting.figures.CodeLabels.of(status), null);
        }

        public OverdueSection withSectionLabel(String label) {
            return new OverdueSection(section, period, dueOn, status, statusLabel, label);
        }
    }

    /** Sections whose report for the period is past due and not submitted. */
    public List<OverdueSection> overdue(Period period) {
        LocalDate today = figures.today();
        if (!today.isAfter(period.reportDueOn())) {
            return List.of();
        }
        Map<String, SectionReport> byId = reports.findByPeriod(period.toString()).stream()
                .collect(Collectors.toMap(SectionReport::section, r -> r));
        List<OverdueSection> overdue = new ArrayList<>();
        for (String section : expectedSections()) {
            SectionReport report = byId.get(section);
            if (report == null || !report.isSubmitted()) {
                overdue.add(new OverdueSection(section, period.toString(), period.reportDueOn(),
                        report == null ? "NOT_STARTED" : report.status().name()));
            }
        }
        return overdue;
    }

    /** Sends the reminders that have come due today; each (section, period, lead time) once. Returns how many. */
    public int sendReminders() {
        return sendReminders(figures.today());
    }

    int sendReminders(LocalDate today) {
        int sent = 0;
        for (Period period : List.of(new Period(today.getYear(), 1), new Period(today.getYear() - 1, null))) {
            LocalDate due = period.reportDueOn();
            if (today.isAfter(due) || period.year() < SectionReport.FIRST_REPORTING_YEAR) {
                continue;
            }
            for (String section : expectedSections()) {
                boolean submitted = reports.findById(SectionReport.idOf(section, period)).map(SectionReport::isSubmitted).orElse(false);
                for (int lead : properties.reminderLeadDays()) {
                    if (!submitted && !today.isBefore(due.minusDays(lead))) {
                        try {
                            ReportReminder reminder = reminders.insert(ReportReminder.of(section, period.toString(), due, lead, today, now()));
                            notifications.notify("report-reminder:" + reminder.id(), section, Notification.Kind.REPORT_DUE,
                                    period + " 进展报告将于 " + due + " 到期",
                                    "本股室 " + period + " 的政务公开工作进展报告应于 " + due + " 前提交，还有 " + reminder.daysLeft()
                                            + " 天，请及时填报。");
                            sent++;
                        } catch (DuplicateKeyException alreadySent) {
                            // this reminder went out before
                        }
                    }
                }
            }
        }
        return sent;
    }

    private Set<String> expectedSections() {
        Set<String> sections = new TreeSet<>(this.sections.sections().keySet());
        return sections;
    }

    private SectionReport change(String section, Period period, Actor actor, Consumer<SectionReport> action) {
        SectionReport report = get(section, period, actor);
        action.accept(report);
        return reports.save(report);
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
