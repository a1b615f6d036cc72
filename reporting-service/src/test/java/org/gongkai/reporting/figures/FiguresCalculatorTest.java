package org.gongkai.reporting.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.gongkai.reporting.facts.CatalogueVersionFacts;
import org.gongkai.reporting.facts.CommentFacts;
import org.gongkai.reporting.facts.ConcernFacts;
import org.gongkai.reporting.facts.ConsultationFacts;
import org.gongkai.reporting.facts.DocumentFacts;
import org.gongkai.reporting.facts.OpinionFacts;
import org.gongkai.reporting.facts.Period;
import org.junit.jupiter.api.Test;

/**
 * O2: the figures of a period from a small hand-counted set of facts, at the period's boundaries (the first and last
 * day, midnight in Beijing); the history-replay tests compare the calculator with the pre-aggregated counters, this
 * one states the counts themselves.
 */
class FiguresCalculatorTest {

    static final Period FIRST_HALF_2026 = Period.parse("2026-H1");
    static final LocalDate AFTER_THE_PERIOD = LocalDate.of(2026, 8, 1);
    static final String SAFETY = "safety-coordination";
    static final String RELIEF = "relief";

    static final FiguresCalculator.Facts FACTS = new FiguresCalculator.Facts(
            List.of(
                    // issued, published on time, interpreted in two forms, attribute changed in the annual review
                    document("d1", SAFETY, "I1", "PROACTIVE", null, day(2, 1), null, day(2, 10), true,
                            List.of("TEXT", "VIDEO"), true, day(3, 1), day(4, 1)),
                    // published late on the period's last day, interpreted in text only that day
                    document("d2", SAFETY, "I9", "ON_REQUEST", null, day(3, 1), null, day(6, 30), false,
                            List.of("TEXT"), false, day(6, 30), null),
                    // issued the year before, due in the period, never published: overdue
                    document("d3", SAFETY, "I1", "PROACTIVE", null, LocalDate.of(2025, 12, 31), day(6, 20), null, null,
                            List.of(), null, null, day(7, 1)),
                    // due after the period: not overdue yet
                    document("d4", SAFETY, null, "NOT_DISCLOSED", "STATE_SECRET", day(6, 1), day(7, 5), null, null,
                            List.of(), null, null, null),
                    // due in the period, published only after it: overdue at its end
                    document("d5", SAFETY, "I2", "PROACTIVE", null, day(6, 15), day(6, 25), day(7, 1), false,
                            List.of(), null, null, null),
                    // due on the period's last day: not yet overdue on that day
                    document("d6", SAFETY, null, null, null, day(6, 10), day(6, 30), null, null, List.of(), null, null, null),
                    document("d7", RELIEF, "I2", "PROACTIVE", null, day(1, 10), null, day(1, 20), true,
                            List.of(), null, null, null)),
            List.of(
                    concern("c1", SAFETY, at(3, 1, 10), at(3, 3, 10), at(3, 2, 9), true, false),
                    // half past midnight on 1 January in Beijing, still 31 December in UTC
                    concern("c2", RELIEF, LocalDateTime.of(2026, 1, 1, 0, 30), at(1, 3, 0), at(1, 5, 0), false, true),
                    concern("c3", SAFETY, at(6, 29, 10), at(6, 30, 20), null, null, false),
                    concern("c4", SAFETY, at(6, 30, 10), at(7, 1, 10), null, null, false),
                    concern("c5", SAFETY, LocalDateTime.of(2025, 12, 31, 23, 0), at(1, 2, 23), null, null, true)),
            List.of(
                    new ConsultationFacts("k1", SAFETY, "I1", china(at(2, 1, 9)), china(at(3, 1, 9)), china(at(7, 2, 9)), 0),
                    new ConsultationFacts("k2", null, "I2", china(LocalDateTime.of(2025, 12, 1, 9, 0)), china(at(1, 5, 9)),
                            china(at(2, 1, 9)), 1),
                    // opened and closed the year before
                    new ConsultationFacts("k3", null, "I3", china(LocalDateTime.of(2025, 11, 1, 9, 0)),
                            china(LocalDateTime.of(2025, 12, 20, 9, 0)), null, null)),
            List.of(
                    new CommentFacts("m1", "k1", SAFETY, "ONLINE", china(at(2, 2, 9))),
                    new CommentFacts("m2", "k1", SAFETY, "LETTER", china(at(2, 3, 9))),
                    new CommentFacts("m3", "k2", RELIEF, "ONLINE", china(at(1, 1, 0))),
                    new CommentFacts("m4", "k2", RELIEF, "ONLINE", china(LocalDateTime.of(2025, 12, 31, 23, 59)))),
            List.of(
                    new OpinionFacts("o1", "k1", SAFETY, "ADOPTED", true, 3, china(at(3, 2, 9))),
                    new OpinionFacts("o2", "k1", SAFETY, "PARTLY_ADOPTED", true, 2, china(at(3, 2, 9))),
                    new OpinionFacts("o3", "k1", SAFETY, "NOT_ADOPTED", true, 4, china(at(3, 2, 9))),
                    new OpinionFacts("o4", "k2", RELIEF, "NOT_ADOPTED", false, 1, china(at(2, 1, 9))),
                    new OpinionFacts("o5", "k2", RELIEF, "ADOPTED", false, 1, china(at(7, 1, 0)))),
            List.of(
                    new CatalogueVersionFacts("C-1", "C", 1, LocalDate.of(2025, 1, 1), china(LocalDateTime.of(2025, 1, 1, 9, 0)),
                            List.of("I1", "I2", "I3")),
                    // in force from the period's last day: the current version at its end
                    new CatalogueVersionFacts("C-2", "C", 2, day(6, 30), china(at(6, 20, 9)), List.of("I1", "I2", "I3", "I4")),
                    // published in the period but in force only after it
                    new CatalogueVersionFacts("C-3", "C", 3, day(7, 1), china(at(6, 25, 9)), List.of("I1")),
                    new CatalogueVersionFacts("D-1", "D", 1, null, china(at(1, 5, 9)), List.of("I5"))));

