package org.gongkai.reporting.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gongkai.testsupport.Actors.OFFICE;
import static org.gongkai.testsupport.Actors.RELIEF1;
import static org.gongkai.testsupport.Actors.SAFETY1;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.gongkai.contracts.reporting.ReportSubmitted;
import org.gongkai.reporting.facts.Period;
import org.gongkai.reporting.figures.SectionFigures;
import org.gongkai.support.domain.AuditEntry;
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

    @Test
    void eachStepIsAuditedTheSubmissionAnnouncedAndOnlyTheOfficeAcceptsOrReturnsASubmittedReport() {
        SectionReport report = SectionReport.start("safety-coordination", Period.parse("2021-H1"), figures(1), SAFETY1, NOW);
        assertThat(report.id()).isEqualTo(SectionReport.idOf("safety-coordination", Period.parse("2021-H1")))
                .isEqualTo("safety-coordination:2021-H1");
        assertThat(report.section()).isEqualTo("safety-coordination");
        assertThat(report.period()).isEqualTo("2021-H1");
        assertThat(report.dueOn()).isEqualTo(LocalDate.of(2021, 7, 10));
        assertThat(report.status()).isEqualTo(SectionReport.Status.DRAFT);
        assertThat(report.status().label()).isEqualTo("草稿");
        assertThat(report.isSubmitted()).isFalse();
        assertThatThrownBy(() -> SectionReport.start("safety-coordination", Period.parse("2026"), figures(0), RELIEF1, NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.type()).isEqualTo("not-your-section");
                    assertThat(e.getMessage()).isEqualTo("只有股室“safety-coordination”的工作人员可以编写该股室的工作报告。");
                });
        assertThatThrownBy(() -> report.accept(OFFICE, NOW))
                .extracting(e -> ((DomainException) e).type()).isEqualTo("report-not-submitted");
        assertThatThrownBy(() -> report.submit(figures(1), LocalDate.of(2021, 7, 1), SAFETY1, NOW))
                .extracting(e -> ((DomainException) e).type()).isEqualTo("narrative-required");
        assertThatThrownBy(() -> report.submit(figures(1), LocalDate.of(2021, 7, 1), RELIEF1, NOW))
                .extracting(e -> ((DomainException) e).type()).isEqualTo("not-your-section");

        report.write(new Narrative("完成目录细化", null, null), SAFETY1, NOW);
        assertThat(report.narrative().workDone()).isEqualTo("完成目录细化");
        report.submit(figures(4), LocalDate.of(2021, 7, 1), SAFETY1, NOW);
        assertThat(report.isSubmitted()).isTrue();
        assertThat(report.submittedAt()).isEqualTo(NOW);
        assertThat(report.changes().announced()).containsExactly(
                new ReportSubmitted("safety-coordination", "2021-H1", LocalDate.of(2021, 7, 10), LocalDate.of(2021, 7, 1), false, NOW));
        assertThatThrownBy(() -> report.submit(figures(4), LocalDate.of(2021, 7, 1), SAFETY1, NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.type()).isEqualTo("report-already-submitted");
                    assertThat(e.getMessage()).isEqualTo("工作报告当前状态为“已报送”，数据已固定，不能再修改。");
                });
        assertThatThrownBy(() -> report.accept(SAFETY1, NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.type()).isEqualTo("office-only");
                    assertThat(e.getMessage()).isEqualTo("工作报告由政务公开办公室审核通过或退回。");
                });
        assertThatThrownBy(() -> report.returnForRevision("请补充", SAFETY1, NOW))
                .extracting(e -> ((DomainException) e).type()).isEqualTo("office-only");

        report.returnForRevision("请补充舆情回应情况", OFFICE, NOW);
        assertThat(report.returnReason()).isEqualTo("请补充舆情回应情况");
        assertThat(report.isSubmitted()).isFalse();
        assertThatThrownBy(() -> report.returnForRevision("再次退回", OFFICE, NOW))
                .extracting(e -> ((DomainException) e).type()).isEqualTo("report-not-submitted");
        report.submit(figures(4), LocalDate.of(2021, 7, 20), SAFETY1, NOW);
        assertThat(report.submittedLate()).as("lateness is that of the first submission").isFalse();
        report.accept(OFFICE, NOW);
        assertThat(report.acceptedBy()).isEqualTo(OFFICE.username());
        assertThat(report.isSubmitted()).isTrue();
        assertThatThrownBy(() -> report.accept(OFFICE, NOW))
                .extracting(e -> ((DomainException) e).type()).isEqualTo("report-not-submitted");

        assertThat(report.audit()).extracting(AuditEntry::action).containsExactly("started", "narrative-written",
                "submitted-on-time", "returned", "submitted-on-time", "accepted");
        assertThat(report.audit()).extracting(AuditEntry::reason)
                .containsExactly(null, null, "due 2021-07-10", "请补充舆情回应情况", "due 2021-07-10", null);
    }

    @Test
    void aLateSubmissionIsAuditedAsLate() {
        SectionReport report = started("2026-H1");
        report.submit(figures(2), LocalDate.of(2026, 7, 11), SAFETY1, NOW);
        assertThat(report.audit()).extracting(AuditEntry::action).endsWith("submitted-late");
        assertThat(report.changes().announced()).extracting(e -> ((ReportSubmitted) e).late()).containsExactly(true);
    }
}
