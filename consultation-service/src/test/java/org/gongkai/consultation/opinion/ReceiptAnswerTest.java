package org.gongkai.consultation.opinion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongkai.testsupport.Actors.SAFETY1;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.gongkai.consultation.comment.Comment;
import org.gongkai.consultation.consultation.AdoptionDecision;
import org.gongkai.consultation.consultation.Channel;
import org.gongkai.consultation.consultation.Consultation;
import org.gongkai.consultation.consultation.FeedbackReport;
import org.junit.jupiter.api.Test;

/** A receipt tells the status, the opinion, and the decision with its reason only once the feedback is published. */
class ReceiptAnswerTest {

    static final LocalDate START = LocalDate.of(2026, 3, 2);
    static final Instant NOW = Instant.parse("2026-03-05T02:00:00Z");

    @Test
    void theDecisionIsToldOnlyWithThePublishedFeedback() {
        Consultation consultation = Consultation.draft("c-1", new Consultation.Draft("办法（征求意见稿）", "草案", "依据", "说明",
                "WS-03", List.of(Channel.WEBSITE), START, START.plusDays(29), null, false), SAFETY1, NOW);
        consultation.open(SAFETY1, START, NOW);
        Comment comment = Comment.receivedOnline("k-1", consultation, new Comment.Submission("建议延长期限", "张三", "13800138000"),
                null, "fp", NOW);

        ReceiptAnswer received = ReceiptAnswer.of(comment, consultation, null);
        assertThat(received.status()).isEqualTo(ReceiptAnswer.CommentStatus.RECEIVED);
        assertThat(received.opinion()).isNull();

        Opinion opinion = Opinion.confirm("o-1", consultation, "延长征求意见期限", 1, SAFETY1, NOW);
        comment.assignTo("o-1", SAFETY1, NOW);
        opinion.decide(SAFETY1, AdoptionDecision.NOT_ADOPTED, "期限已符合规定", 1, 5, NOW);
        ReceiptAnswer grouped = ReceiptAnswer.of(comment, consultation, opinion);
        assertThat(grouped.status()).isEqualTo(ReceiptAnswer.CommentStatus.GROUPED);
        assertThat(grouped.opinion().summary()).isEqualTo("延长征求意见期限");
        assertThat(grouped.opinion().decision()).isNull();
        assertThat(grouped.opinion().reason()).isNull();

        consultation.closeIfPeriodEnded(START.plusDays(30), NOW);
        consultation.publishFeedback(SAFETY1, new FeedbackReport("无修改", 1, 1, 0, 0, 1, 5, 0, 0, List.of(), NOW), NOW);
        ReceiptAnswer answered = ReceiptAnswer.of(comment, consultation, opinion);
        assertThat(answered.status()).isEqualTo(ReceiptAnswer.CommentStatus.ANSWERED);
        assertThat(answered.opinion().decision()).isEqualTo(AdoptionDecision.NOT_ADOPTED);
        assertThat(answered.opinion().reason()).isEqualTo("期限已符合规定");
        assertThat(answered.toString()).doesNotContain("张三", "13800138000", "建议延长期限");
    }
}
