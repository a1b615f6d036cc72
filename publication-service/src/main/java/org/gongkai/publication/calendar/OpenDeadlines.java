package org.gongkai.publication.calendar;

import java.time.Instant;
import java.util.List;

import org.gongkai.calendar.WorkingCalendar;

/**
 * The open publication deadlines a holiday notice may move. The documents implement it (they depend on the calendar
 * already), so the calendar needs nothing from the documents and the two features depend on each other one way only.
 */
public interface OpenDeadlines {

    /** What a candidate calendar would change, worked out on copies just loaded and never saved. */
    List<CalendarNoticeService.DeadlineChange> previewAgainst(WorkingCalendar candidate, Instant now);

    /** Reloads the calendar in force and recomputes, saves and announces every open deadline it changes; how many. */
    int reloadCalendarAndRecompute();
}
