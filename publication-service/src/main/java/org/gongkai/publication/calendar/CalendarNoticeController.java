package org.gongkai.publication.calendar;

import java.util.List;

import jakarta.validation.constraints.NotNull;

import org.gongkai.support.domain.AuditEntry;
import org.gongkai.support.security.Actor;
import org.gongkai.support.security.CurrentActor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The office's side of the working-day calendar (rules W3, W4): enter a year's holiday notice, preview which open
 * deadlines it would move, and see whether next year's notice is still missing. Entering and previewing are checked
 * in {@link CalendarNotice#requireOffice} so that a wrong role is refused in Chinese like every other mistake here.
 */
@RestController
@RequestMapping("/api/calendar")
class CalendarNoticeController {

    private static final String READERS = "hasAnyRole('disclosure-office', 'admin', 'leader')";

    private final CalendarNoticeService service;

    CalendarNoticeController(CalendarNoticeService service) {
        this.service = service;
    }

    record NoticeRequest(String reference, List<CalendarNotice.DayRange> holidays,
            List<CalendarNotice.DayRange> makeUpWorkdays) {

        CalendarNotice.Input input() {
            return new CalendarNotice.Input(reference, holidays, makeUpWorkdays);
        }
    }

    record NoticeView(int year, String reference, List<CalendarNotice.Day> holidays, List<CalendarNotice.Day> makeUpWorkdays,
            List<AuditEntry> audit) {

        static NoticeView of(CalendarNotice notice) {
            return new NoticeView(notice.year(), notice.reference(), notice.holidays(), notice.makeUpWorkdays(), notice.audit());
        }
    }

    record SavedView(NoticeView notice, int deadlinesChanged) {
    }

    @PutMapping("/notices/{year}")
    SavedView save(@PathVariable int year, @NotNull @RequestBody NoticeRequest request) {
        Actor actor = CurrentActor.get();
        CalendarNoticeService.Saved saved = service.save(year, request.input(), actor);
        return new SavedView(NoticeView.of(saved.notice()), saved.deadlinesChanged());
    }

    @PostMapping("/notices/{year}/preview")
    CalendarNoticeService.Preview preview(@PathVariable int year, @NotNull @RequestBody NoticeRequest request) {
        return service.preview(year, request.input(), CurrentActor.get());
    }

    @GetMapping("/notices")
    @PreAuthorize(READERS)
    List<NoticeView> list() {
        return service.list().stream().map(NoticeView::of).toList();
    }

    @GetMapping("/notices/{year}")
    @PreAuthorize(READERS)
    NoticeView get(@PathVariable int year) {
        return NoticeView.of(service.get(year));
    }

    @GetMapping("/status")
    @PreAuthorize(READERS)
    CalendarNoticeService.Status status() {
        return service.status();
    }
}
