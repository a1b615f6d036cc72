package org.gongkai.publication.calendar;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import org.gongkai.calendar.WorkingCalendar;

/**
 * The calendar in force. An administrator drops next year's file into the configured directory; a reload picks it
 * up without a release, and the caller recomputes open deadlines when the loaded years changed.
 */
public class CalendarHolder {

    private final String directory;
    private final AtomicReference<WorkingCalendar> current;

    public CalendarHolder(String directory) {
        this.directory = directory == null ? "" : directory;
        this.current = new AtomicReference<>(load());
    }

    public WorkingCalendar current() {
        return current.get();
    }

    /** Loads the calendar again; returns true when it differs from the one in force. */
    public boolean reload() {
        WorkingCalendar fresh;
        try {
            fresh = load();
        } catch (RuntimeException invalidFile) {
            // an administrator's broken file must not stop deadlines: keep the calendar in force and say why
            throw org.gongkai.support.domain.DomainException.invalid("invalid-calendar-file",
                    "The calendar data could not be loaded; the calendar in force is kept: " + invalidFile.getMessage());
        }
        WorkingCalendar previous = current.getAndSet(fresh);
        if (!fresh.years().equals(previous.years())) {
            return true;
        }
        return fresh.years().stream().anyMatch(year -> !fresh.year(year).equals(previous.year(year)));
    }

    private WorkingCalendar load() {
        WorkingCalendar calendar = WorkingCalendar.fromClasspath();
        return directory.isBlank() || !Files.isDirectory(Path.of(directory)) ? calendar : calendar.withDirectory(Path.of(directory));
    }
}
