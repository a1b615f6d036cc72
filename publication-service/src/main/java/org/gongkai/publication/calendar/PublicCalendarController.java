package org.gongkai.publication.calendar;

import org.gongkai.support.web.input.SaneDate;
import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.gongkai.calendar.Deadline;
import org.gongkai.calendar.WorkingCalendar;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The working-day calendar and a deadline calculator, for people and for other services' tests. */
@Tag(name = "工作日历", description = "公开的工作日历和工作日期限计算：按法定节假日和调休安排推算，供公众和各服务使用。无需登录。")
@RestController
@RequestMapping("/api/public/calendar")
class PublicCalendarController {

    private final CalendarHolder calendar;

    PublicCalendarController(CalendarHolder calendar) {
        this.calendar = calendar;
    }

    @Operation(summary = "查看某年的工作日历",
            description = "列出某一年（2000 至 2100 年）的放假日和调休上班日，并说明该年安排是否已按官方通知确认。无需登录。")
    @GetMapping("/{year}")
    WorkingCalendar.YearView year(@PathVariable @Min(2000) @Max(2100) int year) {
        return calendar.current().year(year);
    }

    record DeadlineView(LocalDate start, int workingDays, LocalDate due, boolean confirmed) {
    }

    @Operation(summary = "计算工作日期限",
            description = "从起算日期 start 起数 workingDays 个工作日（默认 20 个，最多 365 个），得出到期日；跳过周末和节假日，调休上班日计入。尚无官方安排的年份按法定节假日推算，结果标为未确认。无需登录。")
    @GetMapping("/deadline")
    DeadlineView deadline(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @SaneDate LocalDate start,
            @RequestParam(defaultValue = "20") @Min(1) @Max(365) int workingDays) {
        Deadline deadline = calendar.current().addWorkingDays(start, workingDays);
        return new DeadlineView(start, workingDays, deadline.due(), deadline.confirmed());
    }
}