    @Test
    void aClosedPeriodCountsWhatHappenedBetweenItsFirstAndLastDayInBeijing() {
        SectionFigures figures = FiguresCalculator.figures(null, FIRST_HALF_2026, FACTS, AFTER_THE_PERIOD);

        assertThat(figures.section()).isNull();
        assertThat(figures.period()).isEqualTo("2026-H1");
        assertThat(figures.documentsIssued()).isEqualTo(6);
        assertThat(figures.documentsPublished()).isEqualTo(3);
        assertThat(figures.publishedOnTime()).isEqualTo(2);
        assertThat(figures.publishedLate()).isEqualTo(1);
        assertThat(figures.stillOverdue()).as("d3 and d5; d4 is due after the period, d6 on its last day").isEqualTo(2);
        assertThat(figures.issuedByAttribute()).containsExactly(Map.entry("NOT_DISCLOSED", 1L), Map.entry("ON_REQUEST", 1L),
                Map.entry("PROACTIVE", 3L));
        assertThat(figures.issuedByLegalBasis()).containsExactly(Map.entry("STATE_SECRET", 1L));
        assertThat(figures.attributesChangedInReview()).isEqualTo(1);
        assertThat(figures.onTimePublicationRate()).isEqualTo(0.6667);

        assertThat(figures.interpretationsPublished()).isEqualTo(2);
        assertThat(figures.interpretationsByForm()).containsExactly(Map.entry("TEXT", 2L), Map.entry("VIDEO", 1L));
        assertThat(figures.nonTextInterpretationShare()).isEqualTo(0.5);

        assertThat(figures.concernsReceived()).isEqualTo(4);
        assertThat(figures.concernsAnsweredWithin48Hours()).isEqualTo(1);
        assertThat(figures.concernsAnsweredLate()).isEqualTo(1);
        assertThat(figures.concernsUnansweredOverdue()).as("c3; c4 is due after the period").isEqualTo(1);
        assertThat(figures.concernsEscalated()).isEqualTo(1);
        assertThat(figures.responseWithin48HoursRate()).isEqualTo(0.3333);

        assertThat(figures.consultationsOpened()).isEqualTo(1);
        assertThat(figures.consultationsClosed()).isEqualTo(2);
        assertThat(figures.commentsReceived()).isEqualTo(3);
        assertThat(figures.opinionsByDecision()).containsExactly(Map.entry("ADOPTED", 1L), Map.entry("NOT_ADOPTED", 2L),
                Map.entry("PARTLY_ADOPTED", 1L));
        assertThat(figures.concentratedOpinionsNotAdopted()).as("partly adopted counts as not adopted").isEqualTo(2);
        assertThat(figures.feedbackReportsPublished()).isEqualTo(1);
        assertThat(figures.adoptionRate()).as("partly adopted counts as adopted").isEqualTo(0.5);

        assertThat(figures.catalogueVersionsPublished()).isEqualTo(3);
        assertThat(figures.catalogueItems()).as("C version 2 (I1-I4) and D version 1 (I5)").isEqualTo(5);
        assertThat(figures.catalogueItemsCovered()).as("I1 and I2; I9 is not in the catalogue").isEqualTo(2);
        assertThat(figures.catalogueCoverage()).isEqualTo(0.4);
    }

