package org.gongkai.consultation.opinion;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.gongkai.consultation.consultation.AdoptionDecision;
import org.gongkai.consultation.consultation.FeedbackReport;
import org.gongkai.support.domain.DomainException;

/**
 * Compiles the adoption feedback of a consultation and refuses it while it would break Q2: every opinion needs its
 * decision, and every concentrated opinion not fully adopted needs the reason the public is owed.
 */
public final class AdoptionFeedback {

    /** An opinion with the number of (visible) comments it holds now. */
    public record Tally(Opinion opinion, int commentCount) {
    }

    private AdoptionFeedback() {
    }

    public static FeedbackReport compile(List<Tally> tallies, int commentCount, int concentratedThreshold,
            String finalDecisionChanges, Instant now) {
        if (finalDecisionChanges == null || finalDecisionChanges.isBlank()) {
            throw DomainException.invalid("final-decision-changes-required",
                    "请说明最终决策根据意见作了哪些修改（如未修改，请说明理由）。");
        }
        List<Tally> reported = tallies.stream().filter(t -> t.opinion().isActive() && t.commentCount() > 0).toList();
        List<String> undecided = reported.stream().filter(t -> t.opinion().decision() == null).map(t -> t.opinion().id()).toList();
        if (!undecided.isEmpty()) {
            throw DomainException.conflict("opinion-undecided", "公布采纳情况前须对每条意见作出采纳决定；尚未决定的意见："
                    + String.join("、", undecided) + "。");
        }
        List<String> unexplained = reported.stream()
                .filter(t -> Opinion.isConcentrated(t.commentCount(), concentratedThreshold))
                .filter(t -> t.opinion().decision() != AdoptionDecision.ADOPTED && t.opinion().reason() == null)
                .map(t -> t.opinion().id())
                .toList();
        if (!unexplained.isEmpty()) {
            throw DomainException.conflict("concentrated-opinion-reason-required",
                    "未完全采纳的集中意见须公开说明理由：" + String.join("、", unexplained) + "。");
        }
        List<FeedbackReport.ReportedOpinion> opinions = reported.stream()
                .map(t -> new FeedbackReport.ReportedOpinion(t.opinion().id(), t.opinion().summary(), t.commentCount(),
                        Opinion.isConcentrated(t.commentCount(), concentratedThreshold), t.opinion().decision(), t.opinion().reason()))
                .sorted(Comparator.comparingInt(FeedbackReport.ReportedOpinion::commentCount).reversed())
                .toList();
        return new FeedbackReport(finalDecisionChanges.strip(), commentCount, opinions.size(),
                count(opinions, AdoptionDecision.ADOPTED, false), count(opinions, AdoptionDecision.PARTLY_ADOPTED, false),
                count(opinions, AdoptionDecision.NOT_ADOPTED, false), concentratedThreshold,
                (int) opinions.stream().filter(FeedbackReport.ReportedOpinion::concentrated).count(),
                // Q2: a concentrated opinion counts here unless it was fully adopted
                (int) opinions.stream().filter(o -> o.concentrated() && o.decision() != AdoptionDecision.ADOPTED).count(),
                opinions, now);
    }

    private static int count(List<FeedbackReport.ReportedOpinion> opinions, AdoptionDecision decision, boolean concentratedOnly) {
        return (int) opinions.stream()
                .filter(o -> o.decision() == decision && (!concentratedOnly || o.concentrated()))
                .count();
    }
}
