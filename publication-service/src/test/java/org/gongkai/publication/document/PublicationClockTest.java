package org.gongkai.publication.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.gongkai.calendar.WorkingCalendar;
import org.gongkai.support.domain.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** P6 as the publication clock holds it: start, due date, overdue, recomputation, on-time measure. */
class PublicationClockTest {

    static final WorkingCalendar CALENDAR = WorkingCalendar.fromClasspath();
    static final LocalDate ISSUED = LocalDate.of(2024, 9, 30);
    /** 20 working days after 30 Sep 2024: National Day week off, make-up Saturday 12 Oct counts. */
    static final LocalDate DUE = LocalDate.of(2024, 11, 1);

    @Test
    void aProactiveDocumentIsDueTwentyWorkingDaysAfterIssuanceOnTheOfficialCalendar() {
        PublicationClock clock = PublicationClock.notIssued().issued(ISSUED, true, CALENDAR);
        assertThat(clock.issuedOn()).isEqualTo(ISSUED);
        assertThat(clock.clockStartedOn()).isEqualTo(ISSUED);
        assertThat(clock.publicationDueOn()).isEqualTo(DUE);
        assertThat(clock.publicationDueOnConfirmed()).isTrue();
    }

    @Test
    void aDocumentThatIsNotProactiveIsIssuedWithoutAClockAndIsNeverDue() {
        PublicationClock clock = PublicationClock.notIssued().issued(ISSUED, false, CALENDAR);
        assertThat(clock.issuedOn()).isEqualTo(ISSUED);
        assertThat(clock.publicationDueOn()).isNull();
        assertThat(clock.isPastDueOn(LocalDate.of(2030, 1, 1))).isFalse();
        assertThat(clock.movedBy(CALENDAR)).isEmpty();
    }

    @Test
    void theClockIsPastDueOnlyAfterTheDueDay() {
        PublicationClock clock = PublicationClock.notIssued().issued(ISSUED, true, CALENDAR);
        assertThat(clock.isPastDueOn(DUE)).isFalse();
        assertThat(clock.isPastDueOn(DUE.plusDays(1))).isTrue();
    }

    @Test
    void overdueIsAnnouncedOnceAndARestartedClockMayBeAnnouncedAgain() {
        PublicationClock clock = PublicationClock.notIssued().issued(ISSUED, true, CALENDAR);
        assertThat(clock.overdueAnnounced()).isFalse();
        PublicationClock announced = clock.overdueAnnouncedNow();
        assertThat(announced.overdueAnnounced()).isTrue();
        assertThat(announced.publicationDueOn()).isEqualTo(DUE);
        assertThat(announced.startedOn(LocalDate.of(2026, 9, 30), CALENDAR).overdueAnnounced()).isFalse();
    }

    @Test
    void aRestartKeepsTheIssueDateAndCountsFromTheNewStart() {
        LocalDate clearedOn = LocalDate.of(2026, 9, 30);
        PublicationClock restarted = PublicationClock.notIssued().issued(LocalDate.of(2025, 3, 3), false, CALENDAR)
                .startedOn(clearedOn, CALENDAR);
        assertThat(restarted.issuedOn()).isEqualTo(LocalDate.of(2025, 3, 3));
        assertThat(restarted.clockStartedOn()).isEqualTo(clearedOn);
        assertThat(restarted.publicationDueOn()).isEqualTo(CALENDAR.addWorkingDays(clearedOn, 20).due());
    }

    @Test
    void aPublicationDatedBeforeIssuanceIsRefused() {
        PublicationClock clock = PublicationClock.notIssued().issued(ISSUED, true, CALENDAR);
        assertThatThrownBy(() -> clock.publishedOn(ISSUED.minusDays(1))).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.type()).isEqualTo("published-before-issued");
            assertThat(e.getMessage()).isEqualTo("公开日期不能早于印发日期。");
            assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID);
        });
        assertThat(clock.publishedOn(ISSUED).publishedOn()).isEqualTo(ISSUED);
    }

    @Test
    void onTimeMeansPublishedNoLaterThanTheDueDay() {
        PublicationClock clock = PublicationClock.notIssued().issued(ISSUED, true, CALENDAR);
        assertThat(clock.isPublishedOnTime()).isFalse();
        assertThat(clock.publishedOn(DUE).isPublishedOnTime()).isTrue();
        assertThat(clock.publishedOn(DUE.plusDays(1)).isPublishedOnTime()).isFalse();
        assertThat(PublicationClock.notIssued().issued(ISSUED, false, CALENDAR).publishedOn(ISSUED).isPublishedOnTime()).isFalse();
    }

    @Test
    void newCalendarDataMovesARunningClockAndAnUnchangedCalendarDoesNot(@TempDir Path dir) throws Exception {
        LocalDate issued = LocalDate.of(2027, 1, 20);
        PublicationClock clock = PublicationClock.notIssued().issued(issued, true, CALENDAR);
        assertThat(clock.publicationDueOnConfirmed()).isFalse();
        assertThat(clock.movedBy(CALENDAR)).isEmpty();

        Files.writeString(dir.resolve("2027.txt"), "# test data\nholiday 2027-02-05..2027-02-12 春节\n");
        WorkingCalendar known = CALENDAR.withDirectory(dir);
        PublicationClock.Moved moved = clock.movedBy(known).orElseThrow();
        assertThat(moved.from()).isEqualTo(clock.publicationDueOn());
        assertThat(moved.to()).isEqualTo(known.addWorkingDays(issued, 20));
        PublicationClock recomputed = clock.overdueAnnouncedNow().recomputed(moved);
        assertThat(recomputed.publicationDueOn()).isAfter(clock.publicationDueOn());
        assertThat(recomputed.publicationDueOnConfirmed()).isTrue();
        assertThat(recomputed.clockStartedOn()).isEqualTo(issued);
        assertThat(recomputed.overdueAnnounced()).isTrue();
        assertThat(recomputed.movedBy(known)).isEmpty();
    }

    @Test
    void aClockStoredBeforeItsFlagsExistedLoadsWithThemFalse() {
        PublicationClock old = new PublicationClock(ISSUED, ISSUED, DUE, null, null, null);
        assertThat(old.publicationDueOnConfirmed()).isFalse();
        assertThat(old.overdueAnnounced()).isFalse();
    }
}
