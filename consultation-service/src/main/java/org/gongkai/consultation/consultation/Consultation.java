package org.gongkai.consultation.consultation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.gongkai.contracts.consultation.ConsultationClosed;
import org.gongkai.contracts.consultation.ConsultationOpened;
import org.gongkai.contracts.consultation.FeedbackPublished;
import org.gongkai.support.domain.AuditEntry;
import org.gongkai.support.domain.Changes;
import org.gongkai.support.domain.RecordsChanges;
import org.gongkai.support.domain.DomainException;
import org.gongkai.support.domain.Actor;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Unwrapped;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A major-decision draft put before the public (Q1): prepared by a section as a draft, opened for comment on the
 * public routes, closed when its period ends, and finished by publishing the adoption feedback (Q2). Comments
 * and opinions live in their own documents so that the busiest write path never rewrites this one.
 */
@Document("consultations")
@CompoundIndex(name = "section_list", def = "{'section': 1, 'period.start': -1, '_id': 1}")
@CompoundIndex(name = "public_list", def = "{'status': 1, 'period.start': -1, '_id': 1}")
public class Consultation implements RecordsChanges {

    public enum Status {
        DRAFT("草稿"), OPEN("征求意见中"), CLOSED("征求意见已结束"), FEEDBACK_PUBLISHED("已公布采纳情况");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        /** The Chinese label a reader sees beside the code. */
        public String label() {
            return label;
        }
    }

    private static final java.util.Map<String, String> FIELD_NAMES = java.util.Map.of("title", "标题", "draft-text", "草案文本",
            "decision-basis", "决策依据", "explanation", "起草说明", "catalogue-item", "所属目录事项");

    /** Comment periods are calendar days where the county is. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Actor CLOSING_JOB = Actor.system("consultation-closing");

    @Id
    private final String id;
    private final String section; // no index of its own: section_list begins with it
    private final String drafter;
    private String title;
    private String draftText;
    private String decisionBasis;
    private String explanation;
    private String catalogueItemCode;
    private List<Channel> channels;
    private CommentPeriod period;
    private boolean commentsPublic;
    private Status status; // no index of its own: public_list begins with it
    private Instant openedAt;
    private Instant closedAt;
    private FeedbackReport feedback;
    @Unwrapped.Empty
    private final Changes changes;
    @Version
    private Long revision;

    @PersistenceCreator
    Consultation(String id, String section, String drafter, String title, String draftText, String decisionBasis,
            String explanation, String catalogueItemCode, List<Channel> channels, CommentPeriod period,
            boolean commentsPublic, Status status, Instant openedAt, Instant closedAt, FeedbackReport feedback,
            Changes changes, Long revision) {
        this.id = id;
        this.section = section;
        this.drafter = drafter;
        this.title = title;
        this.draftText = draftText;
        this.decisionBasis = decisionBasis;
        this.explanation = explanation;
        this.catalogueItemCode = catalogueItemCode;
        this.channels = List.copyOf(channels == null ? List.of() : channels);
        this.period = period;
        this.commentsPublic = commentsPublic;
        this.status = status;
        this.openedAt = openedAt;
        this.closedAt = closedAt;
        this.feedback = feedback;
        this.changes = changes == null ? Changes.none() : changes;
        this.revision = revision;
    }

    /** What a section prepares; the catalogue item is checked against the snapshot by the service. */
    public record Draft(String title, String draftText, String decisionBasis, String explanation, String catalogueItemCode,
            List<Channel> channels, LocalDate periodStart, LocalDate periodEnd, String shortPeriodReason, boolean commentsPublic) {
    }

    public static Consultation draft(String id, Draft draft, Actor actor, Instant now) {
        if (!actor.hasRole(Actor.SECTION_STAFF) || actor.section() == null) {
            throw DomainException.forbidden("drafting-requires-section", "只有所属股室的工作人员可以起草征求意见稿。");
        }
        Consultation consultation = new Consultation(id, actor.section(), actor.username(), null, null, null, null, null,
                null, null, false, Status.DRAFT, null, null, null, Changes.none(), null);
        consultation.apply(draft);
        consultation.record(actor, now, "drafted", null);
        return consultation;
    }

    /** Staff may rework a draft until it is opened; afterwards the public has seen it and it stays as published. */
    public void revise(Actor actor, Draft draft, Instant now) {
        requireManagedBy(actor);
        requireStatus(Status.DRAFT, "修改");
        apply(draft);
        record(actor, now, "revised", null);
    }

    private void apply(Draft draft) {
        CommentPeriod newPeriod = CommentPeriod.of(draft.periodStart(), draft.periodEnd(), draft.shortPeriodReason());
        if (draft.channels() == null || draft.channels().isEmpty()) {
            throw DomainException.invalid("channels-required", "请至少选择一种向社会公开征求意见的渠道。");
        }
        title = requireText(draft.title(), "title").strip();
        draftText = requireText(draft.draftText(), "draft-text");
        decisionBasis = requireText(draft.decisionBasis(), "decision-basis");
        explanation = requireText(draft.explanation(), "explanation");
        catalogueItemCode = requireText(draft.catalogueItemCode(), "catalogue-item").strip();
        channels = List.copyOf(new LinkedHashSet<>(draft.channels()));
        period = newPeriod;
        commentsPublic = draft.commentsPublic();
    }

    /** Publishes the draft on the public routes; the public must still get the minimum period from today. */
    public void open(Actor actor, LocalDate today, Instant now) {
        requireManagedBy(actor);
        requireStatus(Status.DRAFT, "开始征求意见");
        period.requireLongEnoughWhenOpenedOn(today);
        status = Status.OPEN;
        openedAt = now;
        record(actor, now, "opened", period.shortPeriodReason());
        changes.announce(new ConsultationOpened(id, title, section, catalogueItemCode,
                channels.stream().map(Channel::name).toList(), period.start(), period.end(), period.isShort(),
                commentsPublic, now), now);
    }

