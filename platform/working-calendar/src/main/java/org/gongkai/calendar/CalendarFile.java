package org.gongkai.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One parsed {@code <year>.txt}: the days a single holiday notice changes. Parsing is strict because a silently
 * skipped line would shift legal deadlines; every problem names the file and line.
 */
final class CalendarFile {

    enum Kind { HOLIDAY, WORKDAY }

    record Entry(LocalDate date, Kind kind, String name) {
    }

    private final String source;
    private final SortedMap<LocalDate, Entry> entries;

    private CalendarFile(String source, SortedMap<LocalDate, Entry> entries) {
        this.source = source;
        this.entries = Collections.unmodifiableSortedMap(entries);
    }

    /** Where the file came from, for error messages: a classpath resource or a file system path. */
    String source() {
        return source;
    }

    SortedMap<LocalDate, Entry> entries() {
        return entries;
    }

    /**
     * Parses a year's file.
     *
     * @throws IllegalStateException naming {@code source} and the line number when the content is invalid
     */
    static CalendarFile parse(int year, String source, Reader content) throws IOException {
        SortedMap<LocalDate, Entry> entries = new TreeMap<>();
        Map<LocalDate, Integer> lineOf = new HashMap<>();
        boolean anyHoliday = false;
        BufferedReader reader = new BufferedReader(content);
        String raw;
        int lineNumber = 0;
        while ((raw = reader.readLine()) != null) {
            lineNumber++;
            String line = (lineNumber == 1 && raw.startsWith("\uFEFF") ? raw.substring(1) : raw).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+", 3);
            if (parts.length < 3) {
                throw error(source, lineNumber, "expected '<holiday|workday> <yyyy-MM-dd>[..<yyyy-MM-dd>] <name>' but was '"
                        + line + "'");
            }
            Kind kind = switch (parts[0]) {
                case "holiday" -> Kind.HOLIDAY;
                case "workday" -> Kind.WORKDAY;
                default -> throw error(source, lineNumber, "unknown kind '" + parts[0] + "', expected 'holiday' or 'workday'");
            };
            anyHoliday |= kind == Kind.HOLIDAY;
            String name = parts[2].strip();
            String[] range = parts[1].split("\\.\\.", -1);
            if (range.length > 2) {
                throw error(source, lineNumber, "malformed date range '" + parts[1] + "'");
            }
            LocalDate first = date(range[0], source, lineNumber);
            LocalDate last = range.length == 2 ? date(range[1], source, lineNumber) : first;
            if (last.isBefore(first)) {
                throw error(source, lineNumber, "range '" + parts[1] + "' ends before it starts");
            }
            for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
                String problem = add(year, entries, new Entry(day, kind, name));
                if (problem != null) {
                    throw error(source, lineNumber, problem.replace("{line}", String.valueOf(lineOf.get(day))));
                }
                lineOf.put(day, lineNumber);
            }
        }
        if (!anyHoliday) {
            throw new IllegalStateException(source + ": no 'holiday' line; a year's file must list the notice's days off");
        }
        return new CalendarFile(source, entries);
    }

    /**
     * A year's notice given as lists of days rather than as a file (e.g. entered by the disclosure office), checked
     * by the same rules as a file.
     *
     * @throws IllegalStateException naming {@code source} when a day breaks a rule
     */
    static CalendarFile of(int year, String source, java.util.List<Entry> days) {
        SortedMap<LocalDate, Entry> entries = new TreeMap<>();
        for (Entry entry : days) {
            String problem = add(year, entries, entry);
            if (problem != null) {
                throw new IllegalStateException(source + ": " + problem.replace(" (line {line})", "").replace(" (also on line {line})", ""));
            }
        }
        if (entries.values().stream().noneMatch(entry -> entry.kind() == Kind.HOLIDAY)) {
            throw new IllegalStateException(source + ": no holiday; a year's notice must list its days off");
        }
        return new CalendarFile(source, entries);
    }

    /** Adds one day; returns the problem ({@code {line}} standing for the earlier entry's line) or null. */
    private static String add(int year, SortedMap<LocalDate, Entry> entries, Entry entry) {
        LocalDate day = entry.date();
        Kind kind = entry.kind();
        boolean inYear = day.getYear() == year || (day.getYear() == year - 1 && day.getMonthValue() == 12);
        if (!inYear) {
            return day + " is outside " + year + " (a year's file may only list that year and the previous December)";
        }
        if (kind == Kind.WORKDAY && day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
            return "workday " + day + " is a " + day.getDayOfWeek() + "; a make-up working day must be a Saturday or Sunday";
        }
        Entry previous = entries.get(day);
        if (previous != null) {
            return previous.kind() == kind
                    ? day + " is listed twice (also on line {line})"
                    : day + " is listed both as " + previous.kind().name().toLowerCase() + " (line {line}) and as "
                            + kind.name().toLowerCase();
        }
        entries.put(day, entry);
        return null;
    }

    private static LocalDate date(String text, String source, int lineNumber) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw error(source, lineNumber, "invalid date '" + text + "', expected yyyy-MM-dd");
        }
    }

    private static IllegalStateException error(String source, int lineNumber, String problem) {
        return new IllegalStateException(source + ":" + lineNumber + ": " + problem);
    }
}
