package org.gongkai.publication.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.gongkai.support.domain.DomainException;
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
}