    /** Closes an open consultation once its period has ended; returns whether it did. */
    public boolean closeIfPeriodEnded(LocalDate today, Instant now) {
        if (status != Status.OPEN || !period.hasEndedBy(today)) {
            return false;
        }
        status = Status.CLOSED;
        closedAt = now;
        record(CLOSING_JOB, now, "closed", "comment period ended on " + period.end());
        changes.announce(new ConsultationClosed(id, section, catalogueItemCode, period.start(), period.end(), now), now);
        return true;
    }

    /** Whether comments are shown on the public routes is the section's choice, at any time, audited. */
    public void showCommentsPublicly(Actor actor, boolean visible, String reason, Instant now) {
        requireManagedBy(actor);
        commentsPublic = visible;
        record(actor, now, visible ? "comments-shown" : "comments-hidden", reason);
    }

    /** The public route takes comments only while open and within the period. */
    public void requireAcceptingCommentsOn(LocalDate today) {
        if (status == Status.DRAFT) {
            throw notFound(id);
        }
        if (status != Status.OPEN || period.hasEndedBy(today)) {
            throw DomainException.conflict("consultation-closed", "该征求意见的期限已经结束。");
        }
        if (!period.includes(today)) {
            throw DomainException.conflict("consultation-not-yet-open", "自 " + period.start() + " 起才开始接收意见。");
        }
    }

    /** Offline opinions (hearings, symposia …) may be entered while open and after closing, until feedback is published. */
    public void requireAcceptingOfflineOpinions(Actor actor) {
        requireManagedBy(actor);
        if (status != Status.OPEN && status != Status.CLOSED) {
            throw DomainException.conflict("invalid-state", "只有在征求意见期间或结束后才能录入意见，当前状态为“" + status.label() + "”。");
        }
    }

    /** Grouping and deciding happen once comments come in and stop when the feedback is out. */
    public void requireOpinionsEditable(Actor actor) {
        requireManagedBy(actor);
        if (status == Status.DRAFT) {
            throw DomainException.conflict("invalid-state", "征求意见稿尚未公开，还没有意见。");
        }
        if (status == Status.FEEDBACK_PUBLISHED) {
            throw DomainException.conflict("feedback-published", "意见采纳情况已公布，意见及采纳决定不能再修改。");
        }
    }

    /** Feedback comes after the comment period, from the section or the office. */
    public void requireReadyForFeedback(Actor actor) {
        requireManagedBy(actor);
        requireStatus(Status.CLOSED, "公布意见采纳情况");
    }

    /** Publishes the adoption feedback after the period closed; the report was checked against the Q2 rules. */
    public void publishFeedback(Actor actor, FeedbackReport report, Instant now) {
        requireReadyForFeedback(actor);
        feedback = report;
        status = Status.FEEDBACK_PUBLISHED;
        record(actor, now, "feedback-published", report.opinionCount() + " opinions, " + report.concentratedCount() + " concentrated");
        changes.announce(new FeedbackPublished(id, section, catalogueItemCode, report.commentCount(),
                report.opinionCount(), report.adoptedCount(), report.partlyAdoptedCount(), report.notAdoptedCount(),
                report.concentratedCount(), report.concentratedNotAdoptedCount(), now), now);
    }

    public boolean isPublic() {
        return status != Status.DRAFT;
    }

    /** Sections see their own consultations; the office, confidentiality officer and leadership see all. */
    public boolean isVisibleTo(Actor actor) {
        return actor.overseesAllSections() || actor.belongsTo(section);
    }

    /** Staff of the owning section manage it; the disclosure office oversees and may act on any. */
    public boolean isManagedBy(Actor actor) {
        return actor.hasRole(Actor.DISCLOSURE_OFFICE) || (actor.hasRole(Actor.SECTION_STAFF) && actor.belongsTo(section));
    }

    public void requireManagedBy(Actor actor) {
        if (!isManagedBy(actor)) {
            throw DomainException.forbidden("not-your-section", "只有股室“" + section + "”的工作人员或政务公开办公室可以管理该征求意见。");
        }
    }

    public static DomainException notFound(String id) {
        return DomainException.notFound("consultation-not-found", "没有编号为 " + id + " 的征求意见。");
    }

    private void requireStatus(Status expected, String action) {
        if (status != expected) {
            throw DomainException.conflict("invalid-state", "征求意见当前状态为“" + status.label() + "”，不能" + action + "；须处于“" + expected.label() + "”状态。");
        }
    }

    private static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw DomainException.invalid(what + "-required", "请填写征求意见的" + FIELD_NAMES.getOrDefault(what, what) + "。");
        }
        return value;
    }

    private void record(Actor actor, Instant now, String action, String reason) {
        changes.audit(actor, now, action, reason);
    }

    public String id() { return id; }
    public String section() { return section; }
    public String drafter() { return drafter; }
    public String title() { return title; }
    public String draftText() { return draftText; }
    public String decisionBasis() { return decisionBasis; }
    public String explanation() { return explanation; }
    public String catalogueItemCode() { return catalogueItemCode; }
    public List<Channel> channels() { return channels; }
    public CommentPeriod period() { return period; }
    public boolean commentsPublic() { return commentsPublic; }
    public Status status() { return status; }
    public Instant openedAt() { return openedAt; }
    public Instant closedAt() { return closedAt; }
    public FeedbackReport feedback() { return feedback; }
    public List<AuditEntry> audit() { return changes.auditTrail(); }
    @Override public Changes changes() { return changes; }
}
