package org.gongkai.reporting.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gongkai.testsupport.Actors.OFFICE;
import static org.gongkai.testsupport.Actors.RELIEF1;
import static org.gongkai.testsupport.Actors.SAFETY1;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.gongkai.reporting.facts.Period;
import org.gongkai.reporting.figures.SectionFigures;
import org.gongkai.support.domain.DomainException;
import org.junit.jupiter.api.Test;

/** O3: reports from 2021, due 10 July and 10 January; figures frozen on submission. */
class SectionReportTest {

    static final Instant NOW = Instant.parse("2026-07-11T02:00:00Z");

    static SectionFigures figures(long published) {
        return new SectionFigures("safety-coordination", "2026-H1", published, published, published, 0, 0, Map.of(), Map.of(), 0,
                1.0, 0, Map.of(), null, 0, 0, 0, 0, 0, null, 0, 0, 0, Map.of(), 0, 0, null, 0, 0, 0, null);
    }

    static SectionReport started(String period) {
        SectionReport report = SectionReport.start("safety-coordination", Period.parse(period), figures(1), SAFETY1, NOW);
        report.write(new Narrative("完成目录细化", "无", "继续"), SAFETY1, NOW);
        return report;
    }

    @Test
    void dueDatesFollowThePlan() {
        assertThat(Period.parse("2026-H1").reportDueOn()).isEqualTo(LocalDate.of(2026, 7, 10));
        assertThat(Period.parse("2026").reportDueOn()).isEqualTo(LocalDate.of(2027, 1, 10));
        assertThatThrownBy(() -> SectionReport.start("safety-coordination", Period.parse("2026-H2"), figures(0), SAFETY1, NOW))
                .extracting(e -> ((DomainException) e).type()).isEqualTo("not-a-reporting-period");
        assertThatThrownBy(() -> SectionReport.start("safety-coordination", Period.parse("2020-H1"), figures(0), SAFETY1, NOW))
                .extracting(e -> ((DomainException) e).type()).isEqualTo("not-a-reporting-period");
    }

    @Test
    void submittedOnTenthOfJulyIsOnTimeAndOnTheEleventhIsLate() {
        SectionReport onTime = started("2026-H1");
        onTime.submit(figures(2), LocalDate.of(2026, 7, 10), SAFETY1, NOW);
        assertThat(onTime.submittedLate()).isFalse();
        SectionReport late = started("2026-H1");
        late.submit(figures(2), LocalDate.of(2026, 7, 11), SAFETY1, NOW);
        assertThat(late.submittedLate()).isTrue();
    }

    @Test
    void figuresFreezeWhenSubmittedAndAReturnedReportCanBeResubmitted() {
        SectionReport report = started("2026");
        report.submit(figures(2), LocalDate.of(2027, 1, 5), SAFETY1, NOW);
        report.refresh(figures(9));
        assertThat(report.figures().documentsPublished()).isEqualTo(2);
        assertThatThrownBy(() -> report.write(new Narrative("x", null, null), SAFETY1, NOW))
                .extracting(e -> ((DomainException) e).type()).isEqualTo("report-already-submitted");
        assertThatThrownBy(() -> report.returnForRevision("", OFFICE, NOW))
                .extracting(e -> ((DomainException) e).type()).isEqualTo("reason-required");
        report.returnForRevision("请补充舆情回应情况", OFFICE, NOW);
        report.refresh(figures(3));
        assertThat(report.figures().documentsPublished()).isEqualTo(3);
        report.submit(figures(3), LocalDate.of(2027, 1, 9), SAFETY1, NOW);
        report.accept(OFFICE, NOW);
        assertThat(report.status()).isEqualTo(SectionReport.Status.ACCEPTED);
    }

    @Test
    void onlyTheSectionWritesItsReport() {
        SectionReport report = started("2026-H1");
        assertThatThrownBy(() -> report.write(new Narrative("x", null, null), RELIEF1, NOW))
                .extracting(e -> ((DomainException) e).type()).isEqualTo("not-your-section");
        assertThat(report.isVisibleTo(RELIEF1)).isFalse();
        assertThat(report.isVisibleTo(OFFICE)).isTrue();
    }
}
