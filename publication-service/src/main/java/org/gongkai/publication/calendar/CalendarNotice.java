package org.gongkai.publication.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gongkai.calendar.WorkingCalendar;
import org.gongkai.support.domain.AuditEntry;
import org.gongkai.support.domain.DomainException;
import org.gongkai.support.domain.Actor;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A year's State Council holiday notice (国务院办公厅关于XXXX年部分节假日安排的通知) as the disclosure office entered it
 * (rule W3): its days off and make-up working days. It replaces whatever the shipped data or the calendar directory
 * says about that year, and every entry or correction is audited in it.
 */
@Document("calendar_notices")
public class CalendarNotice {

    /** The first year with shipped data; a notice may correct it or any later year up to next year. */
    static final int FIRST_YEAR = 2020;
    static final int MAX_RANGE_DAYS = 31;

    /** One dated day of a notice. */
    public record Day(LocalDate date, String name) {
    }

    /** A run of days as the office types it: {@code to} may be omitted for a single day. Dates are text so a typo is
     * answered in words, not with a parser's message. */
    public record DayRange(String from, String to, String name) {
    }

    /** What the office submits for a year. */
    public record Input(String reference, List<DayRange> holidays, List<DayRange> makeUpWorkdays) {
    }

    @Id
    private final String id;
    private final int year;
    private String reference;
    private List<Day> holidays;
    private List<Day> makeUpWorkdays;
    private final List<AuditEntry> audit;
    @Version
    private Long version;

    @PersistenceCreator
    CalendarNotice(String id, int year, String reference, List<Day> holidays, List<Day> makeUpWorkdays,
            List<AuditEntry> audit, Long version) {
        this.id = id;
        this.year = year;
        this.reference = reference;
        this.holidays = holidays == null ? new ArrayList<>() : new ArrayList<>(holidays);
        this.makeUpWorkdays = makeUpWorkdays == null ? new ArrayList<>() : new ArrayList<>(makeUpWorkdays);
        this.audit = audit == null ? new ArrayList<>() : new ArrayList<>(audit);
        this.version = version;
    }

    /** A checked notice not yet stored: the office's input turned into days, or the reasons it cannot be. */
    public record Checked(int year, String reference, List<Day> holidays, List<Day> makeUpWorkdays) {

        List<WorkingCalendar.Day> holidayDays() {
            return holidays.stream().map(d -> new WorkingCalendar.Day(d.date(), d.name())).toList();
        }

        List<WorkingCalendar.Day> makeUpDays() {
            return makeUpWorkdays.stream().map(d -> new WorkingCalendar.Day(d.date(), d.name())).toList();
        }
    }

    /** Only the disclosure office enters holiday notices. */
    static void requireOffice(Actor actor) {
        if (!actor.hasRole(Actor.DISCLOSURE_OFFICE)) {
            throw DomainException.forbidden("calendar-notice-office-only", "只有政务公开办可以录入或预览放假安排通知。");
        }
    }

