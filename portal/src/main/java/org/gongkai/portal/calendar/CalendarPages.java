package org.gongkai.portal.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.gongkai.portal.api.Api;
import org.gongkai.portal.api.ApiProblem;
import org.gongkai.portal.web.FormErrors;
import org.gongkai.portal.web.Zh;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

/** 办事工具: the working-day deadline calculator and the official calendar of a year. */
@Controller
class CalendarPages {

    public record Deadline(LocalDate start, int workingDays, LocalDate due, boolean confirmed) {
    }

    public record Day(LocalDate date, String name) {
    }

    public record YearView(int year, boolean confirmed, List<Day> holidays, List<Day> makeUpWorkdays) {
    }

    private final Api api;

    CalendarPages(Api api) {
        this.api = api;
    }

    @GetMapping("/portal/deadline")
    String deadline(@RequestParam(required = false) String start, @RequestParam(required = false) String workingDays,
            Model model, HttpServletResponse response) {
        FormErrors errors = FormErrors.none();
        model.addAttribute("start", start == null ? Zh.today().toString() : start);
        model.addAttribute("workingDays", workingDays == null ? "20" : workingDays);
        model.addAttribute("errors", errors);
        if (start == null && workingDays == null) {
            return "calendar/deadline";
        }
        LocalDate from = null;
        Integer days = null;
        try {
            from = LocalDate.parse(start == null ? "" : start.strip());
        } catch (DateTimeParseException e) {
            errors.field("start", "请按“2026-12-01”的格式填写起算日期。");
        }
        try {
            days = Integer.valueOf(workingDays == null ? "" : workingDays.strip());
            if (days < 1 || days > 365) {
                errors.field("workingDays", "工作日数应在1到365之间。");
            }
        } catch (NumberFormatException e) {
            errors.field("workingDays", "请填写1到365之间的整数。");
        }
        if (!errors.any()) {
            try {
                model.addAttribute("result", api.get(Api.Service.PUBLICATION, "/api/public/calendar/deadline?start={s}&workingDays={d}",
                        Deadline.class, from, days));
            } catch (ApiProblem problem) {
                FormErrors translated = FormErrors.of(problem);
                model.addAttribute("errors", translated.any() ? translated : errors.general(FormErrors.message(problem)));
                response.setStatus(422);
            }
        } else {
            response.setStatus(422);
        }
        return "calendar/deadline";
    }

    @GetMapping("/portal/calendar")
    String thisYear() {
        return "redirect:/portal/calendar/" + Zh.today().getYear();
    }

    @GetMapping("/portal/calendar/{year}")
    String year(@PathVariable int year, Model model) {
        if (year < 2000 || year > 2100) {
            throw new ApiProblem(404, "year-not-found", String.valueOf(year), null);
        }
        model.addAttribute("calendar", api.get(Api.Service.PUBLICATION, "/api/public/calendar/{y}", YearView.class, year));
        return "calendar/year";
    }
}
