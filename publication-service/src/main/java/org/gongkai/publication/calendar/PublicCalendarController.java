package org.gongkai.publication.calendar;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.gongkai.calendar.Deadline;
import org.gongkai.calendar.WorkingCalendar;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The working-day calendar and a deadline calculator, for people and for other services' tests. */
@RestController
@RequestMapping("/api/public/calendar")
class PublicCalendarController {

    private final CalendarHolder calendar;

    PublicCalendarController(CalendarHolder calendar) {
        this.calendar = calendar;
    }

    @GetMapping("/{year}")
    WorkingCalendar.YearView year(@PathVariable @Min(2000) @Max(2100) int year) {
        return calendar.current().year(year);
    }

    record DeadlineView(LocalDate start, int workingDays, LocalDate due, boolean confirmed) {
    }

    @GetMapping("/deadline")
    DeadlineView deadline(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate start,
            @RequestParam(defaultValue = "20") @Min(1) @Max(365) int workingDays) {
        Deadline deadline = calendar.current().addWorkingDays(start, workingDays);
        return new DeadlineView(start, workingDays, deadline.due(), deadline.confirmed());
    }
}
