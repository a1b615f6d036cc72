package org.gongkai.reporting.annualreport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gongkai.testsupport.Actors.LEADER;
import static org.gongkai.testsupport.Actors.OFFICE;
import static org.gongkai.testsupport.Actors.SAFETY1;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.gongkai.support.domain.AuditEntry;
import org.gongkai.support.domain.DomainException;
import org.junit.jupiter.api.Test;

/** The annual report's own rules: who does what, in which state, and what an approval or a publication fixes. */
class AnnualReportTest {

    static final LocalDate TODAY = LocalDate.of(2026, 1, 10);
    static final Instant NOW = Instant.parse("2026-01-10T02:00:00Z");
    static final AnnualReportFigures FIGURES = new AnnualReportFigures(RegulatoryDocuments.of(2025, List.of()),
            ApplicationMatrix.of(2025, List.of()), 0, NOW);

    static AnnualReportContent complete(long licensing) {
        AnnualReportContent.CaseCounts none = new AnnualReportContent.CaseCounts(0, 0, 0, 0);
        return new AnnualReportContent("总体情况", new AnnualReportContent.SourcedCount(licensing, "审批系统"),
                new AnnualReportContent.SourcedCount(3L, "执法平台"), new AnnualReportContent.SourcedCount(1L, "执法平台"),
                new AnnualReportContent.SourcedAmount(0L, "非税系统"), none, none, none, "问题与改进", null);
    }

    static String type(Throwable e) {
        return ((DomainException) e).type();
    }

    @Test
    void onlyTheOfficeDraftsAndEditsAndOnlyLeadershipApprovesACompleteReport() {
        assertThatThrownBy(() -> AnnualReport.start(2025, SAFETY1, TODAY, NOW)).extracting(AnnualReportTest::type)
                .isEqualTo("annual-report-office-only");
        assertThatThrownBy(() -> AnnualReport.start(2020, OFFICE, TODAY, NOW)).extracting(AnnualReportTest::type)
                .isEqualTo("not-a-report-year");
        assertThatThrownBy(() -> AnnualReport.start(2027, OFFICE, TODAY, NOW)).extracting(AnnualReportTest::type)
                .isEqualTo("not-a-report-year");
        AnnualReport report = AnnualReport.start(2025, OFFICE, TODAY, NOW);
        assertThat(report.dueOn()).isEqualTo(LocalDate.of(2026, 1, 31));
        assertThatThrownBy(() -> report.edit(complete(1), LEADER, NOW)).extracting(AnnualReportTest::type).isEqualTo("annual-report-office-only");
        assertThatThrownBy(() -> report.approve(FIGURES, LEADER, NOW)).extracting(AnnualReportTest::type).isEqualTo("annual-report-incomplete");
        AnnualReportContent unsourced = new AnnualReportContent("总体情况", new AnnualReportContent.SourcedCount(5L, " "), null, null, null,
                null, null, null, null, null);
        assertThatThrownBy(() -> report.edit(unsourced, OFFICE, NOW)).extracting(AnnualReportTest::type).isEqualTo("source-required");
        report.edit(complete(5), OFFICE, NOW);
        assertThatThrownBy(() -> report.approve(FIGURES, OFFICE, NOW)).extracting(AnnualReportTest::type)
                .isEqualTo("approval-requires-leadership");
        assertThatThrownBy(() -> report.publish(OFFICE, NOW)).extracting(AnnualReportTest::type).isEqualTo("annual-report-not-approved");
        report.approve(FIGURES, LEADER, NOW);
        assertThat(report.latest().status()).isEqualTo(AnnualReport.Status.APPROVED);
        assertThat(report.latest().figures()).isEqualTo(FIGURES);
        assertThatThrownBy(() -> report.approve(FIGURES, LEADER, NOW)).extracting(AnnualReportTest::type)
                .isEqualTo("annual-report-already-approved");
    }

    @Test
    void editingAnApprovedReportWithdrawsTheApprovalAndEveryEditIsAudited() {
        AnnualReport report = AnnualReport.start(2025, OFFICE, TODAY, NOW);
        report.edit(complete(5), OFFICE, NOW);
        report.edit(complete(5), OFFICE, NOW); // nothing changed, nothing recorded
        report.approve(FIGURES, LEADER, NOW);
        report.edit(complete(6), OFFICE, NOW);
        assertThat(report.latest().status()).isEqualTo(AnnualReport.Status.DRAFT);
        assertThat(report.latest().figures()).isNull();
        assertThat(report.audit()).extracting(AuditEntry::action)
                .containsExactly("started", "edited", "approved", "approval-withdrawn-by-edit", "edited");
        assertThat(report.audit().get(4).reason()).isEqualTo("第 1 版修改：二、行政许可");
        assertThat(report.audit().get(4).username()).isEqualTo("office");
        assertThatThrownBy(() -> report.publish(OFFICE, NOW)).extracting(AnnualReportTest::type).isEqualTo("annual-report-not-approved");
    }

