package org.gongkai.publication.document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.gongkai.publication.document.ReviewStep.ReviewDecision;
import org.gongkai.publication.document.ReviewStep.ReviewStage;
import org.gongkai.support.domain.DomainException;
import org.gongkai.support.domain.Actor;
import org.springframework.data.annotation.PersistenceCreator;

/**
 * The path of "谁公开、谁审查、谁负责" (O4) a document walks: the stage waiting for a decision and every step taken so far.
 * It knows who decides at each stage, where each decision leads and what a decision must carry (a reason, the competent
 * authority's ruling, the responsible unit head); what a decision does to the document is the document's business.
 * Embedded in the document ({@code @Unwrapped.Empty}), so {@code pendingStage} and {@code reviews} stay at the top level.
 */
public final class ReviewPath {

    private final ReviewStage pendingStage;
    private final List<ReviewStep> reviews;

    @PersistenceCreator
    ReviewPath(ReviewStage pendingStage, List<ReviewStep> reviews) {
        this.pendingStage = pendingStage;
        this.reviews = List.copyOf(reviews == null ? List.of() : reviews);
    }

    static ReviewPath notStarted() {
        return new ReviewPath(null, List.of());
    }

    /** Submitted: the confidentiality officer first when a clearance is open, otherwise the disclosure office. */
    ReviewPath submitted(boolean confidentialityFirst) {
        return awaiting(confidentialityFirst ? ReviewStage.CONFIDENTIALITY : ReviewStage.DISCLOSURE_OFFICE);
    }

    /** An issued document's widening waits for the confidentiality officer. */
    ReviewPath awaitingConfidentiality() {
        return awaiting(ReviewStage.CONFIDENTIALITY);
    }

    private ReviewPath awaiting(ReviewStage stage) {
        return new ReviewPath(stage, reviews);
    }

    /**
     * One step before issuance at the pending stage: RETURN ends the path (the draft goes back), APPROVE passes to the
     * disclosure office or, there, ends it approved; REFER_TO_CONFIDENTIALITY (the office only) and ESCALATE move on.
     * Everything is checked before anything is recorded.
     */
    ReviewPath decidedBeforeIssuance(Actor actor, ReviewDecision decision, String note, AuthorityRuling ruling,
            String responsibleHead, LocalDate today, Instant now) {
        ReviewStage stage = pendingStage;
        requireReviewer(actor, stage, decision, note);
        ReviewStage next = switch (decision) {
            case RETURN -> null;
            case APPROVE -> stage == ReviewStage.DISCLOSURE_OFFICE ? null : ReviewStage.DISCLOSURE_OFFICE;
            case REFER_TO_CONFIDENTIALITY -> {
                if (stage != ReviewStage.DISCLOSURE_OFFICE) {
                    throw DomainException.conflict("cannot-refer", "只有政务公开办可将文件转保密审查。");
                }
                yield ReviewStage.CONFIDENTIALITY;
            }
            case ESCALATE -> escalationFrom(stage);
        };
        AuthorityRuling checkedRuling = checkedRuling(stage, decision, ruling, today);
        String head = null;
        if (stage == ReviewStage.DISCLOSURE_OFFICE && decision == ReviewDecision.APPROVE) {
            if (responsibleHead == null || responsibleHead.isBlank()) {
                throw DomainException.invalid("responsible-head-required",
                        "审核通过须记录签批的单位负责人（谁审查谁负责）。");
            }
            head = responsibleHead.strip();
        }
        return stepped(new ReviewStep(stage, actor.username(), actor.section(), decision, note, now, checkedRuling, head), next);
    }

    /**
     * The confidentiality officer's step on an issued document's widening: APPROVE and RETURN end the path, ESCALATE
     * goes to the entitled organ; no other decision applies. Everything is checked before anything is recorded.
     */
    ReviewPath decidedOnWidening(Actor actor, ReviewDecision decision, String note, AuthorityRuling ruling, LocalDate today,
            Instant now) {
        ReviewStage stage = pendingStage;
        requireReviewer(actor, stage, decision, note);
        AuthorityRuling checkedRuling = checkedRuling(stage, decision, ruling, today);
        ReviewStage next = switch (decision) {
            case ESCALATE -> escalationFrom(stage);
            case RETURN, APPROVE -> null;
            default -> throw DomainException.invalid("decision-not-applicable", "保密审查只能同意、不同意或报有权机关确定。");
        };
        return stepped(new ReviewStep(stage, actor.username(), actor.section(), decision, note, now, checkedRuling, null), next);
    }

    private ReviewPath stepped(ReviewStep step, ReviewStage next) {
        List<ReviewStep> taken = new ArrayList<>(reviews);
        taken.add(step);
        return new ReviewPath(next, taken);
    }

    private static void requireReviewer(Actor actor, ReviewStage stage, ReviewDecision decision, String note) {
        String role = stage.isConfidentialityBody() ? Actor.CONFIDENTIALITY_OFFICER : Actor.DISCLOSURE_OFFICE;
        if (!actor.hasRole(role)) {
            throw DomainException.forbidden("wrong-reviewer", "“" + stage.label() + "”环节由"
                    + (stage.isConfidentialityBody() ? "保密审查员" : "政务公开办") + "办理。");
        }
        if (decision != ReviewDecision.APPROVE && (note == null || note.isBlank())) {
            throw DomainException.invalid("reason-required", "“" + decision.label() + "”须说明理由。");
        }
    }

    private static ReviewStage escalationFrom(ReviewStage stage) {
        return switch (stage) {
            case CONFIDENTIALITY -> ReviewStage.ENTITLED_ORGAN;
            case DISCLOSURE_OFFICE -> ReviewStage.BUSINESS_DEPARTMENT;
            default -> throw DomainException.conflict("cannot-escalate", "“" + stage.label() + "”已是最后一级。");
        };
    }

    /** At the entitled organ the officer records the competent authority's decision; elsewhere no ruling is taken. */
    private static AuthorityRuling checkedRuling(ReviewStage stage, ReviewDecision decision, AuthorityRuling ruling, LocalDate today) {
        if (stage != ReviewStage.ENTITLED_ORGAN || decision == ReviewDecision.ESCALATE) {
            return null;
        }
        if (ruling == null || ruling.authority() == null || ruling.authority().isBlank() || ruling.decidedOn() == null
                || ruling.reference() == null || ruling.reference().isBlank()) {
            throw DomainException.invalid("authority-ruling-required",
                    "请记录有权确定的保密或政务公开主管部门名称、决定日期和文号。");
        }
        if (ruling.decidedOn().isAfter(today) || ruling.decidedOn().getYear() < 2000) {
            throw DomainException.invalid("implausible-date", "主管部门决定日期 " + ruling.decidedOn() + " 不合理：不能早于2000年，也不能晚于今天。");
        }
        return new AuthorityRuling(ruling.authority().strip(), ruling.decidedOn(), ruling.reference().strip());
    }

    /** The step just taken. */
    ReviewStep latest() {
        return reviews.get(reviews.size() - 1);
    }

    boolean hasSteps() {
        return !reviews.isEmpty();
    }

    public ReviewStage pendingStage() {
        return pendingStage;
    }

    public List<ReviewStep> reviews() {
        return reviews;
    }
}
