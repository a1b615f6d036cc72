package org.gongkai.reporting.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.gongkai.support.domain.DomainException;
import org.junit.jupiter.api.Test;

/** Reporting periods: half-years and years, their bounds, the ones before them, and when their report is due (O3). */
class PeriodTest {

    @Test
    void aPeriodIsAYearOrOneOfItsHalves() {
        assertThat(Period.parse("2026")).isEqualTo(new Period(2026, null));
        assertThat(Period.parse("2026-H1")).isEqualTo(new Period(2026, 1));
        assertThat(Period.parse("2026-H2")).isEqualTo(new Period(2026, 2));
        assertThat(Period.parse("2026-H2")).hasToString("2026-H2");
        assertThat(Period.parse("2026")).hasToString("2026");
        for (String wrong : new String[] {"2026-H3", "26", "2026-h1", "", null}) {
            assertThatThrownBy(() -> Period.parse(wrong)).isInstanceOfSatisfying(DomainException.class, e -> {
                assertThat(e.type()).isEqualTo("invalid-period");
                assertThat(e.getMessage()).isEqualTo("期间“" + wrong + "”格式不正确，应形如 2026、2026-H1 或 2026-H2。");
            });
        }
    }

    @Test
    void theHalfOfADateEndsWithJune() {
        assertThat(Period.halfOf(LocalDate.of(2026, 6, 30))).isEqualTo(new Period(2026, 1));
        assertThat(Period.halfOf(LocalDate.of(2026, 7, 1))).isEqualTo(new Period(2026, 2));
    }

    @Test
    void eachPeriodHasItsFirstAndLastDayAndContainsTheDaysBetween() {
        Period first = new Period(2026, 1);
        Period second = new Period(2026, 2);
        Period year = new Period(2026, null);

        assertThat(first.start()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(first.end()).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(second.start()).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(second.end()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(year.start()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(year.end()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(first.contains(LocalDate.of(2026, 1, 1))).isTrue();
        assertThat(first.contains(LocalDate.of(2026, 6, 30))).isTrue();
        assertThat(first.contains(LocalDate.of(2026, 7, 1))).isFalse();
        assertThat(first.contains(LocalDate.of(2025, 12, 31))).isFalse();
        assertThat(first.contains(null)).isFalse();
    }

    @Test
    void thePeriodsBeforeStepByHalvesOrByYearsOldestFirst() {
        assertThat(new Period(2026, 1).previous(3)).containsExactly(new Period(2025, 1), new Period(2025, 2), new Period(2026, 1));
        assertThat(new Period(2026, 2).previous(2)).containsExactly(new Period(2026, 1), new Period(2026, 2));
        assertThat(new Period(2026, null).previous(2)).containsExactly(new Period(2025, null), new Period(2026, null));
        assertThat(new Period(2026, null).previous(0)).isEmpty();
    }

    @Test
    void theFirstHalfIsReportedBy10JulyAndTheYearBy10JanuaryNext() {
        assertThat(new Period(2026, 1).reportDueOn()).isEqualTo(LocalDate.of(2026, 7, 10));
        assertThat(new Period(2026, 2).reportDueOn()).isEqualTo(LocalDate.of(2027, 1, 10));
        assertThat(new Period(2026, null).reportDueOn()).isEqualTo(LocalDate.of(2027, 1, 10));
        assertThat(new Period(2026, 1).isHalfYearReportingPeriod()).isTrue();
        assertThat(new Period(2026, null).isHalfYearReportingPeriod()).isTrue();
        assertThat(new Period(2026, 2).isHalfYearReportingPeriod()).isFalse();
    }
}
