package org.gongkai.consultation.opinion;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.gongkai.consultation.consultation.AdoptionDecision;
import org.gongkai.consultation.consultation.Consultation;
import org.gongkai.contracts.consultation.OpinionDecided;
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
 * An opinion: comments that say the same thing, grouped by staff, with the adoption decision on it (Q2).
 * Which comments belong to it is recorded on the comments themselves, so a comment is in at most one opinion.
 * A merged opinion stays, pointing at the one it went into, so that its audit trail and events are kept.
 */
@Document("opinions")
@CompoundIndex(name = "consultation_list", def = "{'consultationId': 1, 'mergedInto': 1, '_id': 1}")
public class Opinion implements RecordsChanges {

    public static final int MAX_SUMMARY_LENGTH = 1000;

    @Id
    private final String id;
    private final String consultationId; // no index of its own: consultation_list begins with it
    private final String section;
    private final String catalogueItemCode;
    private String summary;
    private AdoptionDecision decision;
    private String reason;
    private Instant decidedAt;
    private String mergedInto;
    @Unwrapped.Empty
    private final Changes changes;
    @Version
    private Long revision;

    @PersistenceCreator
    Opinion(String id, String consultationId, String section, String catalogueItemCode, String summary,
            AdoptionDecision decision, String reason, Instant decidedAt, String mergedInto, Changes changes, Long revision) {
        this.id = id;
        this.consultationId = consultationId;
        this.section = section;
        this.catalogueItemCode = catalogueItemCode;
        this.summary = summary;
        this.decision = decision;
        this.reason = reason;
        this.decidedAt = decidedAt;
        this.mergedInto = mergedInto;
        this.changes = changes == null ? Changes.none() : changes;
        this.revision = revision;
    }

    /** An opinion drawing at least {@code threshold} comments is a concentrated opinion (较为集中的意见). */
    public static boolean isConcentrated(int commentCount, int threshold) {
        return commentCount >= threshold;
    }

    /** Staff confirm a group of comments as one opinion, summarised in their words. */
    public static Opinion confirm(String id, Consultation consultation, String summary, int commentCount, Actor actor, Instant now) {
        if (commentCount < 1) {
            throw DomainException.invalid("comments-required", "一条意见至少要归并一条留言。");
        }
        Opinion opinion = new Opinion(id, consultation.id(), consultation.section(), consultation.catalogueItemCode(),
                requireSummary(summary), null, null, null, null, Changes.none(), null);
        opinion.record(actor, now, "confirmed", commentCount + " comments");
        return opinion;
    }

    /**
     * Records the adoption decision. Not fully adopting a concentrated opinion needs a reason the public will read;
     * concentration is judged again when the feedback is published, since grouping may change meanwhile.
     */
    public void decide(Actor actor, AdoptionDecision newDecision, String newReason, int commentCount, int threshold, Instant now) {
        requireActive();
        if (newDecision == null) {
            throw DomainException.invalid("decision-required", "请选择采纳（ADOPTED）、部分采纳（PARTLY_ADOPTED）或未予采纳（NOT_ADOPTED）。");
        }
        String cleanReason = newReason == null || newReason.isBlank() ? null : newReason.strip();
        boolean concentrated = isConcentrated(commentCount, threshold);
        if (concentrated && newDecision != AdoptionDecision.ADOPTED && cleanReason == null) {
            throw DomainException.invalid("concentrated-opinion-reason-required", "该意见汇集了 " + commentCount
                    + " 条留言，属于集中意见，未完全采纳的须公开说明理由。");
        }
        decision = newDecision;
        reason = cleanReason;
        decidedAt = now;
        record(actor, now, "decided-" + newDecision.name().toLowerCase(Locale.ROOT), cleanReason);
        changes.announce(new OpinionDecided(consultationId, id, section, catalogueItemCode, newDecision.name(),
                cleanReason, commentCount, concentrated, now), now);
    }

    public void reviseSummary(Actor actor, String newSummary, Instant now) {
        requireActive();
        summary = requireSummary(newSummary);
        record(actor, now, "summary-revised", null);
    }

    /** Takes in another opinion's comments; the caller moves the comments themselves. */
    public void absorb(Opinion other, int movedComments, Actor actor, Instant now) {
        requireActive();
        other.requireActive();
        if (other.id.equals(id) || !other.consultationId.equals(consultationId)) {
            throw DomainException.invalid("invalid-merge", "只能合并同一征求意见中的不同意见。");
        }
        other.mergedInto = id;
        other.record(actor, now, "merged-into", id);
        record(actor, now, "merged", other.id + " (" + movedComments + " comments)");
    }

    /** Records that some of this opinion's comments left for a new opinion split off from it. */
    public void recordSplit(Opinion split, int movedComments, Actor actor, Instant now) {
        requireActive();
        record(actor, now, "split", split.id + " (" + movedComments + " comments)");
    }

    public void recordCommentsAdded(int added, Actor actor, Instant now) {
        requireActive();
        record(actor, now, "comments-added", String.valueOf(added));
    }

    public boolean isActive() {
        return mergedInto == null;
    }

    private void requireActive() {
        if (!isActive()) {
            throw DomainException.conflict("opinion-merged", "意见 " + id + " 已并入意见 " + mergedInto + "。");
        }
    }

    private static String requireSummary(String summary) {
        if (summary == null || summary.isBlank()) {
            throw DomainException.invalid("summary-required", "请用一句话概括该意见。");
        }
        if (summary.length() > MAX_SUMMARY_LENGTH) {
            throw DomainException.invalid("summary-too-long", "意见概述不能超过 " + MAX_SUMMARY_LENGTH + " 个字。");
        }
        return summary.strip();
    }

    private void record(Actor actor, Instant now, String action, String why) {
        changes.audit(actor, now, action, why);
    }

    public String id() { return id; }
    public String consultationId() { return consultationId; }
    public String section() { return section; }
    public String catalogueItemCode() { return catalogueItemCode; }
    public String summary() { return summary; }
    public AdoptionDecision decision() { return decision; }
    public String reason() { return reason; }
    public Instant decidedAt() { return decidedAt; }
    public String mergedInto() { return mergedInto; }
    public List<AuditEntry> audit() { return changes.auditTrail(); }
    @Override public Changes changes() { return changes; }
}