    @Test
    void aPublishedReportIsFrozenAndACorrectionIsANewRevisionWithANote() {
        AnnualReport report = AnnualReport.start(2025, OFFICE, TODAY, NOW);
        assertThatThrownBy(() -> report.startCorrection("更正", OFFICE, NOW)).extracting(AnnualReportTest::type)
                .isEqualTo("annual-report-not-published");
        report.edit(complete(5), OFFICE, NOW);
        report.approve(FIGURES, LEADER, NOW);
        assertThat(report.isOverdueOn(LocalDate.of(2026, 2, 1))).isTrue();
        report.publish(OFFICE, NOW);
        assertThat(report.isOverdueOn(LocalDate.of(2026, 2, 1))).isFalse();
        assertThatThrownBy(() -> report.edit(complete(6), OFFICE, NOW)).extracting(AnnualReportTest::type).isEqualTo("annual-report-published");
        assertThatThrownBy(() -> report.publish(OFFICE, NOW)).extracting(AnnualReportTest::type).isEqualTo("annual-report-published");
        assertThatThrownBy(() -> report.startCorrection(" ", OFFICE, NOW)).extracting(AnnualReportTest::type)
                .isEqualTo("correction-note-required");
        report.startCorrection("更正行政许可数量", OFFICE, NOW);
        report.edit(complete(6), OFFICE, NOW);
        assertThat(report.latest().number()).isEqualTo(2);
        assertThat(report.latest().correctionNote()).isEqualTo("更正行政许可数量");
        assertThat(report.latestPublished().orElseThrow().number()).isEqualTo(1);
        assertThat(report.latestPublished().orElseThrow().content().licensing().count()).isEqualTo(5);
    }

    @Test
    void aReportCoversTheYearsFrom2021ToThisYearAndEachCorrectionIsAuditedWithItsNumber() {
        AnnualReport.requireReportableYear(AnnualReport.FIRST_YEAR, TODAY);
        AnnualReport.requireReportableYear(TODAY.getYear(), TODAY);
        assertThatThrownBy(() -> AnnualReport.requireReportableYear(2020, TODAY))
                .hasMessage("年度报告的年份须在 2021 年到今年（2026 年）之间，2020 年不行。");
        AnnualReport report = AnnualReport.start(2025, OFFICE, TODAY, NOW);
        assertThat(report.id()).isEqualTo(AnnualReport.idOf(2025)).isEqualTo("2025");
        assertThat(report.year()).isEqualTo(2025);
        report.edit(complete(5), OFFICE, NOW);
        report.approve(FIGURES, LEADER, NOW);
        assertThatThrownBy(() -> report.publish(LEADER, NOW)).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.type()).isEqualTo("annual-report-office-only");
            assertThat(e.getMessage()).isEqualTo("年度报告由政务公开办公室发布。");
        });
        report.publish(OFFICE, NOW);
        assertThatThrownBy(() -> report.approve(FIGURES, LEADER, NOW)).extracting(AnnualReportTest::type).isEqualTo("annual-report-published");
        assertThatThrownBy(() -> report.startCorrection("更正", LEADER, NOW)).extracting(AnnualReportTest::type)
                .isEqualTo("annual-report-office-only");
        report.startCorrection(" 更正行政许可数量 ", OFFICE, NOW);
        assertThat(report.revisions()).extracting(AnnualReport.Revision::number).containsExactly(1, 2);
        assertThat(report.revision(1).orElseThrow().status()).isEqualTo(AnnualReport.Status.PUBLISHED);
        assertThat(report.revision(3)).isEmpty();
        assertThat(report.latest().status().label()).isEqualTo("草稿");
        assertThat(report.revision(1).orElseThrow().status().label()).isEqualTo("已发布");
        assertThat(report.audit()).extracting(AuditEntry::action)
                .containsExactly("started", "edited", "approved", "published", "correction-started");
        assertThat(report.audit().get(4).reason()).isEqualTo("第 2 版：更正行政许可数量");
    }

    @Test
    void anApplicationCountsOnceInEachPartOfTheBalance() {
        List<ApplicationFacts> facts = List.of(
                new ApplicationFacts("a", "NATURAL_PERSON", LocalDate.of(2024, 12, 30), null, null, null, null, null, null),
                new ApplicationFacts("b", "NATURAL_PERSON", LocalDate.of(2025, 12, 31), LocalDate.of(2025, 12, 31), "NOT_HANDLED",
                        "REPEATED", LocalDate.of(2025, 12, 20), "OTHER", "OTHER"),
                new ApplicationFacts("c", "NO_SUCH_TYPE", LocalDate.of(2025, 5, 1), null, null, null, null, null, null));
        ApplicationMatrix m = ApplicationMatrix.of(2025, facts);
        assertThat(m.row("CARRIED_IN").cells().get("NATURAL_PERSON")).isEqualTo(1);
        assertThat(m.row("CARRIED_OUT").cells().get("NATURAL_PERSON")).isEqualTo(1);
        // the reply on the merits counts, not the closure recorded beside it
        assertThat(m.row("NOT_HANDLED/REPEATED").cells().get("TOTAL")).isEqualTo(1);
        assertThat(m.row("OTHER/OTHER").cells().get("TOTAL")).isZero();
        assertThat(m.row("RECEIVED").cells().get("TOTAL")).isEqualTo(1);
    }
}
