package org.gongkai.publication.calendar;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.gongkai.support.domain.Actor;
import org.gongkai.support.domain.AuditEntry;
import org.gongkai.support.security.AccessRules.OfficeLeadershipOrAdmin;
import org.gongkai.support.security.AccessRules.OfficeOnly;
import org.gongkai.support.web.PageView;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The office's side of the working-day calendar (rules W3, W4): enter a year's holiday notice, preview which open
 * deadlines it would move, and see whether next year's notice is still missing. Entering and previewing are checked
 * in {@link CalendarNotice#requireOffice} so that a wrong role is refused in Chinese like every other mistake here.
 */
@Tag(name = "节假日安排", description = "政务公开办公室录入国务院办公厅每年发布的节假日安排通知（放假日和调休上班日），预览对公开期限的影响，查看下一年度的安排是否已录入。需登录。")
@RestController
@RequestMapping("/api/calendar")
class CalendarNoticeController {

    private final CalendarNoticeService service;

    CalendarNoticeController(CalendarNoticeService service) {
        this.service = service;
    }

    /** The reference's limit is the notice's own rule (checked with the others, 422); stated here for clients. */
    record NoticeRequest(@Schema(maxLength = 200) String reference, List<CalendarNotice.DayRange> holidays,
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

    @Operation(summary = "录入年度节假日安排",
            description = "政务公开办公室录入或更正某一年的节假日安排：通知文号、放假日期和调休上班日期。保存后即生效，重算所有未完成文件的公开期限并发出期限变更消息，返回期限有变化的文件数；留有操作记录。")
    @PutMapping("/notices/{year}")
    @OfficeOnly
    SavedView save(@PathVariable int year, @NotNull @RequestBody NoticeRequest request, @AuthenticationPrincipal Actor actor) {
        CalendarNoticeService.Saved saved = service.save(year, request.input(), actor);
        return new SavedView(NoticeView.of(saved.notice()), saved.deadlinesChanged());
    }

    @Operation(summary = "预览节假日安排的影响",
            description = "在正式录入前预览：按这份节假日安排，哪些未完成文件的公开期限会变、从哪天变到哪天，以及通知中漏列的法定节假日。不保存任何内容。")
    @PostMapping("/notices/{year}/preview")
    @OfficeOnly
    CalendarNoticeService.Preview preview(@PathVariable int year, @NotNull @RequestBody NoticeRequest request,
            @AuthenticationPrincipal Actor actor) {
        return service.preview(year, request.input(), actor);
    }

    @Operation(summary = "查看已录入的节假日安排",
            description = "分页列出已录入的各年度节假日安排及其操作记录，按年份从早到晚。page 从 0 开始，size 最多 100。")
    @GetMapping("/notices")
    @OfficeLeadershipOrAdmin
    PageView<NoticeView> list(@RequestParam(name = "page", defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(name = "size", defaultValue = "20") @Min(1) @Max(100) int size) {
        return PageView.of(service.list(page, size), NoticeView::of);
    }

    @Operation(summary = "查看某年的节假日安排",
            description = "查看某一年已录入的节假日安排：通知文号、放假日期、调休上班日期和操作记录。")
    @GetMapping("/notices/{year}")
    @OfficeLeadershipOrAdmin
    NoticeView get(@PathVariable int year) {
        return NoticeView.of(service.get(year));
    }

    @Operation(summary = "查看工作日历状态",
            description = "查看哪些年份已录入节假日安排、今年和明年的工作日历是否已确认，以及需要处理的提醒（每年 11 月 1 日起，下一年的安排尚未录入时提醒）。未录入的年份按法定节假日推算，期限标为“未确认”。")
    @GetMapping("/status")
    @OfficeLeadershipOrAdmin
    CalendarNoticeService.Status status() {
        return service.status();
    }
}
