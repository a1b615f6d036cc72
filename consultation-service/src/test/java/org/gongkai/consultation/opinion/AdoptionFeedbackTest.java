package org.gongkai.consultation.opinion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gongkai.testsupport.Actors.SAFETY1;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.gongkai.consultation.consultation.AdoptionDecision;
import org.gongkai.consultation.consultation.Channel;
import org.gongkai.consultation.consultation.Consultation;
import org.gongkai.consultation.consultation.FeedbackReport;
import org.gongkai.support.domain.DomainException;
import org.junit.jupiter.api.Test;

/** Q2: the adoption of opinions is published; concentrated opinions not adopted are published with the reason. */
class AdoptionFeedbackTest {

    static final Instant NOW = Instant.parse("2026-04-20T02:00:00Z");
    static final int THRESHOLD = 5;
    static final Consultation CONSULTATION = Consultation.draft("c-1", new Consultation.Draft("办法（征求意见稿）", "草案",
            "依据", "说明", "WS-03", List.of(Channel.WEBSITE), LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 31), null, true),
            SAFETY1, NOW);

    static Opinion opinion(String id) {
        return Opinion.confirm(id, CONSULTATION, "意见 " + id, 1, SAFETY1, NOW);
    }

    static Opinion decided(String id, AdoptionDecision decision, String reason, int comments) {
        Opinion opinion = opinion(id);
        opinion.decide(SAFETY1, decision, reason, comments, THRESHOLD, NOW);
        return opinion;
    }

    @Test
    void publicationIsRefusedWhileAConcentratedOpinionLacksItsReason() {
        Opinion concentrated = opinion("o-1");
        concentrated.decide(SAFETY1, AdoptionDecision.NOT_ADOPTED, null, 2, THRESHOLD, NOW); // not concentrated yet
        List<AdoptionFeedback.Tally> tallies = List.of(new AdoptionFeedback.Tally(concentrated, 6),
                new AdoptionFeedback.Tally(decided("o-2", AdoptionDecision.ADOPTED, null, 1), 1));

        assertThatThrownBy(() -> AdoptionFeedback.compile(tallies, 7, THRESHOLD, "第五条奖励标准提高。", NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.type()).isEqualTo("concentrated-opinion-reason-required");
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT);
                    assertThat(e.getMessage()).contains("o-1").doesNotContain("o-2");
                });
    }

    @Test
    void partlyAdoptingAConcentratedOpinionAlsoNeedsAReason() {
        Opinion opinion = opinion("o-1");
        opinion.decide(SAFETY1, AdoptionDecision.PARTLY_ADOPTED, "", 1, THRESHOLD, NOW);
        assertThatThrownBy(() -> AdoptionFeedback.compile(List.of(new AdoptionFeedback.Tally(opinion, THRESHOLD)), THRESHOLD,
                THRESHOLD, "部分修改。", NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("concentrated-opinion-reason-required"));
    }

    @Test
    void publicationIsRefusedWhileAnOpinionIsUndecided() {
        List<AdoptionFeedback.Tally> tallies = List.of(new AdoptionFeedback.Tally(opinion("o-1"), 7));
        assertThatThrownBy(() -> AdoptionFeedback.compile(tallies, 7, THRESHOLD, "无修改。", NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("opinion-undecided"));
    }

    @Test
    void whatChangedInTheFinalDecisionMustBeSaid() {
        assertThatThrownBy(() -> AdoptionFeedback.compile(List.of(), 0, THRESHOLD, " ", NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("final-decision-changes-required"));
    }

    @Test
    void theReportCountsDecisionsAndListsEveryConcentratedOpinionWithItsReason() {
        List<AdoptionFeedback.Tally> tallies = List.of(
                new AdoptionFeedback.Tally(decided("o-1", AdoptionDecision.NOT_ADOPTED, "奖励标准由上位法规定。", 8), 8),
                new AdoptionFeedback.Tally(decided("o-2", AdoptionDecision.ADOPTED, null, 5), 5),
                new AdoptionFeedback.Tally(decided("o-3", AdoptionDecision.PARTLY_ADOPTED, "部分条款已修改。", 6), 6),
                new AdoptionFeedback.Tally(decided("o-4", AdoptionDecision.NOT_ADOPTED, null, 2), 2),
                new AdoptionFeedback.Tally(decided("o-5", AdoptionDecision.ADOPTED, null, 1), 1),
                new AdoptionFeedback.Tally(opinion("emptied"), 0));

        FeedbackReport report = AdoptionFeedback.compile(tallies, 25, THRESHOLD, "第五条奖励标准由5%提高到10%。", NOW);

        assertThat(report.commentCount()).isEqualTo(25);
        assertThat(report.opinionCount()).as("an opinion left without comments is not reported").isEqualTo(5);
        assertThat(report.adoptedCount()).isEqualTo(2);
        assertThat(report.partlyAdoptedCount()).isEqualTo(1);
        assertThat(report.notAdoptedCount()).isEqualTo(2);
        assertThat(report.concentratedCount()).isEqualTo(3);
        assertThat(report.concentratedNotAdoptedCount()).as("not adopted and partly adopted both count").isEqualTo(2);
        assertThat(report.concentratedOpinions()).extracting(FeedbackReport.ReportedOpinion::opinionId)
                .containsExactly("o-1", "o-3", "o-2");
        assertThat(report.concentratedOpinions().get(0).reason()).isEqualTo("奖励标准由上位法规定。");
        assertThat(report.finalDecisionChanges()).isEqualTo("第五条奖励标准由5%提高到10%。");
    }
}
