package org.gongkai.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class WorkingCalendarTest {

    private static final WorkingCalendar CALENDAR = WorkingCalendar.fromClasspath();

    @TempDir
    Path dir;

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void countsAcross2024NationalDayWithMakeUpDays() {
        assertThat(CALENDAR.addWorkingDays(d("2024-09-27"), 1)).isEqualTo(new Deadline(d("2024-09-29"), true));
        assertThat(CALENDAR.addWorkingDays(d("2024-09-29"), 1)).isEqualTo(new Deadline(d("2024-09-30"), true));
        assertThat(CALENDAR.addWorkingDays(d("2024-09-30"), 1)).isEqualTo(new Deadline(d("2024-10-08"), true));
        // 10-08..10-11 = 4, Saturday 10-12 (make-up) = 5, 10-14..18 = 10, 10-21..25 = 15, 10-28..31 = 19, 11-01 = 20.
        assertThat(CALENDAR.addWorkingDays(d("2024-09-30"), 20)).isEqualTo(new Deadline(d("2024-11-01"), true));
    }

    @Test
    void startDayIsNeverCounted() {
        assertThat(CALENDAR.addWorkingDays(d("2024-10-08"), 1).due()).isEqualTo(d("2024-10-09"));
        assertThat(CALENDAR.addWorkingDays(d("2024-10-05"), 1).due()).isEqualTo(d("2024-10-08"));
    }

    @Test
    void rejectsNonPositiveWorkingDays() {
        assertThatIllegalArgumentException().isThrownBy(() -> CALENDAR.addWorkingDays(d("2024-10-08"), 0));
        assertThatIllegalArgumentException().isThrownBy(() -> CALENDAR.addWorkingDays(d("2024-10-08"), -3));
    }

    @Test
    void makeUpSaturdayWorksAndWeekdayHolidayDoesNot() {
        assertThat(CALENDAR.isWorkingDay(d("2024-10-12"))).as("make-up Saturday").isTrue();
        assertThat(CALENDAR.isWorkingDay(d("2024-10-02"))).as("National Day, a Wednesday").isFalse();
        assertThat(CALENDAR.isWorkingDay(d("2024-10-19"))).as("ordinary Saturday").isFalse();
        assertThat(CALENDAR.isWorkingDay(d("2024-10-18"))).as("ordinary Friday").isTrue();
    }

    @ParameterizedTest(name = "{0} working={1}")
    @CsvSource({
            "2020-01-19, true",  // 春节 make-up Sunday that did take place
            "2020-01-31, false", // extended 2020 Spring Festival (国办发明电〔2020〕1号)
            "2020-02-01, false", // make-up Saturday cancelled by the extension
            "2020-02-03, true",
            "2022-12-31, false", // 2023 元旦 started on a 2022 Saturday
            "2023-01-02, false",
            "2024-02-09, true",  // 除夕 2024 was not an official day off
            "2024-02-18, true",
            "2025-01-27, true",
            "2025-01-28, false", // 2025 Spring Festival starts on 除夕
            "2025-02-04, false",
            "2025-02-08, true",
            "2025-05-05, false",
            "2025-04-27, true",
            "2025-10-08, false",
            "2025-10-11, true",
            "2026-01-02, false",
            "2026-01-04, true",
            "2026-02-14, true",
            "2026-02-23, false",
            "2026-02-24, true",
            "2026-02-28, true",
            "2026-05-09, true",
            "2026-09-20, true",
            "2026-10-07, false",
            "2026-10-10, true",
    })
    void knowsTheOfficialNotices(LocalDate date, boolean working) {
        assertThat(CALENDAR.isWorkingDay(date)).isEqualTo(working);
    }

    @Test
    void yearWithoutDataFallsBackToWeekdaysAndStatutoryHolidaysUnconfirmed() {
        assertThat(CALENDAR.covers(2027)).isFalse();
        assertThat(CALENDAR.isWorkingDay(d("2027-10-01"))).as("国庆节, a Friday, no notice yet").isFalse();
        assertThat(CALENDAR.isWorkingDay(d("2027-10-04"))).as("a Monday after 国庆节, no 补假 invented").isTrue();
        assertThat(CALENDAR.isWorkingDay(d("2027-10-09"))).as("a Saturday, no make-up day invented").isFalse();
        assertThat(CALENDAR.addWorkingDays(d("2027-09-30"), 1)).isEqualTo(new Deadline(d("2027-10-04"), false));
        assertThat(CALENDAR.addWorkingDays(d("2026-12-30"), 5)).isEqualTo(new Deadline(d("2027-01-07"), false));
        assertThat(CALENDAR.addWorkingDays(d("2019-12-31"), 1)).isEqualTo(new Deadline(d("2020-01-02"), false));
        assertThat(CALENDAR.addWorkingDays(d("2024-03-01"), 15).confirmed()).isTrue();
        assertThat(CALENDAR.addWorkingDays(d("2025-12-15"), 20).confirmed()).as("2025 into 2026").isTrue();
        WorkingCalendar.YearView view = CALENDAR.year(2027);
        assertThat(view.confirmed()).isFalse();
        assertThat(view.makeUpWorkdays()).isEmpty();
        assertThat(view.holidays()).hasSize(13).contains(new WorkingCalendar.Day(d("2027-02-05"), "春节"),
                new WorkingCalendar.Day(d("2027-04-05"), "清明节"), new WorkingCalendar.Day(d("2027-09-15"), "中秋节"));
    }

    /** Issue 9: without 2027 data, 2026-12-04 + 20 working days used to land on 元旦 2027. */
    @Test
    void twentyWorkingDaysFromFourDecember2026SkipNewYearsDay2027() {
        Deadline deadline = CALENDAR.addWorkingDays(d("2026-12-04"), 20);

        assertThat(deadline.due()).isNotEqualTo(d("2027-01-01"));
        // 7–11, 14–18, 21–25 Dec = 15; 28–31 Dec = 19; 1 Jan 元旦; Monday 4 Jan = 20
        assertThat(deadline).isEqualTo(new Deadline(d("2027-01-04"), false));
    }

    @Test
    void spring2027FestivalDaysAreSkippedWithoutANotice() {
        // 除夕 2027-02-05 (Friday) to 正月初三 2027-02-08 (Monday)
        assertThat(CALENDAR.isWorkingDay(d("2027-02-04"))).isTrue();
        assertThat(CALENDAR.isWorkingDay(d("2027-02-05"))).as("除夕").isFalse();
        assertThat(CALENDAR.isWorkingDay(d("2027-02-08"))).as("正月初三").isFalse();
        assertThat(CALENDAR.isWorkingDay(d("2027-02-09"))).as("no 补假 or bridge day invented").isTrue();
        assertThat(CALENDAR.addWorkingDays(d("2027-02-04"), 1)).isEqualTo(new Deadline(d("2027-02-09"), false));
    }

    @Test
    void administratorDirectoryAddsAYear() throws IOException {
        write("2027.txt", """
                # test notice for 2027
                holiday 2027-10-01..2027-10-07 国庆节
                workday 2027-09-26 国庆节调休
                workday 2027-10-09 国庆节调休
                """);

        WorkingCalendar calendar = CALENDAR.withDirectory(dir);

        assertThat(calendar.covers(2027)).isTrue();
        assertThat(calendar.years()).contains(2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027);
        assertThat(calendar.isWorkingDay(d("2027-10-01"))).isFalse();
        assertThat(calendar.isWorkingDay(d("2027-09-26"))).isTrue();
        assertThat(calendar.addWorkingDays(d("2027-09-30"), 1)).isEqualTo(new Deadline(d("2027-10-08"), true));
        assertThat(calendar.addWorkingDays(d("2027-10-08"), 1)).isEqualTo(new Deadline(d("2027-10-09"), true));
        assertThat(calendar.isWorkingDay(d("2024-10-12"))).as("classpath years kept").isTrue();
        assertThat(CALENDAR.covers(2027)).as("original calendar unchanged").isFalse();
    }

    @Test
    void administratorDirectoryReplacesAClasspathYear() throws IOException {
        write("2024.txt", "holiday 2024-03-01 测试\n");

        WorkingCalendar calendar = CALENDAR.withDirectory(dir);

        assertThat(calendar.isWorkingDay(d("2024-03-01"))).isFalse();
        assertThat(calendar.isWorkingDay(d("2024-10-02"))).as("shipped 2024 holidays are gone").isTrue();
        assertThat(calendar.isWorkingDay(d("2024-10-12"))).as("shipped 2024 make-up days are gone").isFalse();
        assertThat(calendar.year(2024).holidays()).containsExactly(new WorkingCalendar.Day(d("2024-03-01"), "测试"));
    }

    @Test
    void missingDirectoryIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> CALENDAR.withDirectory(dir.resolve("absent")))
                .withMessageContaining("absent");
    }

    static Stream<Arguments> invalidLines() {
        return Stream.of(
                Arguments.of("holiday 2027-13-01 坏日期", "invalid date '2027-13-01'"),
                Arguments.of("workday 2027-10-11 调休", "must be a Saturday or Sunday"),
                Arguments.of("workday 2027-10-02 调休", "both as holiday (line 2) and as workday"),
                Arguments.of("holiday 2027-10-03 国庆节", "listed twice (also on line 2)"),
                Arguments.of("holiday 2027-10-20", "expected '<holiday|workday>"),
                Arguments.of("vacation 2027-10-20 休假", "unknown kind 'vacation'"),
                Arguments.of("holiday 2028-01-01 元旦", "outside 2027"),
                Arguments.of("holiday 2027-10-25..2027-10-20 倒序", "ends before it starts"),
                Arguments.of("holiday 2027-10-20..2027-10-21..2027-10-22 三段", "malformed date range"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidLines")
    void invalidFileIsRejectedNamingFileAndLine(String badLine, String problem) throws IOException {
        write("2027.txt", "# test notice\nholiday 2027-10-01..2027-10-07 国庆节\n" + badLine + "\n");

        assertThatIllegalStateException().isThrownBy(() -> CALENDAR.withDirectory(dir))
                .withMessageContaining("2027.txt:3: ")
                .withMessageContaining(problem);
    }

    @Test
    void fileWithoutHolidaysIsRejected() throws IOException {
        write("2027.txt", "# nothing yet\n");

        assertThatIllegalStateException().isThrownBy(() -> CALENDAR.withDirectory(dir))
                .withMessageContaining("2027.txt")
                .withMessageContaining("no 'holiday' line");
    }

    @Test
    void conflictBetweenFilesIsRejected() throws IOException {
        // 2023.txt on the classpath makes 2022-12-31 a holiday; a 2022 file claiming it as a workday contradicts it.
        write("2022.txt", "holiday 2022-01-01 元旦\nworkday 2022-12-31 调休\n");

        assertThatIllegalStateException().isThrownBy(() -> CALENDAR.withDirectory(dir))
                .withMessageContaining("2022-12-31")
                .withMessageContaining("calendar/cn/2023.txt")
                .withMessageContaining("2022.txt");
    }

    @Test
    void conflictNamesBothNoticesAndWhichSideMakesTheDayAWorkday() throws IOException {
        write("2022.txt", "holiday 2022-01-01 元旦\nworkday 2022-12-31 调休\n");

        assertThatExceptionOfType(WorkingCalendar.ConflictException.class).isThrownBy(() -> CALENDAR.withDirectory(dir))
                .withMessage("2022-12-31 is a workday in " + dir.resolve("2022.txt") + " but a holiday in calendar/cn/2023.txt")
                .satisfies(e -> {
                    assertThat(e.date()).isEqualTo(d("2022-12-31"));
                    assertThat(e.firstSource()).isEqualTo(dir.resolve("2022.txt").toString());
                    assertThat(e.workdayInFirst()).isTrue();
                    assertThat(e.secondSource()).isEqualTo("calendar/cn/2023.txt");
                });
    }

    @Test
    void conflictTheOtherWayRoundSaysTheFirstNoticeMakesItAHoliday() throws IOException {
        // the files are read in year order, so 2030.txt (holiday) comes first and 2031.txt (workday) contradicts it
        write("2030.txt", "holiday 2030-01-01 元旦\nholiday 2030-12-28 元旦\n");
        write("2031.txt", "holiday 2031-01-01 元旦\nworkday 2030-12-28 元旦调休\n");

        assertThatExceptionOfType(WorkingCalendar.ConflictException.class).isThrownBy(() -> CALENDAR.withDirectory(dir))
                .withMessage("2030-12-28 is a holiday in " + dir.resolve("2030.txt") + " but a workday in " + dir.resolve("2031.txt"))
                .satisfies(e -> assertThat(e.workdayInFirst()).isFalse());
    }

    @Test
    void theAdministratorDirectoryIsReadUpToTheLastYear() throws IOException {
        write("2100.txt", "holiday 2100-01-01 元旦\n");

        WorkingCalendar calendar = CALENDAR.withDirectory(dir);

        assertThat(calendar.covers(2100)).isTrue();
        assertThat(calendar.year(2100).holidays()).containsExactly(new WorkingCalendar.Day(d("2100-01-01"), "元旦"));
    }

    @Test
    void theClasspathCalendarHoldsEveryShippedNotice() {
        // built here rather than taken from CALENDAR, so that loading itself is what the test measures
        WorkingCalendar loaded = WorkingCalendar.fromClasspath();

        assertThat(loaded.years()).containsExactly(2020, 2021, 2022, 2023, 2024, 2025, 2026);
        assertThat(loaded.isWorkingDay(d("2024-10-12"))).as("2024's make-up Saturday").isTrue();
        assertThat(loaded).hasToString("WorkingCalendar[2020, 2021, 2022, 2023, 2024, 2025, 2026]");
    }

    @Test
    void shippedYearsAreAllPresentAndPlausible() {
        assertThat(CALENDAR.years()).containsExactly(2020, 2021, 2022, 2023, 2024, 2025, 2026);
        for (int year = 2020; year <= 2026; year++) {
            WorkingCalendar.YearView view = CALENDAR.year(year);
            assertThat(CALENDAR.covers(year)).isTrue();
            assertThat(view.confirmed()).isTrue();
            assertThat(view.holidays()).as("holidays of %d", year).hasSizeBetween(25, 40);
            assertThat(view.makeUpWorkdays()).as("make-up days of %d", year).hasSizeGreaterThanOrEqualTo(2);
        }
    }

    static Stream<Arguments> noticesByYear() {
        return Stream.of(
                Arguments.of(2020, 30, List.of("01-19", "04-26", "05-09", "06-28", "09-27", "10-10")),
                Arguments.of(2021, 31, List.of("02-07", "02-20", "04-25", "05-08", "09-18", "09-26", "10-09")),
                Arguments.of(2022, 32, List.of("01-29", "01-30", "04-02", "04-24", "05-07", "10-08", "10-09")),
                Arguments.of(2023, 26, List.of("01-28", "01-29", "04-23", "05-06", "06-25", "10-07", "10-08")),
                Arguments.of(2024, 28, List.of("02-04", "02-18", "04-07", "04-28", "05-11", "09-14", "09-29", "10-12")),
                Arguments.of(2025, 28, List.of("01-26", "02-08", "04-27", "09-28", "10-11")),
                Arguments.of(2026, 33, List.of("01-04", "02-14", "02-28", "05-09", "09-20", "10-10")));
    }

    /** Double entry: totals and make-up days re-typed from the notices, so an edited data file cannot slip through. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("noticesByYear")
    void yearViewMatchesTheNotice(int year, int holidayDays, List<String> makeUpDays) {
        WorkingCalendar.YearView view = CALENDAR.year(year);

        assertThat(view.year()).isEqualTo(year);
        assertThat(view.holidays()).hasSize(holidayDays);
        assertThat(view.holidays()).extracting(WorkingCalendar.Day::date).isSorted().allMatch(date -> !CALENDAR.isWorkingDay(date));
        assertThat(view.makeUpWorkdays()).extracting(WorkingCalendar.Day::date)
                .containsExactlyElementsOf(makeUpDays.stream().map(md -> d(year + "-" + md)).toList());
    }

    @Test
    void yearViewCarriesTheNoticeNames() {
        WorkingCalendar.YearView view = CALENDAR.year(2024);

        assertThat(view.holidays()).contains(new WorkingCalendar.Day(d("2024-10-01"), "国庆节"));
        assertThat(view.makeUpWorkdays()).contains(new WorkingCalendar.Day(d("2024-10-12"), "国庆节调休"));
        assertThat(CALENDAR.year(2022).holidays()).last().isEqualTo(new WorkingCalendar.Day(d("2022-12-31"), "元旦"));
    }

    @Test
    void noticesAreTakenForTheYearsTheCalendarSpansOnly() {
        List<WorkingCalendar.Day> newYear = List.of(new WorkingCalendar.Day(d("2100-01-01"), "元旦"));
        assertThat(CALENDAR.withNotice(2100, "test", newYear, List.of()).covers(2100)).isTrue();
        assertThat(CALENDAR.withNotice(2000, "test", List.of(new WorkingCalendar.Day(d("2000-01-03"), "元旦")), List.of())
                .covers(2000)).isTrue();
        assertThatIllegalArgumentException().isThrownBy(() -> CALENDAR.withNotice(2101, "test", newYear, List.of()));
        assertThatIllegalArgumentException().isThrownBy(() -> CALENDAR.withNotice(1999, "test", newYear, List.of()));
    }

    @Test
    void aFileMayFixThePreviousDecemberAndItsYearViewStaysInDateOrder() throws IOException {
        // a notice for 2031 (a year with none shipped) that also moves 2030-12-30; 2030 itself has no notice
        write("2031.txt", "\uFEFF# 2031 notice, saved with a byte-order mark\nholiday 2031-01-01 元旦\nholiday 2030-12-30 元旦\n");

        WorkingCalendar calendar = CALENDAR.withDirectory(dir);

        assertThat(calendar.isWorkingDay(d("2030-12-30"))).isFalse();
        List<WorkingCalendar.Day> holidays2030 = calendar.year(2030).holidays();
        assertThat(holidays2030).last().isEqualTo(new WorkingCalendar.Day(d("2030-12-30"), "元旦"));
        assertThat(holidays2030).isSortedAccordingTo(java.util.Comparator.comparing(WorkingCalendar.Day::date));
        assertThat(calendar.year(2030).confirmed()).isFalse();
    }

    @Test
    void addsCalendarHours() {
        assertThat(WorkingCalendar.addHours(Instant.parse("2026-11-28T10:00:00Z"), 48))
                .isEqualTo(Instant.parse("2026-11-30T10:00:00Z"));
        assertThat(WorkingCalendar.addHours(Instant.parse("2024-09-30T10:00:00Z"), 48))
                .as("holidays do not stop the clock").isEqualTo(Instant.parse("2024-10-02T10:00:00Z"));
        assertThatIllegalArgumentException().isThrownBy(() -> WorkingCalendar.addHours(Instant.EPOCH, -1));
        assertThat(WorkingCalendar.addHours(Instant.EPOCH, 0)).as("zero hours is allowed").isEqualTo(Instant.EPOCH);
        assertThat(WorkingCalendar.CHINA.getId()).isEqualTo("Asia/Shanghai");
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }
}
