package org.gongkai.publication.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.gongkai.support.domain.Actor;
import org.gongkai.support.domain.DomainException;
import org.gongkai.testsupport.Actors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An administrator adds next year's calendar to the configured directory; a reload picks it up without a release. */
class CalendarHolderTest {

    @Test
    void reloadPicksUpANewYearAndKeepsTheCalendarWhenAFileIsBroken(@TempDir Path dir) throws Exception {
        CalendarHolder holder = new CalendarHolder(dir.toString());
        assertThat(holder.current().covers(2027)).isFalse();
        assertThat(holder.reload()).as("nothing changed yet").isFalse();

        Files.writeString(dir.resolve("2027.txt"), "# 国务院办公厅关于2027年部分节假日安排的通知\nholiday 2027-01-01 元旦\n");
        assertThat(holder.reload()).isTrue();
        assertThat(holder.current().covers(2027)).isTrue();

        Files.writeString(dir.resolve("2028.txt"), "workday 2028-01-03 not a weekend day\n");
        assertThatThrownBy(holder::reload).extracting(e -> ((DomainException) e).type()).isEqualTo("invalid-calendar-file");
        assertThat(holder.current().covers(2027)).as("the calendar in force is kept").isTrue();
    }

    @Test
    void aNoticeEnteredThroughAnotherInstanceReachesThisOneWithinAMinuteWithoutTheWatch() {
        List<CalendarNotice> stored = new ArrayList<>(); // the database both instances read
        java.util.concurrent.atomic.AtomicLong clock = new java.util.concurrent.atomic.AtomicLong();
        CalendarHolder thisInstance = new CalendarHolder("", () -> List.copyOf(stored), clock::get);
        LocalDate makeUpSaturday = LocalDate.of(2031, 10, 11);
        assertThat(thisInstance.current().isWorkingDay(makeUpSaturday)).isFalse();

        Actor office = Actors.OFFICE;
        stored.add(CalendarNotice.enter(CalendarNotice.check(2031, new CalendarNotice.Input("测试通知",
                List.of(new CalendarNotice.DayRange("2031-10-01", "2031-10-07", "国庆节")),
                List.of(new CalendarNotice.DayRange("2031-10-11", "2031-10-11", "国庆节调休"))), LocalDate.of(2030, 12, 1)),
                office, Instant.parse("2030-12-01T02:00:00Z")));
        clock.addAndGet(CalendarHolder.REFRESH.toNanos() - 1);
        assertThat(thisInstance.current().isWorkingDay(makeUpSaturday)).as("within the minute").isFalse();
        clock.addAndGet(2);
        assertThat(thisInstance.current().isWorkingDay(makeUpSaturday)).as("after the minute: the make-up Saturday").isTrue();
    }

    @Test
    void officeNoticesReplaceTheDirectorysYearAndAreReadAgainOnReload(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("2027.txt"), "holiday 2027-01-01 元旦\n");
        List<CalendarNotice> stored = new ArrayList<>();
        CalendarHolder holder = new CalendarHolder(dir.toString(), () -> List.copyOf(stored));
        assertThat(holder.current().isWorkingDay(LocalDate.of(2027, 1, 1))).isFalse();
        assertThat(holder.current().isWorkingDay(LocalDate.of(2027, 10, 1))).as("the file's notice decides").isTrue();

        Actor office = Actors.OFFICE;
        stored.add(CalendarNotice.enter(CalendarNotice.check(2027, new CalendarNotice.Input("测试通知",
                List.of(new CalendarNotice.DayRange("2027-10-01", "2027-10-07", "国庆节")), List.of()), LocalDate.of(2026, 12, 1)),
                office, Instant.parse("2026-12-01T02:00:00Z")));
        assertThat(holder.reload()).isTrue();

        assertThat(holder.current().covers(2027)).isTrue();
        assertThat(holder.current().isWorkingDay(LocalDate.of(2027, 10, 1))).isFalse();
        assertThat(holder.current().isWorkingDay(LocalDate.of(2027, 1, 1))).as("the office's notice replaced the file's year").isTrue();
        assertThat(holder.reload()).as("nothing new").isFalse();
    }
}
