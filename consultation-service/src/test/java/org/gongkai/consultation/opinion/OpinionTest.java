package org.gongkai.consultation.opinion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gongkai.testsupport.Actors.SAFETY1;

import org.gongkai.consultation.consultation.AdoptionDecision;
import org.gongkai.support.domain.DomainException;
import org.gongkai.support.events.OutboxEntry;
import org.junit.jupiter.api.Test;

/** An opinion's decision, its reason rule, its event and merging. */
class OpinionTest {

    @Test
    void anOpinionWithAtLeastTheThresholdOfCommentsIsConcentrated() {
        assertThat(Opinion.isConcentrated(4, 5)).isFalse();
        assertThat(Opinion.isConcentrated(5, 5)).isTrue();
    }

    @Test
    void notAdoptingAConcentratedOpinionNeedsAReasonAtOnce() {
        Opinion opinion = AdoptionFeedbackTest.opinion("o-1");
        assertThatThrownBy(() -> opinion.decide(SAFETY1, AdoptionDecision.NOT_ADOPTED, "  ", 5, 5, AdoptionFeedbackTest.NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("concentrated-opinion-reason-required"));
        assertThat(opinion.decision()).isNull();
        assertThat(org.gongkai.testsupport.Announced.entries(opinion)).isEmpty();

        opinion.decide(SAFETY1, AdoptionDecision.ADOPTED, null, 5, 5, AdoptionFeedbackTest.NOW);
        assertThat(opinion.decision()).isEqualTo(AdoptionDecision.ADOPTED);
        opinion.decide(SAFETY1, AdoptionDecision.NOT_ADOPTED, "与上位法冲突。", 5, 5, AdoptionFeedbackTest.NOW);
        assertThat(opinion.reason()).isEqualTo("与上位法冲突。");
        assertThat(org.gongkai.testsupport.Announced.entries(opinion)).extracting(OutboxEntry::type)
                .containsOnly("gongkai.consultation.opinion-decided.v1").hasSize(2);
        assertThat(org.gongkai.testsupport.Announced.entries(opinion).get(1).data()).contains("\"decision\":\"NOT_ADOPTED\"", "\"concentrated\":true",
                "\"commentCount\":5", "\"section\":\"safety-coordination\"");
        assertThat(opinion.audit()).extracting(a -> a.action())
                .containsExactly("confirmed", "decided-adopted", "decided-not_adopted");
    }

    @Test
    void aMergedOpinionPointsToItsTargetAndTakesNoMoreDecisions() {
        Opinion target = AdoptionFeedbackTest.opinion("o-1");
        Opinion other = AdoptionFeedbackTest.opinion("o-2");
        target.absorb(other, 3, SAFETY1, AdoptionFeedbackTest.NOW);
        assertThat(other.isActive()).isFalse();
        assertThat(other.mergedInto()).isEqualTo("o-1");
        assertThatThrownBy(() -> other.decide(SAFETY1, AdoptionDecision.ADOPTED, null, 3, 5, AdoptionFeedbackTest.NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("opinion-merged"));
        assertThatThrownBy(() -> target.absorb(target, 0, SAFETY1, AdoptionFeedbackTest.NOW)).isInstanceOf(DomainException.class);
    }
}
