package org.gongkai.reporting.annualreport;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.gongkai.support.domain.AuditEntry;
import org.gongkai.support.domain.DomainException;
import org.gongkai.support.domain.Actor;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The bureau's annual government-information disclosure report (条例 art. 49–50) for one calendar year, in the format
 * of 国办公开办函〔2021〕30号, due 31 January of the next year. The office drafts it, leadership approves it, the office
 * publishes it; a published revision is frozen, and a correction starts a new revision with a note. All revisions
 * live in this one document, so every change is one single-document write.
 */
@Document("annual_reports")
public class AnnualReport {

    public enum Status {
        DRAFT("草稿"), APPROVED("领导已审定"), PUBLISHED("已发布");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The first year whose report follows the 2021 format. */
    public static final int FIRST_YEAR = 2021;

    /** One revision; only the latest may change, and only until it is published. */
    public record Revision(int number, Status status, AnnualReportContent content, AnnualReportFigures figures,
            String correctionNote, String approvedBy, Instant approvedAt, String publishedBy, Instant publishedAt) {

        Revision with(Status newStatus, AnnualReportContent newContent, AnnualReportFigures newFigures, String approver,
                Instant approved, String publisher, Instant published) {
            return new Revision(number, newStatus, newContent, newFigures, correctionNote, approver, approved, publisher, published);
        }
    }

    @Id
    private final String id;
    private final int year;
    private final LocalDate dueOn;
    private final List<Revision> revisions;
    private final List<AuditEntry> audit;
    @Version
    private Long version;

    @PersistenceCreator
    AnnualReport(String id, int year, LocalDate dueOn, List<Revision> revisions, List<AuditEntry> audit, Long version) {
        this.id = id;
        this.year = year;
        this.dueOn = dueOn;
        this.revisions = new ArrayList<>();
        // a revision with nothing written yet may come back from storage without its (empty) content
        for (Revision r : revisions == null ? List.<Revision>of() : revisions) {
            this.revisions.add(r.content() != null ? r : new Revision(r.number(), r.status(), AnnualReportContent.EMPTY, r.figures(),
                    r.correctionNote(), r.approvedBy(), r.approvedAt(), r.publishedBy(), r.publishedAt()));
        }
        this.audit = new ArrayList<>(audit == null ? List.of() : audit);
        this.version = version;
    }

    public static String idOf(int year) {
        return String.valueOf(year);
    }

    /** 条例 art. 50: published by 31 January of the following year. */
    public static LocalDate dueOn(int year) {
        return LocalDate.of(year + 1, 1, 31);
    }

    public static void requireReportableYear(int year, LocalDate today) {
        if (year < FIRST_YEAR || year > today.getYear()) {
            throw DomainException.invalid("not-a-report-year",
                    "年度报告的年份须在 " + FIRST_YEAR + " 年到今年（" + today.getYear() + " 年）之间，" + year + " 年不行。");
        }
    }

    public static AnnualReport start(int year, Actor actor, LocalDate today, Instant now) {
        requireOffice(actor, "起草");
        requireReportableYear(year, today);
        AnnualReport report = new AnnualReport(idOf(year), year, dueOn(year),
                List.of(new Revision(1, Status.DRAFT, AnnualReportContent.EMPTY, null, null, null, null, null, null)), List.of(), null);
        report.audit.add(AuditEntry.of(actor, now, "started", "第 1 版"));
        return report;
    }

    /**
     * The office writes the narratives and enters the outside figures. Editing an approved revision withdraws the
     * approval (leadership approved other words); a published revision is frozen.
     */
    public void edit(AnnualReportContent content, Actor actor, Instant now) {
        requireOffice(actor, "编辑");
        Revision latest = latest();
        requireNotPublished(latest);
        requireSourced(content);
        List<String> changed = content.changedFrom(latest.content());
        if (changed.isEmpty()) {
            return;
        }
        if (latest.status() == Status.APPROVED) {
            audit.add(AuditEntry.of(actor, now, "approval-withdrawn-by-edit", "第 " + latest.number() + " 版经修改，须重新报领导审定"));
        }
        replaceLatest(latest.with(Status.DRAFT, content, null, null, null, null, null));
        audit.add(AuditEntry.of(actor, now, "edited", "第 " + latest.number() + " 版修改：" + String.join("、", changed)));
    }

