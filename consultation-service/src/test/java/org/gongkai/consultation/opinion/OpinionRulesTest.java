package org.gongkai.consultation.opinion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gongkai.consultation.opinion.AdoptionFeedbackTest.CONSULTATION;
import static org.gongkai.consultation.opinion.AdoptionFeedbackTest.NOW;
import static org.gongkai.consultation.opinion.AdoptionFeedbackTest.THRESHOLD;
import static org.gongkai.consultation.opinion.AdoptionFeedbackTest.opinion;
import static org.gongkai.testsupport.Actors.SAFETY1;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.gongkai.consultation.comment.Comment;
import org.gongkai.consultation.consultation.AdoptionDecision;
import org.gongkai.consultation.consultation.Channel;
import org.gongkai.consultation.consultation.Consultation;
import org.gongkai.contracts.consultation.OpinionDecided;
import org.gongkai.support.domain.AuditEntry;
import org.gongkai.support.domain.DomainException;
import org.junit.jupiter.api.Test;

/** Opinion rules the main opinion test leaves out: summaries, merging and splitting on the record, receipts, the report. */
class OpinionRulesTest {

    @Test
    void aConfirmedOpinionBelongsToItsConsultationAndNeedsAComment() {
        Opinion opinion = Opinion.confirm("o-1", CONSULTATION, "  延长征求意见期限 ", 3, SAFETY1, NOW);
        assertThat(opinion.consultationId()).isEqualTo("c-1");
        assertThat(opinion.section()).isEqualTo("safety-coordination");
        assertThat(opinion.catalogueItemCode()).isEqualTo("WS-03");
        assertThat(opinion.summary()).isEqualTo("延长征求意见期限");
        assertThat(opinion.audit()).singleElement().satisfies(a -> {
            assertThat(a.action()).isEqualTo("confirmed");
            assertThat(a.reason()).isEqualTo("3 comments");
        });
        assertThatThrownBy(() -> Opinion.confirm("o-2", CONSULTATION, "概述", 0, SAFETY1, NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.getMessage()).isEqualTo("一条意见至少要归并一条留言。"));
    }

    @Test
    void aSummaryIsRequiredAndAtMostAThousandCharacters() {
        assertThat(Opinion.confirm("o-1", CONSULTATION, "意".repeat(Opinion.MAX_SUMMARY_LENGTH), 1, SAFETY1, NOW).summary())
                .hasSize(1000);
        assertThatThrownBy(() -> Opinion.confirm("o-1", CONSULTATION, "意".repeat(1001), 1, SAFETY1, NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("summary-too-long"));
        assertThatThrownBy(() -> Opinion.confirm("o-1", CONSULTATION, " ", 1, SAFETY1, NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.getMessage()).isEqualTo("请用一句话概括该意见。"));
    }

    @Test
    void aSummaryIsRevisedOnTheRecordUntilTheOpinionIsMerged() {
        Opinion opinion = opinion("o-1");
        opinion.reviseSummary(SAFETY1, " 提高奖励标准 ", NOW);
        assertThat(opinion.summary()).isEqualTo("提高奖励标准");
        assertThat(opinion.audit()).last().satisfies(a -> assertThat(a.action()).isEqualTo("summary-revised"));

        opinion("o-2").absorb(opinion, 1, SAFETY1, NOW);
        assertThatThrownBy(() -> opinion.reviseSummary(SAFETY1, "另一概述", NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.type()).isEqualTo("opinion-merged");
                    assertThat(e.getMessage()).isEqualTo("意见 o-1 已并入意见 o-2。");
                });
        assertThat(opinion.summary()).isEqualTo("提高奖励标准");
    }

