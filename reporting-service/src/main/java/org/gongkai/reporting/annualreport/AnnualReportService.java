package org.gongkai.reporting.annualreport;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

import org.gongkai.reporting.ReportingProperties;
import org.gongkai.reporting.notification.Notification;
import org.gongkai.reporting.notification.NotificationService;
import org.gongkai.support.domain.DomainException;
import org.gongkai.support.domain.Actor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/** Use cases of the annual report: draft, edit, approve, publish, correct; its figures from the facts; reminders. */
@Service
public class AnnualReportService {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final AnnualReportRepository reports;
    private final AnnualReportFactsProjection facts;
    private final NotificationService notifications;
    private final ReportingProperties properties;
    private final Clock clock;

    AnnualReportService(AnnualReportRepository reports, AnnualReportFactsProjection facts, NotificationService notifications,
            ReportingProperties properties, Clock clock) {
        this.reports = reports;
        this.facts = facts;
        this.notifications = notifications;
        this.properties = properties;
        this.clock = clock;
    }

    /** The year's figures as the events tell them now. */
    public AnnualReportFigures figures(int year) {
        return new AnnualReportFigures(RegulatoryDocuments.of(year, facts.documents()), ApplicationMatrix.of(year, facts.applications()),
                facts.feesPaidFen(year), now());
    }

    /** What a revision shows: a draft's figures follow the events, an approved or published one's are frozen. */
    public AnnualReportFigures figuresOf(AnnualReport report, AnnualReport.Revision revision) {
        return revision.figures() != null ? revision.figures() : figures(report.year());
    }

    public AnnualReport start(int year, Actor actor) {
        try {
            return reports.insert(AnnualReport.start(year, actor, today(), now()));
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict("annual-report-exists", year + " 年度报告已经创建。");
        }
    }

    public AnnualReport get(int year) {
        return reports.findById(AnnualReport.idOf(year))
                .orElseThrow(() -> DomainException.notFound("annual-report-not-found", "尚无 " + year + " 年度报告。"));
    }

    public List<AnnualReport> all() {
        return reports.findAll().stream().sorted(Comparator.comparingInt(AnnualReport::year).reversed()).toList();
    }

    public AnnualReport edit(int year, AnnualReportContent content, Actor actor) {
        return change(year, r -> r.edit(content, actor, now()));
    }

    public AnnualReport approve(int year, Actor actor) {
        return change(year, r -> r.approve(figures(year), actor, now()));
    }

    public AnnualReport publish(int year, Actor actor) {
        return change(year, r -> r.publish(actor, now()));
    }

    public AnnualReport startCorrection(int year, String note, Actor actor) {
        return change(year, r -> r.startCorrection(note, actor, now()));
    }

    /** Published reports, newest year first; for each its latest published revision. */
    public List<AnnualReport> published() {
        return all().stream().filter(r -> r.latestPublished().isPresent()).toList();
    }

    public AnnualReport publishedReport(int year) {
        return reports.findById(AnnualReport.idOf(year)).filter(r -> r.latestPublished().isPresent())
                .orElseThrow(() -> DomainException.notFound("annual-report-not-found", year + " 年度报告尚未发布。"));
    }

    /**
     * Reminds the office of last year's report before 31 January (once per configured lead time) and announces it
     * overdue once afterwards, as notifications in the office's inbox (mailed when mail is on). Returns how many went out.
     */
    public int sendReminders() {
        return sendReminders(today());
    }

    int sendReminders(LocalDate today) {
        int year = today.getYear() - 1;
        if (year < AnnualReport.FIRST_YEAR) {
            return 0;
        }
        boolean published = reports.findById(AnnualReport.idOf(year)).flatMap(AnnualReport::latestPublished).isPresent();
        if (published) {
            return 0;
        }
        LocalDate due = AnnualReport.dueOn(year);
        int sent = 0;
        if (today.isAfter(due)) {
            sent += notifications.notify("annual-report-overdue:" + year, Actor.DISCLOSURE_OFFICE, Notification.Kind.ANNUAL_REPORT_OVERDUE,
                    year + " 年度政府信息公开工作年度报告已逾期",
                    year + " 年度政府信息公开工作年度报告应于 " + due + " 前发布，至今尚未发布，请尽快报领导审定后发布。") ? 1 : 0;
            return sent;
        }
        long daysLeft = ChronoUnit.DAYS.between(today, due);
        for (int lead : properties.reminderLeadDays()) {
            if (daysLeft <= lead) {
                sent += notifications.notify("annual-report-reminder:" + year + ":" + lead, Actor.DISCLOSURE_OFFICE,
                        Notification.Kind.ANNUAL_REPORT_DUE, year + " 年度报告将于 " + due + " 到期",
                        year + " 年度政府信息公开工作年度报告应于 " + due + " 前发布，还有 " + daysLeft + " 天，请及时起草、报审和发布。") ? 1 : 0;
            }
        }
        return sent;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(CHINA));
    }

    private AnnualReport change(int year, Consumer<AnnualReport> action) {
        AnnualReport report = get(year);
        action.accept(report);
        return reports.save(report);
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
