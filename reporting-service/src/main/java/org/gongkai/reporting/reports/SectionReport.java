package org.gongkai.reporting.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.gongkai.contracts.reporting.ReportSubmitted;
import org.gongkai.reporting.facts.Period;
import org.gongkai.reporting.figures.SectionFigures;
import org.gongkai.support.domain.AuditEntry;
import org.gongkai.support.domain.Changes;
import org.gongkai.support.domain.RecordsChanges;
import org.gongkai.support.domain.DomainException;
import org.gongkai.support.domain.Actor;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Unwrapped;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A section's semiannual progress report (O3): from 2021 on, the first half by 10 July and the whole previous year
 * by 10 January. It starts pre-filled with the section's figures, which are frozen when it is submitted.
 */
@Document("section_reports")
public class SectionReport implements RecordsChanges {

    public enum Status {
        DRAFT("草稿"), SUBMITTED("已报送"), ACCEPTED("已审核通过"), RETURNED("已退回");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        /** The Chinese label a reader sees beside the code. */
        public String label() {
            return label;
        }
    }

    public static final int FIRST_REPORTING_YEAR = 2021;

    @Id
    private final String id;
    private final String section;
    private final String period;
    private final LocalDate dueOn;
    private Status status;
    private SectionFigures figures;
    private Narrative narrative;
    private Instant submittedAt;
    private Boolean submittedLate;
    private String returnReason;
    private String acceptedBy;
    @Unwrapped.Empty
    private final Changes changes;
    @Version
    private Long revision;

    @PersistenceCreator
    SectionReport(String id, String section, String period, LocalDate dueOn, Status status, SectionFigures figures,
            Narrative narrative, Instant submittedAt, Boolean submittedLate, String returnReason, String acceptedBy,
            Changes changes, Long revision) {
        this.id = id;
        this.section = section;
        this.period = period;
        this.dueOn = dueOn;
        this.status = status;
        this.figures = figures;
        this.narrative = narrative;
        this.submittedAt = submittedAt;
        this.submittedLate = submittedLate;
        this.returnReason = returnReason;
        this.acceptedBy = acceptedBy;
        this.changes = changes == null ? Changes.none() : changes;
        this.revision = revision;
    }

    public static String idOf(String section, Period period) {
        return section + ":" + period;
    }

    public static SectionReport start(String section, Period period, SectionFigures figures, Actor actor, Instant now) {
        if (!period.isHalfYearReportingPeriod() || period.year() < FIRST_REPORTING_YEAR) {
            throw DomainException.invalid("not-a-reporting-period",
                    "股室工作报告按上半年（如 2026-H1）或全年（如 2026）报送，自 2021 年起。");
        }
        requireOwnSection(actor, section);
        SectionReport report = new SectionReport(idOf(section, period), section, period.toString(), period.reportDueOn(),
                Status.DRAFT, figures, null, null, null, null, null, Changes.none(), null);
        report.changes.audit(actor, now, "started", null);
        return report;
    }

    /** Figures follow the events while the report is being written; they freeze on submission. */
    public void refresh(SectionFigures current) {
        if (status == Status.DRAFT || status == Status.RETURNED) {
            figures = current;
        }
    }

    public void write(Narrative text, Actor actor, Instant now) {
        requireOwnSection(actor, section);
        requireEditable();
        narrative = text;
        changes.audit(actor, now, "narrative-written", null);
    }

    public void submit(SectionFigures current, LocalDate today, Actor actor, Instant now) {
        requireOwnSection(actor, section);
        requireEditable();
        if (narrative == null || narrative.workDone() == null || narrative.workDone().isBlank()) {
            throw DomainException.invalid("narrative-required", "报送前请填写已开展的工作情况。");
        }
        figures = current;
        submittedAt = now;
        // lateness is that of the first submission; a report returned for revision is not late because of the return
        submittedLate = submittedLate != null ? submittedLate : today.isAfter(dueOn);
        status = Status.SUBMITTED;
        changes.audit(actor, now, submittedLate ? "submitted-late" : "submitted-on-time", "due " + dueOn);
        changes.announce(new ReportSubmitted(section, period, dueOn, today, submittedLate, now), now);
    }

    public void accept(Actor actor, Instant now) {
        requireOffice(actor);
        requireSubmitted();
        status = Status.ACCEPTED;
        acceptedBy = actor.username();
        changes.audit(actor, now, "accepted", null);
    }

    public void returnForRevision(String reason, Actor actor, Instant now) {
        requireOffice(actor);
        requireSubmitted();
        if (reason == null || reason.isBlank()) {
            throw DomainException.invalid("reason-required", "退回工作报告须说明理由。");
        }
        status = Status.RETURNED;
        returnReason = reason;
        changes.audit(actor, now, "returned", reason);
    }

    public boolean isVisibleTo(Actor actor) {
        return actor.overseesAllSections() || actor.belongsTo(section);
    }

    public boolean isSubmitted() {
        return status == Status.SUBMITTED || status == Status.ACCEPTED;
    }

    private void requireEditable() {
        if (status != Status.DRAFT && status != Status.RETURNED) {
            throw DomainException.conflict("report-already-submitted", "工作报告当前状态为“" + status.label() + "”，数据已固定，不能再修改。");
        }
    }

    private void requireSubmitted() {
        if (status != Status.SUBMITTED) {
            throw DomainException.conflict("report-not-submitted", "只有已报送的工作报告才能审核通过或退回。");
        }
    }

    private static void requireOwnSection(Actor actor, String section) {
        if (!actor.hasRole(Actor.SECTION_STAFF) || !actor.belongsTo(section)) {
            throw DomainException.forbidden("not-your-section", "只有股室“" + section + "”的工作人员可以编写该股室的工作报告。");
        }
    }

    private static void requireOffice(Actor actor) {
        if (!actor.hasRole(Actor.DISCLOSURE_OFFICE)) {
            throw DomainException.forbidden("office-only", "工作报告由政务公开办公室审核通过或退回。");
        }
    }

    public String id() { return id; }
    public String section() { return section; }
    public String period() { return period; }
    public LocalDate dueOn() { return dueOn; }
    public Status status() { return status; }
    public SectionFigures figures() { return figures; }
    public Narrative narrative() { return narrative; }
    public Instant submittedAt() { return submittedAt; }
    public Boolean submittedLate() { return submittedLate; }
    public String returnReason() { return returnReason; }
    public String acceptedBy() { return acceptedBy; }
    public List<AuditEntry> audit() { return changes.auditTrail(); }
    @Override public Changes changes() { return changes; }
}
