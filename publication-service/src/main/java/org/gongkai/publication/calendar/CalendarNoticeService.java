package org.gongkai.publication.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.gongkai.calendar.WorkingCalendar;
import org.gongkai.support.domain.DomainException;
import org.gongkai.support.domain.Actor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

/**
 * The disclosure office keeps the working-day calendar current (rule W3): it previews what a year's notice would
 * move, enters it, and the open deadlines are recomputed and announced; from 1 November it is told when next year's
 * notice is still missing (rule W4).
 */
@Service
public class CalendarNoticeService {

    /** From this month on, a missing notice for next year is flagged to the office. */
    static final int FLAG_FROM_MONTH = 11;

    private final CalendarNoticeRepository notices;
    private final CalendarHolder calendar;
    private final OpenDeadlines documents;
    private final CalendarGapAlertRepository gapAlerts;
    private final Clock clock;

    CalendarNoticeService(CalendarNoticeRepository notices, CalendarHolder calendar, OpenDeadlines documents,
            CalendarGapAlertRepository gapAlerts, Clock clock) {
        this.notices = notices;
        this.calendar = calendar;
        this.documents = documents;
        this.gapAlerts = gapAlerts;
        this.clock = clock;
    }

    /**
     * Rule W4 reaching people: each warning of {@link #status()} is announced once (per year and kind) as
     * {@code CalendarNoticeMissing}, which reporting turns into a notification for the office. Returns how many are new.
     */
    public int announceGaps() {
        Status status = status();
        int announced = 0;
        for (Warning warning : status.warnings()) {
            int year = warning.code().startsWith("next-") ? status.nextYear().year() : status.currentYear().year();
            try {
                gapAlerts.insert(CalendarGapAlert.of(year, warning, status.today(), Instant.now(clock)));
                announced++;
            } catch (DuplicateKeyException alreadyAnnounced) {
                // announced before, by this or another instance
            }
        }
        return announced;
    }

    /** An open deadline that the notice would change. */
    public record DeadlineChange(String documentId, String documentNumber, String section, LocalDate publicationDueOn,
            boolean publicationDueOnConfirmed, LocalDate newPublicationDueOn, boolean newPublicationDueOnConfirmed,
            boolean dateMoves) {
    }

    /**
     * What saving the notice would do, without doing it.
     *
     * @param changes              open deadlines whose date or confirmation would change
     * @param statutoryDaysMissing statutory holidays of the year that the notice does not list as days off — a
     *                             notice always grants them, so these usually mean a typing mistake
     */
    public record Preview(int year, String reference, int holidays, int makeUpWorkdays, List<DeadlineChange> changes,
            List<WorkingCalendar.Day> statutoryDaysMissing) {
    }

    /** The stored notice and how many open deadlines changed when it was saved. */
    public record Saved(CalendarNotice notice, int deadlinesChanged) {
    }

    public Preview preview(int year, CalendarNotice.Input input, Actor actor) {
        CalendarNotice.requireOffice(actor);
        CalendarNotice.Checked checked = CalendarNotice.check(year, input, today());
        WorkingCalendar candidate = candidate(checked);
        Instant now = Instant.now(clock);
        List<DeadlineChange> changes = documents.previewAgainst(candidate, now);
        Set<LocalDate> off = checked.holidays().stream().map(CalendarNotice.Day::date).collect(Collectors.toSet());
        List<WorkingCalendar.Day> missing = WorkingCalendar.statutoryHolidays(year).stream()
                .filter(day -> !off.contains(day.date())).toList();
        return new Preview(year, checked.reference(), checked.holidays().size(), checked.makeUpWorkdays().size(), changes, missing);
    }

    /** Stores the notice (entered or replaced, audited), puts it in force and recomputes and announces open deadlines. */
    public Saved save(int year, CalendarNotice.Input input, Actor actor) {
        CalendarNotice.requireOffice(actor);
        CalendarNotice.Checked checked = CalendarNotice.check(year, input, today());
        candidate(checked);
        Instant now = Instant.now(clock);
        CalendarNotice notice = notices.findById(String.valueOf(year))
                .map(existing -> {
                    existing.replace(checked, actor, now);
                    return existing;
                })
                .orElseGet(() -> CalendarNotice.enter(checked, actor, now));
        CalendarNotice stored = notices.save(notice);
        int changed = documents.reloadCalendarAndRecompute();
        return new Saved(stored, changed);
    }

    /** One page of the notices by year (the year is the id), paged in the database. */
    public Page<CalendarNotice> list(int page, int size) {
        return notices.findAll(PageRequest.of(page, size, Sort.by("year")));
    }

    public CalendarNotice get(int year) {
        return notices.findById(String.valueOf(year)).orElseThrow(() -> DomainException.notFound("calendar-notice-not-found",
                "政务公开办尚未录入" + year + "年的放假安排通知。"));
    }

    /** The calendar's state for the office, with a warning when a year in use or next year has no notice. */
    public record Status(LocalDate today, List<Integer> yearsWithNotice, YearStatus currentYear, YearStatus nextYear,
            List<Warning> warnings) {
    }

    public record YearStatus(int year, boolean confirmed) {
    }

    public record Warning(String code, String message) {
    }

    public Status status() {
        return status(calendar.current(), today());
    }

    /** Rule W4: the year in use always needs its notice; next year's is flagged as missing from 1 November. */
    static Status status(WorkingCalendar current, LocalDate today) {
        int thisYear = today.getYear();
        int nextYear = thisYear + 1;
        List<Warning> warnings = new ArrayList<>();
        if (!current.covers(thisYear)) {
            warnings.add(new Warning("current-year-calendar-missing", "尚未录入" + thisYear + "年的放假安排通知："
                    + thisYear + "年的期限暂按法定节假日推算（不含调休），均为未确认期限。请尽快录入国务院办公厅的通知。"));
        }
        if (today.getMonthValue() >= FLAG_FROM_MONTH && !current.covers(nextYear)) {
            warnings.add(new Warning("next-year-calendar-missing", "尚未录入" + nextYear + "年的放假安排通知："
                    + "跨入" + nextYear + "年的期限暂按法定节假日推算（不含调休），均为未确认期限。国务院办公厅通常在11月发布通知，发布后请及时录入。"));
        }
        return new Status(today, List.copyOf(current.years()), new YearStatus(thisYear, current.covers(thisYear)),
                new YearStatus(nextYear, current.covers(nextYear)), warnings);
    }

    private WorkingCalendar candidate(CalendarNotice.Checked checked) {
        String source = "本次录入的" + checked.year() + "年通知";
        try {
            return calendar.with(checked, source);
        } catch (WorkingCalendar.ConflictException e) {
            String kindInFirst = e.workdayInFirst() ? "调休上班日" : "放假日";
            String kindInSecond = e.workdayInFirst() ? "放假日" : "调休上班日";
            throw DomainException.invalid("calendar-notice-conflict", e.date() + " 在“" + e.firstSource() + "”中是" + kindInFirst
                    + "，在“" + e.secondSource() + "”中却是" + kindInSecond + "；两份通知互相矛盾，未作任何更改。")
                    .with("date", e.date().toString());
        } catch (IllegalStateException | IllegalArgumentException e) {
            // the checks above mirror the calendar's own; reaching this means they drifted apart
            throw DomainException.invalid("invalid-calendar-notice", checked.year() + "年放假安排通知有误，未作任何更改："
                    + e.getMessage());
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(WorkingCalendar.CHINA));
    }
}
