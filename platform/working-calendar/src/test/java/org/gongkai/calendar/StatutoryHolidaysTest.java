package org.gongkai.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.entry;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

import org.gongkai.calendar.StatutoryHolidays.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Rule W2: the statutory holidays of the 2024 revision hold in every year that has no notice yet. */
class StatutoryHolidaysTest {

    private static final WorkingCalendar CALENDAR = WorkingCalendar.fromClasspath();

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    /** Re-typed from published almanacs (double entry): 除夕, 清明, 端午, 中秋 of 2020–2030. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "2020, 2020-01-24, 2020-04-04, 2020-06-25, 2020-10-01",
            "2021, 2021-02-11, 2021-04-04, 2021-06-14, 2021-09-21",
            "2022, 2022-01-31, 2022-04-05, 2022-06-03, 2022-09-10",
            "2023, 2023-01-21, 2023-04-05, 2023-06-22, 2023-09-29",
            "2024, 2024-02-09, 2024-04-04, 2024-06-10, 2024-09-17",
            "2025, 2025-01-28, 2025-04-04, 2025-05-31, 2025-10-06",
            "2026, 2026-02-16, 2026-04-05, 2026-06-19, 2026-09-25",
            "2027, 2027-02-05, 2027-04-05, 2027-06-09, 2027-09-15",
            "2028, 2028-01-25, 2028-04-04, 2028-05-28, 2028-10-03",
            "2029, 2029-02-12, 2029-04-04, 2029-06-16, 2029-09-22",
            "2030, 2030-02-02, 2030-04-05, 2030-06-05, 2030-09-12",
    })
    void lunarAndSolarTermDatesMatchTheAlmanac(int year, LocalDate eve, LocalDate qingming, LocalDate dragonBoat,
            LocalDate midAutumn) {
        assertThat(StatutoryHolidays.lunarNewMoonDay(year, 1).minusDays(1)).as("除夕").isEqualTo(eve);
        assertThat(StatutoryHolidays.qingming(year)).as("清明").isEqualTo(qingming);
        assertThat(StatutoryHolidays.lunarNewMoonDay(year, 5).plusDays(4)).as("端午").isEqualTo(dragonBoat);
        assertThat(StatutoryHolidays.lunarNewMoonDay(year, 8).plusDays(14)).as("中秋").isEqualTo(midAutumn);
    }

    @Test
    void theNewMoonNearMidnightLandsOnTheRightDay() {
        // ICU4J's own astronomy puts these new moons on the neighbouring day
        assertThat(StatutoryHolidays.lunarNewMoonDay(2027, 1)).as("new moon 2027-02-06 23:56 Beijing").isEqualTo(d("2027-02-06"));
        assertThat(StatutoryHolidays.lunarNewMoonDay(2030, 1)).as("new moon 2030-02-03 00:07 Beijing").isEqualTo(d("2030-02-03"));
    }

    @Test
    void the2027StatutoryHolidaysAreExactlyTheseThirteenDays() {
        assertThat(WorkingCalendar.statutoryHolidays(2027)).containsExactly(
                new WorkingCalendar.Day(d("2027-01-01"), "元旦"),
                new WorkingCalendar.Day(d("2027-02-05"), "春节"),
                new WorkingCalendar.Day(d("2027-02-06"), "春节"),
                new WorkingCalendar.Day(d("2027-02-07"), "春节"),
                new WorkingCalendar.Day(d("2027-02-08"), "春节"),
                new WorkingCalendar.Day(d("2027-04-05"), "清明节"),
                new WorkingCalendar.Day(d("2027-05-01"), "劳动节"),
                new WorkingCalendar.Day(d("2027-05-02"), "劳动节"),
                new WorkingCalendar.Day(d("2027-06-09"), "端午节"),
                new WorkingCalendar.Day(d("2027-09-15"), "中秋节"),
                new WorkingCalendar.Day(d("2027-10-01"), "国庆节"),
                new WorkingCalendar.Day(d("2027-10-02"), "国庆节"),
                new WorkingCalendar.Day(d("2027-10-03"), "国庆节"));
    }

    static Stream<Arguments> weekdaysEachRuleTakesOff() {
        return Stream.of(
                Arguments.of(Rule.NEW_YEAR, List.of("2027-01-01")),
                Arguments.of(Rule.SPRING_FESTIVAL, List.of("2027-02-05", "2027-02-08", "2028-01-25", "2028-01-26", "2028-01-27", "2028-01-28")),
                Arguments.of(Rule.QINGMING, List.of("2027-04-05")),
                Arguments.of(Rule.LABOUR_DAY, List.of("2028-05-01", "2028-05-02")),
                Arguments.of(Rule.DRAGON_BOAT, List.of("2027-06-09")),
                Arguments.of(Rule.MID_AUTUMN, List.of("2027-09-15")),
                Arguments.of(Rule.NATIONAL_DAY, List.of("2027-10-01", "2029-10-01", "2029-10-02", "2029-10-03")));
    }

    /** Each rule on its own: its weekdays are off with every rule, and working again once that one rule is gone. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("weekdaysEachRuleTakesOff")
    void everyRuleMatters(Rule rule, List<String> weekdays) {
        EnumSet<Rule> others = EnumSet.complementOf(EnumSet.of(rule));
        WorkingCalendar withoutRule = CALENDAR.withStatutoryRules(others);
        for (String day : weekdays) {
            assertThat(d(day).getDayOfWeek().getValue()).as("%s is a weekday", day).isLessThanOrEqualTo(5);
            assertThat(CALENDAR.isWorkingDay(d(day))).as("%s under all rules", day).isFalse();
            assertThat(withoutRule.isWorkingDay(d(day))).as("%s without %s", day, rule).isTrue();
        }
    }

    @ParameterizedTest(name = "{0} is a working day")
    @CsvSource({
            "2027-01-04", // after 元旦: one day, no 补假
            "2028-01-24", // the Monday before 除夕 2028
            "2028-01-31", // the Monday after 正月初三 2028: four days, not more
            "2028-05-03", // 劳动节 is two days
            "2029-10-04", // 国庆节 is three days
            "2027-04-06", // 清明 is one day
            "2027-06-10", "2027-09-16", "2027-09-14",
    })
    void theDaysAroundTheHolidaysStayWorkingDays(LocalDate date) {
        assertThat(CALENDAR.isWorkingDay(date)).isTrue();
    }

    /** The notices under the 2024 revision give at least the statutory days off: our computation must agree. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"2025", "2026"})
    void everyStatutoryDayIsOffInThePublishedNotices(int year) {
        List<LocalDate> official = CALENDAR.year(year).holidays().stream().map(WorkingCalendar.Day::date).toList();

        assertThat(WorkingCalendar.statutoryHolidays(year)).hasSize(13)
                .extracting(WorkingCalendar.Day::date).allMatch(official::contains);
    }

    @Test
    void aSubsetOfRulesGivesOnlyTheirDays() {
        assertThat(StatutoryHolidays.only(EnumSet.of(Rule.NEW_YEAR, Rule.LABOUR_DAY)).of(2027)).containsExactly(
                entry(d("2027-01-01"), "元旦"), entry(d("2027-05-01"), "劳动节"), entry(d("2027-05-02"), "劳动节"));
        assertThat(StatutoryHolidays.only(EnumSet.noneOf(Rule.class)).of(2027)).isEmpty();
    }

    @Test
    void theRevisionGovernsEveryYearFrom2025To2100() {
        assertThat(WorkingCalendar.statutoryHolidays(2025)).hasSize(13).first()
                .isEqualTo(new WorkingCalendar.Day(d("2025-01-01"), "元旦"));
        assertThat(WorkingCalendar.statutoryHolidays(2100)).hasSize(13)
                .contains(new WorkingCalendar.Day(d("2100-01-01"), "元旦"), new WorkingCalendar.Day(d("2100-10-03"), "国庆节"));
        assertThat(WorkingCalendar.statutoryHolidays(2101)).isEmpty();
    }

    @Test
    void aLoadedNoticeIsAuthoritativeAndYearsBeforeTheRevisionHaveNoFallback() {
        WorkingCalendar with2027 = CALENDAR.withNotice(2027, "test notice",
                List.of(new WorkingCalendar.Day(d("2027-10-01"), "国庆节")), List.of());

        assertThat(with2027.isWorkingDay(d("2027-10-01"))).isFalse();
        assertThat(with2027.isWorkingDay(d("2027-02-05"))).as("the notice decides, not the fallback").isTrue();
        assertThat(with2027.addWorkingDays(d("2027-01-04"), 1)).isEqualTo(new Deadline(d("2027-01-05"), true));
        assertThat(WorkingCalendar.statutoryHolidays(2024)).isEmpty();
        assertThat(CALENDAR.isWorkingDay(d("2019-10-01"))).as("no data, before the 2024 revision").isTrue();
    }

    @Test
    void aNoticeGivenAsListsIsCheckedLikeAFile() {
        WorkingCalendar.Day holiday = new WorkingCalendar.Day(d("2027-10-02"), "国庆节");
        assertThatIllegalStateException()
                .isThrownBy(() -> CALENDAR.withNotice(2027, "office notice", List.of(holiday), List.of(holiday)))
                .withMessageContaining("office notice").withMessageContaining("both as holiday");
        assertThatIllegalStateException()
                .isThrownBy(() -> CALENDAR.withNotice(2027, "office notice", List.of(new WorkingCalendar.Day(d("2028-01-01"), "元旦")), List.of()))
                .withMessageContaining("outside 2027");
        assertThatIllegalStateException()
                .isThrownBy(() -> CALENDAR.withNotice(2027, "office notice", List.of(holiday), List.of(new WorkingCalendar.Day(d("2027-10-08"), "调休"))))
                .withMessageContaining("must be a Saturday or Sunday");
        assertThatIllegalStateException()
                .isThrownBy(() -> CALENDAR.withNotice(2027, "office notice", List.of(), List.of(new WorkingCalendar.Day(d("2027-02-20"), "调休"))))
                .withMessageContaining("no holiday");
        // the shipped 2023 notice makes 2022-12-31 a holiday; a 2022 notice calling it a working day contradicts it
        assertThatExceptionOfType(WorkingCalendar.ConflictException.class)
                .isThrownBy(() -> CALENDAR.withNotice(2022, "office notice", List.of(new WorkingCalendar.Day(d("2022-01-01"), "元旦")),
                        List.of(new WorkingCalendar.Day(d("2022-12-31"), "调休"))))
                .satisfies(e -> assertThat(e.date()).isEqualTo(d("2022-12-31")));
    }
}