    @Test
    void aRunningPeriodCountsOverdueDocumentsAndConcernsAsOfToday() {
        SectionFigures figures = FiguresCalculator.figures(null, FIRST_HALF_2026, FACTS, day(6, 25));

        assertThat(figures.stillOverdue()).as("d3 (due 20 June); d5 is due today").isEqualTo(1);
        assertThat(figures.concernsUnansweredOverdue()).as("c3 is due on 30 June").isZero();
        assertThat(figures.responseWithin48HoursRate()).isEqualTo(0.5);
    }

    @Test
    void aSectionsFiguresCountOnlyItsOwnFactsButTheWholeCatalogue() {
        SectionFigures figures = FiguresCalculator.figures(RELIEF, FIRST_HALF_2026, FACTS.ofSection(RELIEF), AFTER_THE_PERIOD);

        assertThat(figures.section()).isEqualTo(RELIEF);
        assertThat(figures.documentsIssued()).isEqualTo(1);
        assertThat(figures.documentsPublished()).isEqualTo(1);
        assertThat(figures.onTimePublicationRate()).isEqualTo(1.0);
        assertThat(figures.concernsReceived()).isEqualTo(1);
        assertThat(figures.concernsEscalated()).isEqualTo(1);
        assertThat(figures.consultationsOpened()).isZero();
        assertThat(figures.consultationsClosed()).as("k2 belongs to no section").isZero();
        assertThat(figures.commentsReceived()).isEqualTo(1);
        assertThat(figures.opinionsByDecision()).containsExactly(Map.entry("NOT_ADOPTED", 1L));
        assertThat(figures.adoptionRate()).isEqualTo(0.0);
        assertThat(figures.catalogueItems()).isEqualTo(5);
        assertThat(figures.catalogueItemsCovered()).isEqualTo(1);

        FiguresCalculator.Facts safety = FACTS.ofSection(SAFETY);
        assertThat(safety.documents()).hasSize(6);
        assertThat(safety.concerns()).hasSize(4);
        assertThat(safety.consultations()).extracting(ConsultationFacts::consultationId).containsExactly("k1");
        assertThat(safety.comments()).hasSize(2);
        assertThat(safety.opinions()).hasSize(3);
        assertThat(safety.catalogueVersions()).hasSize(4);
    }

