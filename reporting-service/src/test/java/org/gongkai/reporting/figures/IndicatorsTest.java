package org.gongkai.reporting.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.gongkai.reporting.figures.Indicators.Indicator;
import org.junit.jupiter.api.Test;

/** O2: each indicator against its target, and the weighted evaluation score over those with a value. */
class IndicatorsTest {

    private static SectionFigures figures(Double onTime, Double nonText, Double within48, Double coverage, Double adoption) {
        return new SectionFigures("s", "2026", 0, 0, 0, 0, 0, Map.of(), Map.of(), 0, onTime, 0, Map.of(), nonText, 0, 0, 0, 0, 0,
                within48, 0, 0, 0, Map.of(), 0, 0, adoption, 0, 0, 0, coverage);
    }

    @Test
    void theNonTextTargetRoseFrom70To90PercentIn2021() {
        assertThat(Indicators.nonTextTarget(2020)).isEqualTo(0.7);
        assertThat(Indicators.nonTextTarget(2021)).isEqualTo(0.9);
    }

    @Test
    void eachIndicatorIsMetWhenItReachesItsTargetAndUnknownWithoutValueOrTarget() {
        List<Indicator> indicators = Indicators.of(figures(1.0, 0.89, 0.5, null, 0.3), 2026);

        assertThat(indicators).containsExactly(
                new Indicator("onTimePublication", 1.0, 1.0, true),
                new Indicator("nonTextInterpretationShare", 0.89, 0.9, false),
                new Indicator("responseWithin48Hours", 0.5, 1.0, false),
                new Indicator("catalogueCoverage", null, 1.0, null),
                new Indicator("adoptionRate", 0.3, null, null));
        assertThat(indicators.get(0).nameLabel()).isEqualTo(CodeLabels.of("onTimePublication")).isNotEqualTo("onTimePublication");
        assertThat(Indicators.of(figures(1.0, 0.7, 1.0, 1.0, null), 2020).get(1).met()).isTrue();
    }

    @Test
    void theScoreWeighsEachIndicatorCappedAtItsTarget() {
        List<Indicator> indicators = List.of(
                new Indicator("a", 0.5, 1.0, false),
                new Indicator("b", 2.0, 1.0, true), // above target counts as 1, not 2
                new Indicator("c", null, 1.0, null), // no value: left out
                new Indicator("d", 0.5, null, null), // no target: left out
                new Indicator("e", 0.5, 0.0, null), // a zero target cannot be measured against
                new Indicator("f", 0.1, 1.0, false)); // no weight: left out

        // (3 × 0.5 + 1 × 1) / 4 = 62.5
        assertThat(Indicators.score(indicators, Map.of("a", 3.0, "b", 1.0, "c", 5.0, "d", 5.0, "e", 5.0, "f", 0.0)))
                .isEqualTo(62.5);
        assertThat(Indicators.score(List.of(new Indicator("a", 2.0 / 3, 1.0, false)), Map.of("a", 1.0))).isEqualTo(66.7);
        assertThat(Indicators.score(indicators, Map.of())).isNull();
        assertThat(Indicators.score(indicators, Map.of("a", -1.0))).isNull();
    }
}
