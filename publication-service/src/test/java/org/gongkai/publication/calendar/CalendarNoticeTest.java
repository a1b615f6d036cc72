package org.gongkai.publication.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gongkai.testsupport.Actors.OFFICE;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.gongkai.calendar.WorkingCalendar;
import org.gongkai.support.domain.DomainException;
import org.gongkai.testsupport.Actors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Rules W3 and W4 without infrastructure: what the office may enter, and when a missing year is flagged. */
class CalendarNoticeTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 10);
    private static final Instant NOW = Instant.parse("2026-12-10T02:00:00Z");

    private static CalendarNotice.DayRange range(String from, String to, String name) {
        return new CalendarNotice.DayRange(from, to, name);
    }

    private static CalendarNotice.Input input(List<CalendarNotice.DayRange> holidays, List<CalendarNotice.DayRange> makeUp) {
        return new CalendarNotice.Input("国办发明电〔2026〕测试号", holidays, makeUp);
    }

    private static final List<CalendarNotice.DayRange> SPRING = List.of(range("2027-02-05", "2027-02-11", "春节"));

    @Test
    void aValidNoticeBecomesDays() {
        CalendarNotice.Checked checked = CalendarNotice.check(2027, input(
                List.of(range("2026-12-31", "2027-01-02", "元旦"), range("2027-02-05", "2027-02-11", "春节")),
                List.of(range("2027-02-20", null, "春节调休"))), TODAY);

        assertThat(checked.holidays()).hasSize(10).first().isEqualTo(new CalendarNotice.Day(LocalDate.of(2026, 12, 31), "元旦"));
        assertThat(checked.makeUpWorkdays()).containsExactly(new CalendarNotice.Day(LocalDate.of(2027, 2, 20), "春节调休"));
    }

    @ParameterizedTest(name = "{3}")
    @CsvSource(delimiter = '|', value = {
            "2027-13-01 |            | holidays[1].from | 不是有效日期",
            "2027-02-30 |            | holidays[1].from | 不是有效日期",
            "2028-01-01 |            | holidays[1]      | 不在2027年内",
            "2026-11-30 |            | holidays[1]      | 不在2027年内",
            "2027-10-07 | 2027-10-01 | holidays[1].to   | 早于开始日期",
            "2027-02-06 |            | holidays[1]      | 重复列出",
    })
    void badHolidaysAreRefusedInChineseNamingTheField(String from, String to, String field, String message) {
        List<CalendarNotice.DayRange> holidays = List.of(SPRING.get(0), range(from, to, "测试"));

        assertThatThrownBy(() -> CalendarNotice.check(2027, input(holidays, List.of()), TODAY))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID);
                    assertThat(e.type()).isEqualTo("invalid-calendar-notice");
                    assertThat(e.getMessage()).startsWith("2027年放假安排通知有误，未作任何更改").contains(message);
                    assertThat(errors(e)).anySatisfy(error -> {
                        assertThat(error.get("field")).isEqualTo(field);
                        assertThat(error.get("message")).contains(message);
                    });
                });
    }

    @Test
    void aDayCannotBeBothHolidayAndMakeUpWorkday() {
        assertThatThrownBy(() -> CalendarNotice.check(2027, input(SPRING, List.of(range("2027-02-06", null, "调休"))), TODAY))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(errors(e)).containsExactly(Map.of(
                        "field", "makeUpWorkdays[0]", "message", "2027-02-06 既列为放假日又列为调休上班日，一天只能是其中一种。")));
    }

    @Test
    void aMakeUpWorkdayMustBeAWeekendDay() {
        assertThatThrownBy(() -> CalendarNotice.check(2027, input(SPRING, List.of(range("2027-02-12", null, "调休"))), TODAY))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.getMessage())
                        .contains("调休上班日 2027-02-12 是星期五；调休上班日只能是周六或周日"));
    }

    @Test
    void referenceNamesAndAtLeastOneHolidayAreRequiredAndAllProblemsAreListed() {
        CalendarNotice.Input empty = new CalendarNotice.Input(" ", List.of(range("", null, "")), null);

        assertThatThrownBy(() -> CalendarNotice.check(2027, empty, TODAY))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(errors(e))
                        .extracting(error -> error.get("field"))
                        .containsExactly("reference", "holidays[0].name", "holidays[0].from"));
        assertThatThrownBy(() -> CalendarNotice.check(2027, new CalendarNotice.Input("通知", List.of(), List.of()), TODAY))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.getMessage()).contains("至少要列出一个放假日"));
    }

    @ParameterizedTest
    @CsvSource({"2019", "2028", "2100"})
    void onlyYearsFromTheFirstShippedOneToNextYear(int year) {
        assertThatThrownBy(() -> CalendarNotice.check(year, input(SPRING, List.of()), TODAY))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.type()).isEqualTo("calendar-notice-year");
                    assertThat(e.getMessage()).contains("年份须在2020年至2027年之间");
                });
    }

    @Test
    void onlyTheOfficeEntersANoticeAndEveryEntryIsAudited() {
        CalendarNotice.Checked checked = CalendarNotice.check(2027, input(SPRING, List.of()), TODAY);
        assertThatThrownBy(() -> CalendarNotice.enter(checked, Actors.SAFETY1, NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.FORBIDDEN);
                    assertThat(e.getMessage()).isEqualTo("只有政务公开办可以录入或预览放假安排通知。");
                });

        CalendarNotice notice = CalendarNotice.enter(checked, OFFICE, NOW);
        notice.replace(CalendarNotice.check(2027, input(List.of(range("2027-01-01", null, "元旦"), SPRING.get(0)), List.of()), TODAY),
                OFFICE, NOW.plusSeconds(60));

        assertThat(notice.holidays()).hasSize(8);
        assertThat(notice.audit()).extracting(a -> a.action() + " " + a.username() + " " + a.at()).containsExactly(
                "calendar-notice-entered office 2026-12-10T02:00:00Z", "calendar-notice-replaced office 2026-12-10T02:01:00Z");
        assertThat(notice.audit().get(1).reason()).contains("放假7天", "放假8天");
        assertThatThrownBy(() -> notice.replace(checked, Actors.SAFETY1, NOW)).isInstanceOf(DomainException.class);
    }

    @Test
    void nextYearsMissingNoticeIsFlaggedFromTheFirstOfNovember() {
        WorkingCalendar shipped = WorkingCalendar.fromClasspath();

        assertThat(CalendarNoticeService.status(shipped, LocalDate.of(2026, 10, 31)).warnings()).isEmpty();
        assertThat(CalendarNoticeService.status(shipped, LocalDate.of(2026, 11, 1)).warnings())
                .extracting(CalendarNoticeService.Warning::code).containsExactly("next-year-calendar-missing");
        assertThat(CalendarNoticeService.status(shipped, LocalDate.of(2026, 11, 1)).warnings().get(0).message())
                .startsWith("尚未录入2027年的放假安排通知");
        assertThat(CalendarNoticeService.status(shipped, LocalDate.of(2027, 3, 1)).warnings())
                .extracting(CalendarNoticeService.Warning::code).containsExactly("current-year-calendar-missing");

        WorkingCalendar with2027 = shipped.withNotice(2027, "test", List.of(new WorkingCalendar.Day(LocalDate.of(2027, 1, 1), "元旦")), List.of());
        CalendarNoticeService.Status status = CalendarNoticeService.status(with2027, LocalDate.of(2026, 12, 10));
        assertThat(status.warnings()).isEmpty();
        assertThat(status.nextYear()).isEqualTo(new CalendarNoticeService.YearStatus(2027, true));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, String>> errors(DomainException e) {
        return (List<Map<String, String>>) e.details().get("errors");
    }
}
