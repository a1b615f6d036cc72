package org.gongkai.publication.calendar;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.gongkai.calendar.WorkingCalendar;
import org.gongkai.support.domain.DomainException;

/**
 * The calendar in force: the years shipped on the classpath, then the {@code <year>.txt} files of the configured
 * directory, then the notices the disclosure office entered (each later source replaces a year of an earlier one).
 * A reload picks up new files and notices without a release, and the caller recomputes open deadlines when the
 * calendar changed. Every instance also reloads on its own when its calendar is older than {@link #REFRESH}: the
 * watch that reloads runs in one instance only (it is locked), and a notice the office entered through another
 * instance must reach this one's deadlines too.
 */
public class CalendarHolder {

    static final java.time.Duration REFRESH = java.time.Duration.ofMinutes(1);

    private final String directory;
    private final Supplier<List<CalendarNotice>> notices;
    private final AtomicReference<WorkingCalendar> current;
    private final java.util.function.LongSupplier nanoTime;
    private volatile long loadedAtNanos;

    public CalendarHolder(String directory) {
        this(directory, List::of);
    }

    CalendarHolder(String directory, Supplier<List<CalendarNotice>> notices) {
        this(directory, notices, System::nanoTime);
    }

    CalendarHolder(String directory, Supplier<List<CalendarNotice>> notices, java.util.function.LongSupplier nanoTime) {
        this.directory = directory == null ? "" : directory;
        this.notices = notices;
        this.nanoTime = nanoTime;
        this.current = new AtomicReference<>(load());
        this.loadedAtNanos = nanoTime.getAsLong();
    }

    public WorkingCalendar current() {
        if (nanoTime.getAsLong() - loadedAtNanos > REFRESH.toNanos()) {
            try {
                reload();
            } catch (RuntimeException keepTheCalendarInForce) {
                // a broken file or an unreachable database: deadlines go on with the calendar in force, tried again later
                loadedAtNanos = nanoTime.getAsLong();
            }
        }
        return current.get();
    }

    /** Loads the calendar again; returns true when it differs from the one in force. */
    public boolean reload() {
        WorkingCalendar fresh;
        try {
            fresh = load();
        } catch (RuntimeException invalidFile) {
            // an administrator's broken file must not stop deadlines: keep the calendar in force and say why
            throw DomainException.invalid("invalid-calendar-file",
                    "日历数据无法加载，继续使用现行日历：" + invalidFile.getMessage());
        }
        loadedAtNanos = nanoTime.getAsLong();
        WorkingCalendar previous = current.getAndSet(fresh);
        if (!fresh.years().equals(previous.years())) {
            return true;
        }
        return fresh.years().stream().anyMatch(year -> !fresh.year(year).equals(previous.year(year)));
    }

    /** The calendar in force with {@code notice} applied to its year, for checking and previewing a notice. */
    WorkingCalendar with(CalendarNotice.Checked notice, String source) {
        return current().withNotice(notice.year(), source, notice.holidayDays(), notice.makeUpDays());
    }

    /** Whether the configured directory exists (an unset or missing directory is reported, not fatal). */
    boolean directoryConfigured() {
        return !directory.isBlank() && Files.isDirectory(Path.of(directory));
    }

    private WorkingCalendar load() {
        WorkingCalendar calendar = WorkingCalendar.fromClasspath();
        if (directoryConfigured()) {
            calendar = calendar.withDirectory(Path.of(directory));
        }
        for (CalendarNotice notice : notices.get().stream().sorted(Comparator.comparingInt(CalendarNotice::year)).toList()) {
            CalendarNotice.Checked days = notice.checked();
            calendar = calendar.withNotice(days.year(), notice.source(), days.holidayDays(), days.makeUpDays());
        }
        return calendar;
    }
}