    /**
     * Checks the office's input for {@code year}: every date well-formed and inside the year (or its previous
     * December), make-up working days on a Saturday or Sunday, no day listed twice or as both kinds, at least one
     * holiday. Reports every problem at once, in Chinese, naming the field.
     *
     * @param today the current date in China, which bounds the year (at most next year)
     */
    static Checked check(int year, Input input, LocalDate today) {
        int lastYear = today.getYear() + 1;
        if (year < FIRST_YEAR || year > lastYear) {
            throw DomainException.invalid("calendar-notice-year",
                    "年份须在" + FIRST_YEAR + "年至" + lastYear + "年之间，" + year + "年的通知不能录入。");
        }
        List<Map<String, String>> errors = new ArrayList<>();
        String reference = input.reference() == null ? "" : input.reference().strip();
        if (reference.isEmpty()) {
            errors.add(error("reference", "请填写通知的名称或文号，例如“国办发明电〔2026〕7号”。"));
        } else if (reference.length() > 200) {
            errors.add(error("reference", "通知名称或文号不能超过200个字。"));
        }
        Map<LocalDate, String> kindOf = new LinkedHashMap<>();
        List<Day> holidays = days(year, "holidays", false, input.holidays(), kindOf, errors);
        List<Day> makeUpWorkdays = days(year, "makeUpWorkdays", true, input.makeUpWorkdays(), kindOf, errors);
        if (holidays.isEmpty() && errors.stream().noneMatch(e -> e.get("field").startsWith("holidays"))) {
            errors.add(error("holidays", "通知至少要列出一个放假日。"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid("invalid-calendar-notice",
                    year + "年放假安排通知有误，未作任何更改：" + errors.get(0).get("message")
                            + (errors.size() > 1 ? "（共" + errors.size() + "处问题，见 errors）" : ""))
                    .with("errors", errors);
        }
        return new Checked(year, reference, holidays, makeUpWorkdays);
    }

    private static List<Day> days(int year, String field, boolean makeUp, List<DayRange> ranges, Map<LocalDate, String> kindOf,
            List<Map<String, String>> errors) {
        String label = makeUp ? "调休上班日" : "放假日";
        List<Day> days = new ArrayList<>();
        if (ranges == null) {
            return days;
        }
        for (int i = 0; i < ranges.size(); i++) {
            String at = field + "[" + i + "]";
            DayRange range = ranges.get(i);
            if (range == null) {
                errors.add(error(at, "第" + (i + 1) + "项为空。"));
                continue;
            }
            String name = range.name() == null ? "" : range.name().strip();
            if (name.isEmpty() || name.length() > 50) {
                errors.add(error(at + ".name", "请填写节日名称（不超过50个字），例如“春节”或“春节调休”。"));
            }
            LocalDate from = date(range.from(), at + ".from", errors);
            LocalDate to = range.to() == null || range.to().isBlank() ? from : date(range.to(), at + ".to", errors);
            if (from == null || to == null) {
                continue;
            }
            if (to.isBefore(from)) {
                errors.add(error(at + ".to", "结束日期 " + to + " 早于开始日期 " + from + "。"));
                continue;
            }
            if (to.toEpochDay() - from.toEpochDay() >= MAX_RANGE_DAYS) {
                errors.add(error(at + ".to", "一段" + label + "不能超过" + MAX_RANGE_DAYS + "天。"));
                continue;
            }
            for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                boolean inYear = day.getYear() == year || (day.getYear() == year - 1 && day.getMonthValue() == 12);
                if (!inYear) {
                    errors.add(error(at, day + " 不在" + year + "年内（" + year + "年的通知只能列出该年及上一年12月的日期）。"));
                    continue;
                }
                if (makeUp && day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                    errors.add(error(at, "调休上班日 " + day + " 是" + weekday(day.getDayOfWeek()) + "；调休上班日只能是周六或周日。"));
                    continue;
                }
                String earlier = kindOf.putIfAbsent(day, label);
                if (earlier != null) {
                    errors.add(error(at, earlier.equals(label) ? day + " 重复列出。"
                            : day + " 既列为" + earlier + "又列为" + label + "，一天只能是其中一种。"));
                    continue;
                }
                days.add(new Day(day, name));
            }
        }
        return days;
    }

    private static LocalDate date(String text, String field, List<Map<String, String>> errors) {
        if (text == null || text.isBlank()) {
            errors.add(error(field, "请填写日期，格式为 yyyy-MM-dd。"));
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.add(error(field, "“" + text + "”不是有效日期，格式应为 yyyy-MM-dd，例如 2027-02-05。"));
            return null;
        }
    }

    private static String weekday(DayOfWeek day) {
        return switch (day) {
            case MONDAY -> "星期一";
            case TUESDAY -> "星期二";
            case WEDNESDAY -> "星期三";
            case THURSDAY -> "星期四";
            case FRIDAY -> "星期五";
            case SATURDAY -> "星期六";
            case SUNDAY -> "星期日";
        };
    }

    private static Map<String, String> error(String field, String message) {
        return Map.of("field", field, "message", message);
    }

    /** A first notice for a year. */
    static CalendarNotice enter(Checked checked, Actor actor, Instant now) {
        requireOffice(actor);
        CalendarNotice notice = new CalendarNotice(String.valueOf(checked.year()), checked.year(), checked.reference(),
                checked.holidays(), checked.makeUpWorkdays(), List.of(), null);
        notice.audit.add(AuditEntry.of(actor, now, "calendar-notice-entered", notice.summary()));
        return notice;
    }

    /** A correction or a newer notice for the same year replaces the days; the earlier entry stays in the audit. */
    void replace(Checked checked, Actor actor, Instant now) {
        requireOffice(actor);
        if (checked.year() != year) {
            throw new IllegalArgumentException("notice of " + year + " cannot take days of " + checked.year());
        }
        String before = summary();
        reference = checked.reference();
        holidays = new ArrayList<>(checked.holidays());
        makeUpWorkdays = new ArrayList<>(checked.makeUpWorkdays());
        audit.add(AuditEntry.of(actor, now, "calendar-notice-replaced", before + " → " + summary()));
    }

    /** How error messages and the calendar name this notice. */
    String source() {
        return "政务公开办录入的" + year + "年通知（" + reference + "）";
    }

    Checked checked() {
        return new Checked(year, reference, holidays, makeUpWorkdays);
    }

    private String summary() {
        return reference + "：放假" + holidays.size() + "天，调休上班" + makeUpWorkdays.size() + "天";
    }

    public String id() { return id; }
    public int year() { return year; }
    public String reference() { return reference; }
    public List<Day> holidays() { return List.copyOf(holidays); }
    public List<Day> makeUpWorkdays() { return List.copyOf(makeUpWorkdays); }
    public List<AuditEntry> audit() { return List.copyOf(audit); }
}