    @Test
    void theSectionsAreThoseNamedByDocumentsConcernsOrConsultationsInOrder() {
        FiguresCalculator.Facts facts = new FiguresCalculator.Facts(
                List.of(document("d", "town-planning", null, null, null, null, null, null, null, List.of(), null, null, null)),
                List.of(concern("c", "agriculture", at(1, 1, 9), null, null, null, false)),
                List.of(new ConsultationFacts("k", "education", null, null, null, null, null),
                        new ConsultationFacts("k0", null, null, null, null, null, null)),
                List.of(), List.of(), List.of());

        assertThat(facts.sections()).containsExactly("agriculture", "education", "town-planning");
    }

    @Test
    void nothingToMeasureGivesNoRateAndTheFiguresShowTheirCodesInChinese() {
        FiguresCalculator.Facts none = new FiguresCalculator.Facts(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        SectionFigures empty = FiguresCalculator.figures(SAFETY, FIRST_HALF_2026, none, AFTER_THE_PERIOD);
        assertThat(empty.onTimePublicationRate()).isNull();
        assertThat(empty.nonTextInterpretationShare()).isNull();
        assertThat(empty.responseWithin48HoursRate()).isNull();
        assertThat(empty.adoptionRate()).isNull();
        assertThat(empty.catalogueCoverage()).isNull();
        assertThat(empty.codeLabels()).isEmpty();

        SectionFigures figures = FiguresCalculator.figures(null, FIRST_HALF_2026, FACTS, AFTER_THE_PERIOD);
        assertThat(figures.codeLabels()).containsEntry("PROACTIVE", "主动公开").containsEntry("STATE_SECRET", "依法确定为国家秘密")
                .containsEntry("VIDEO", "视频解读").containsEntry("NOT_ADOPTED", "未予采纳").hasSize(9);
    }

    @Test
    void anExportedFigureIsNamedInChineseWithItsCode() {
        assertThat(CodeLabels.figure("documentsIssued")).isEqualTo("印发文件数");
        assertThat(CodeLabels.figure("issuedByAttribute.PROACTIVE")).isEqualTo("按公开属性：主动公开");
        assertThat(CodeLabels.figure("opinionsByDecision.SOMETHING_NEW")).isEqualTo("按采纳情况：SOMETHING_NEW");
        assertThat(CodeLabels.figure("NOT_ADOPTED")).as("a code alone").isEqualTo("未予采纳");
        assertThat(CodeLabels.figure("unknownFigure")).isEqualTo("unknownFigure");
        assertThat(CodeLabels.figure(null)).isEmpty();
        assertThat(CodeLabels.of(null)).isNull();
    }

    private static DocumentFacts document(String id, String section, String catalogueItem, String attribute, String legalBasis,
            LocalDate issuedOn, LocalDate dueOn, LocalDate publishedOn, Boolean onTime, List<String> interpretationForms,
            Boolean nonText, LocalDate interpretedOn, LocalDate attributeChangedOn) {
        return new DocumentFacts(id, section, "县政发〔2026〕" + id + "号", catalogueItem, attribute, legalBasis, issuedOn, dueOn,
                publishedOn, onTime, null, attributeChangedOn, interpretationForms, nonText, interpretedOn);
    }

    private static ConcernFacts concern(String id, String section, LocalDateTime firstSeen, LocalDateTime dueAt,
            LocalDateTime answeredAt, Boolean answeredOnTime, boolean escalated) {
        return new ConcernFacts(id, section, "GENERAL", china(firstSeen), china(dueAt), china(answeredAt), answeredOnTime, escalated);
    }

    private static LocalDate day(int month, int dayOfMonth) {
        return LocalDate.of(2026, month, dayOfMonth);
    }

    private static LocalDateTime at(int month, int dayOfMonth, int hour) {
        return LocalDateTime.of(2026, month, dayOfMonth, hour, 0);
    }

    private static Instant china(LocalDateTime time) {
        return time == null ? null : time.atZone(FiguresCalculator.CHINA).toInstant();
    }
}