    @Test
    void mergingIsRecordedOnBothOpinionsAndOnlyBetweenActiveOnes() {
        Opinion target = opinion("o-1");
        Opinion other = opinion("o-2");
        target.absorb(other, 3, SAFETY1, NOW);
        assertThat(target.audit()).last().satisfies(a -> {
            assertThat(a.action()).isEqualTo("merged");
            assertThat(a.reason()).isEqualTo("o-2 (3 comments)");
        });
        assertThat(other.audit()).last().satisfies(a -> {
            assertThat(a.action()).isEqualTo("merged-into");
            assertThat(a.reason()).isEqualTo("o-1");
        });
        assertThatThrownBy(() -> opinion("o-3").absorb(other, 1, SAFETY1, NOW))
                .as("a merged opinion cannot be merged again")
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("opinion-merged"));
        assertThatThrownBy(() -> other.absorb(opinion("o-4"), 1, SAFETY1, NOW))
                .as("nor take in another")
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("opinion-merged"));

        Consultation elsewhere = Consultation.draft("c-2", new Consultation.Draft("另一办法", "草案", "依据", "说明", "WS-03",
                List.of(Channel.WEBSITE), LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 31), null, true), SAFETY1, NOW);
        assertThatThrownBy(() -> target.absorb(Opinion.confirm("o-5", elsewhere, "意见", 1, SAFETY1, NOW), 1, SAFETY1, NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.getMessage()).isEqualTo("只能合并同一征求意见中的不同意见。"));
    }

    @Test
    void splittingAndAddingCommentsAreRecordedOnlyOnAnActiveOpinion() {
        Opinion opinion = opinion("o-1");
        opinion.recordSplit(opinion("o-2"), 2, SAFETY1, NOW);
        opinion.recordCommentsAdded(4, SAFETY1, NOW);
        assertThat(opinion.audit()).extracting(AuditEntry::action).containsExactly("confirmed", "split", "comments-added");
        assertThat(opinion.audit()).extracting(AuditEntry::reason).containsExactly("1 comments", "o-2 (2 comments)", "4");

        opinion("o-3").absorb(opinion, 1, SAFETY1, NOW);
        assertThatThrownBy(() -> opinion.recordSplit(opinion("o-4"), 1, SAFETY1, NOW)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> opinion.recordCommentsAdded(1, SAFETY1, NOW)).isInstanceOf(DomainException.class);
    }

    @Test
    void aDecisionIsStampedAndAnnouncedWithoutConcentrationBelowTheThreshold() {
        Opinion opinion = opinion("o-1");
        Instant decidedAt = NOW.plusSeconds(3600);
        assertThatThrownBy(() -> opinion.decide(SAFETY1, null, null, 1, THRESHOLD, decidedAt))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("decision-required"));
        opinion.decide(SAFETY1, AdoptionDecision.PARTLY_ADOPTED, "  ", 4, THRESHOLD, decidedAt);
        assertThat(opinion.decidedAt()).isEqualTo(decidedAt);
        assertThat(opinion.reason()).isNull();
        assertThat(opinion.changes().announced()).singleElement().isInstanceOfSatisfying(OpinionDecided.class, e -> {
            assertThat(e.concentrated()).isFalse();
            assertThat(e.decision()).isEqualTo("PARTLY_ADOPTED");
        });
    }

    @Test
    void anOpinionReadBackWithoutChangesHasAnEmptyTrail() {
        Opinion stored = new Opinion("o-9", "c-1", "safety-coordination", "WS-03", "概述", null, null, null, null, null, 2L);
        assertThat(stored.audit()).isEmpty();
        assertThat(stored.isActive()).isTrue();
    }

    @Test
    void aHiddenCommentsReceiptShowsTheModerationAndNoOpinion() {
        Consultation consultation = Consultation.draft("c-1", new Consultation.Draft("办法", "草案", "依据", "说明", "WS-03",
                List.of(Channel.WEBSITE), LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 31), null, true), SAFETY1, NOW);
        consultation.open(SAFETY1, LocalDate.of(2026, 3, 2), NOW);
        Comment comment = Comment.receivedOnline("k-1", consultation, new Comment.Submission("广告", null, null), null, "fp", NOW);
        Opinion opinion = Opinion.confirm("o-1", consultation, "广告", 1, SAFETY1, NOW);
        comment.assignTo("o-1", SAFETY1, NOW);
        comment.moderate(SAFETY1, true, "广告信息", NOW);

        ReceiptAnswer answer = ReceiptAnswer.of(comment, consultation, opinion);
        assertThat(answer.status()).isEqualTo(ReceiptAnswer.CommentStatus.HIDDEN);
        assertThat(answer.statusLabel()).isEqualTo("已隐藏");
        assertThat(answer.moderationReason()).isEqualTo("广告信息");
        assertThat(answer.opinion()).isNull();
        assertThat(answer.channelLabel()).isEqualTo("政府网站");
        assertThat(answer.consultationStatusLabel()).isEqualTo("征求意见中");
        assertThat(ReceiptAnswer.CommentStatus.ANSWERED.label()).isEqualTo("已反馈");
    }

    @Test
    void theUndecidedOpinionsAreNamedInTheRefusal() {
        List<AdoptionFeedback.Tally> tallies = List.of(new AdoptionFeedback.Tally(opinion("o-1"), 2),
                new AdoptionFeedback.Tally(opinion("o-2"), 1));
        assertThatThrownBy(() -> AdoptionFeedback.compile(tallies, 3, THRESHOLD, "无修改。", NOW))
                .isInstanceOfSatisfying(DomainException.class, e ->
                        assertThat(e.getMessage()).isEqualTo("公布采纳情况前须对每条意见作出采纳决定；尚未决定的意见：o-1、o-2。"));
    }
}