    /** Leadership approves the latest draft; the computed figures freeze with it, so what is published is what was approved. */
    public void approve(AnnualReportFigures figures, Actor actor, Instant now) {
        if (!actor.hasRole(Actor.LEADER)) {
            throw DomainException.forbidden("approval-requires-leadership", "年度报告须由局领导审定。");
        }
        Revision latest = latest();
        requireNotPublished(latest);
        if (latest.status() == Status.APPROVED) {
            throw DomainException.conflict("annual-report-already-approved", year + " 年度报告第 " + latest.number() + " 版已经审定。");
        }
        List<String> missing = latest.content().missingParts();
        if (!missing.isEmpty()) {
            throw DomainException.invalid("annual-report-incomplete", "年度报告尚缺以下内容，不能报审定：" + String.join("、", missing) + "。")
                    .with("missing", missing);
        }
        replaceLatest(latest.with(Status.APPROVED, latest.content(), figures, actor.username(), now, null, null));
        audit.add(AuditEntry.of(actor, now, "approved", "第 " + latest.number() + " 版"));
    }

    /** The office publishes the approved revision; from then on it is frozen. */
    public void publish(Actor actor, Instant now) {
        requireOffice(actor, "发布");
        Revision latest = latest();
        requireNotPublished(latest);
        if (latest.status() != Status.APPROVED) {
            throw DomainException.conflict("annual-report-not-approved", year + " 年度报告第 " + latest.number() + " 版尚未经局领导审定，不能发布。");
        }
        replaceLatest(latest.with(Status.PUBLISHED, latest.content(), latest.figures(), latest.approvedBy(), latest.approvedAt(),
                actor.username(), now));
        audit.add(AuditEntry.of(actor, now, "published", "第 " + latest.number() + " 版"));
    }

    /** A published report is corrected by a new revision (a draft again, starting from the published words) with a note. */
    public void startCorrection(String note, Actor actor, Instant now) {
        requireOffice(actor, "更正");
        Revision latest = latest();
        if (latest.status() != Status.PUBLISHED) {
            throw DomainException.conflict("annual-report-not-published",
                    year + " 年度报告第 " + latest.number() + " 版尚未发布，请直接修改，不需要更正。");
        }
        if (note == null || note.isBlank()) {
            throw DomainException.invalid("correction-note-required", "更正已发布的年度报告须写明更正说明。");
        }
        revisions.add(new Revision(latest.number() + 1, Status.DRAFT, latest.content(), null, note.strip(), null, null, null, null));
        audit.add(AuditEntry.of(actor, now, "correction-started", "第 " + (latest.number() + 1) + " 版：" + note.strip()));
    }

    /** Not published by its due date, and not yet published. */
    public boolean isOverdueOn(LocalDate today) {
        return latestPublished().isEmpty() && today.isAfter(dueOn);
    }

    public Revision latest() {
        return revisions.get(revisions.size() - 1);
    }

    public Optional<Revision> latestPublished() {
        for (int i = revisions.size() - 1; i >= 0; i--) {
            if (revisions.get(i).status() == Status.PUBLISHED) {
                return Optional.of(revisions.get(i));
            }
        }
        return Optional.empty();
    }

    public Optional<Revision> revision(int number) {
        return revisions.stream().filter(r -> r.number() == number).findFirst();
    }

    private void replaceLatest(Revision revision) {
        revisions.set(revisions.size() - 1, revision);
    }

    private void requireNotPublished(Revision latest) {
        if (latest.status() == Status.PUBLISHED) {
            throw DomainException.conflict("annual-report-published",
                    year + " 年度报告第 " + latest.number() + " 版已发布，不能再修改；如需更正，请新建更正版本并写明更正说明。");
        }
    }

    /** A figure taken from another system is only as good as its source, so the source is required with it. */
    private static void requireSourced(AnnualReportContent content) {
        record Named(String name, Object value, String source) {
        }
        List<Named> sourced = new ArrayList<>();
        if (content.licensing() != null) sourced.add(new Named("行政许可", content.licensing().count(), content.licensing().source()));
        if (content.punishment() != null) sourced.add(new Named("行政处罚", content.punishment().count(), content.punishment().source()));
        if (content.coercion() != null) sourced.add(new Named("行政强制", content.coercion().count(), content.coercion().source()));
        if (content.administrativeFees() != null) {
            sourced.add(new Named("行政事业性收费", content.administrativeFees().fen(), content.administrativeFees().source()));
        }
        for (Named n : sourced) {
            if (n.value() == null) {
                throw DomainException.invalid("figure-required", n.name() + "须填写数值。").with("field", n.name());
            }
            if (n.source() == null || n.source().isBlank()) {
                throw DomainException.invalid("source-required", n.name() + "的数据来自其他系统，须注明数据来源。").with("field", n.name());
            }
        }
    }

    private static void requireOffice(Actor actor, String what) {
        if (!actor.hasRole(Actor.DISCLOSURE_OFFICE)) {
            throw DomainException.forbidden("annual-report-office-only", "年度报告由政务公开办公室" + what + "。");
        }
    }

    public String id() { return id; }
    public int year() { return year; }
    public LocalDate dueOn() { return dueOn; }
    public List<Revision> revisions() { return List.copyOf(revisions); }
    public List<AuditEntry> audit() { return List.copyOf(audit); }
}
