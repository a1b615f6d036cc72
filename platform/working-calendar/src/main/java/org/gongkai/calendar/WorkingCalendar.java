package org.gongkai.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * China's official working days: Monday–Friday, minus the public holidays and plus the make-up working days that the
 * State Council General Office announces each year. Statutory disclosure deadlines are counted in these days, so a
 * plain weekday count would be wrong around every long holiday.
 *
 * <p>Years without a notice fall back to Monday–Friday minus the statutory holidays of 全国年节及纪念日放假办法 (2024
 * revision, from 2025: 元旦, 春节 from 除夕, 清明节, 劳动节, 端午节, 中秋节, 国庆节 — see {@link StatutoryHolidays}), and
 * results touching them are marked unconfirmed rather than refused: a deadline must always be computable, but a caller
 * has to know when it may still move.
 *
 * <p>Instances are immutable and thread-safe; build one at start-up and share it.
 */
public final class WorkingCalendar {

    /** The zone in which a working day starts and ends; convert instants with it before calling date methods. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;
    private static final String RESOURCE_DIR = "calendar/cn/";

    private final SortedMap<Integer, CalendarFile> files;
    private final Map<LocalDate, CalendarFile.Entry> days;
    private final StatutoryHolidays statutory;

    private WorkingCalendar(SortedMap<Integer, CalendarFile> files, StatutoryHolidays statutory) {
        this.statutory = statutory;
        this.files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
        Map<LocalDate, CalendarFile.Entry> merged = new HashMap<>();
        Map<LocalDate, CalendarFile> origin = new HashMap<>();
        for (CalendarFile file : this.files.values()) {
            for (CalendarFile.Entry entry : file.entries().values()) {
                CalendarFile.Entry earlier = merged.putIfAbsent(entry.date(), entry);
                if (earlier == null) {
                    origin.put(entry.date(), file);
                } else if (earlier.kind() != entry.kind()) {
                    throw new ConflictException(entry.date(), origin.get(entry.date()).source(),
                            earlier.kind() == CalendarFile.Kind.WORKDAY, file.source());
                }
            }
        }
        this.days = Map.copyOf(merged);
    }

    /**
     * Loads every {@code calendar/cn/<year>.txt} (years 2000–2100) found on the classpath.
     *
     * @throws IllegalStateException if a file is invalid, naming the file and line
     */
    public static WorkingCalendar fromClasspath() {
        ClassLoader loader = WorkingCalendar.class.getClassLoader();
        SortedMap<Integer, CalendarFile> files = new TreeMap<>();
        for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
            String resource = RESOURCE_DIR + year + ".txt";
            try (InputStream in = loader.getResourceAsStream(resource)) {
                if (in != null) {
                    files.put(year, CalendarFile.parse(year, resource, new InputStreamReader(in, StandardCharsets.UTF_8)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read classpath resource " + resource, e);
            }
        }
        return new WorkingCalendar(files, StatutoryHolidays.all());
    }

    /**
     * Returns a calendar that also reads {@code <year>.txt} files (same format, years 2000–2100) from an
     * administrator's directory, so that next year's notice can be applied without a release. A year found there
     * replaces the same year of this calendar entirely, which also allows correcting shipped data.
     *
     * @throws IllegalArgumentException if {@code dir} is not a directory
     * @throws IllegalStateException    if a file is invalid, naming the file and line
     */
    public WorkingCalendar withDirectory(Path dir) {
        Objects.requireNonNull(dir, "dir");
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("working calendar directory does not exist: " + dir);
        }
        SortedMap<Integer, CalendarFile> merged = new TreeMap<>(files);
        for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
            Path file = dir.resolve(year + ".txt");
            if (Files.isRegularFile(file)) {
                try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    merged.put(year, CalendarFile.parse(year, file.toString(), reader));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + file, e);
                }
            }
        }
        return new WorkingCalendar(merged, statutory);
    }

    /**
     * Returns a calendar in which {@code year} follows the given notice (for example one the disclosure office
     * entered), replacing whatever this calendar had for that year. The days are checked like a file's: dates in
     * {@code year} or its previous December, make-up working days on a Saturday or Sunday, no day twice, at least one
     * holiday.
     *
     * @param source names the notice in error messages
     * @throws IllegalStateException if a day breaks a rule, or {@link ConflictException} if another year's notice
     *                               says the opposite about a day
     */
    public WorkingCalendar withNotice(int year, String source, List<Day> holidays, List<Day> makeUpWorkdays) {
        Objects.requireNonNull(source, "source");
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new IllegalArgumentException("year must be between " + FIRST_YEAR + " and " + LAST_YEAR + " but was " + year);
        }
        List<CalendarFile.Entry> entries = new ArrayList<>();
        holidays.forEach(day -> entries.add(new CalendarFile.Entry(day.date(), CalendarFile.Kind.HOLIDAY, day.name())));
        makeUpWorkdays.forEach(day -> entries.add(new CalendarFile.Entry(day.date(), CalendarFile.Kind.WORKDAY, day.name())));
        SortedMap<Integer, CalendarFile> merged = new TreeMap<>(files);
        merged.put(year, CalendarFile.of(year, source, entries));
        return new WorkingCalendar(merged, statutory);
    }

    /** The same calendar with only some statutory rules, so tests can show that each rule matters. */
    WorkingCalendar withStatutoryRules(java.util.Set<StatutoryHolidays.Rule> rules) {
        return new WorkingCalendar(files, StatutoryHolidays.only(rules));
    }

    /**
     * The statutory days off of {@code year} under the 2024 revision of 全国年节及纪念日放假办法 (empty before 2025),
     * whether or not the year's notice is loaded: a notice must give at least these days off.
     */
    public static List<Day> statutoryHolidays(int year) {
        return StatutoryHolidays.all().days(year);
    }

    /** {@code true} for a make-up working day, {@code false} for a public holiday, otherwise Monday–Friday. */
    public boolean isWorkingDay(LocalDate date) {
        Objects.requireNonNull(date, "date");
        CalendarFile.Entry entry = days.get(date);
        if (entry != null) {
            return entry.kind() == CalendarFile.Kind.WORKDAY;
        }
        if (!covers(date.getYear()) && statutory.of(date.getYear()).containsKey(date)) {
            return false; // no notice yet, but the law grants this day off whatever the notice will say
        }
        return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** Whether the official notice for {@code year} is loaded, i.e. whether dates in it are authoritative. */
    public boolean covers(int year) {
        return files.containsKey(year);
    }

    /** The years with official data, ascending. */
    public SortedSet<Integer> years() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(files.keySet()));
    }

    /**
     * The {@code n}-th working day after {@code start}. The start day itself is never counted, as in Chinese
     * administrative time limits (the day of issuance or receipt is excluded), whether or not it is a working day.
     *
     * @param n at least 1
     * @return the due date, confirmed only if every year from {@code start}'s to the due date's has official data
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public Deadline addWorkingDays(LocalDate start, int n) {
        Objects.requireNonNull(start, "start");
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1 but was " + n);
        }
        LocalDate day = start;
        for (int counted = 0; counted < n; ) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        boolean confirmed = true;
        for (int year = start.getYear(); year <= day.getYear() && confirmed; year++) {
            confirmed = covers(year);
        }
        return new Deadline(day, confirmed);
    }

    /**
     * {@code start} plus {@code hours} calendar hours. Hour-based limits (such as a 48-hour response) run through
     * nights, weekends and holidays alike, so they need no calendar data; this exists to keep both kinds of limit in
     * one place.
     *
     * @throws IllegalArgumentException if {@code hours} is negative
     */
    public static Instant addHours(Instant start, int hours) {
        Objects.requireNonNull(start, "start");
        if (hours < 0) {
            throw new IllegalArgumentException("hours must not be negative but was " + hours);
        }
        return start.plus(Duration.ofHours(hours));
    }

    /**
     * The official days of {@code year} in date order, for publishing the calendar the deadlines were computed with.
     * Days come from whichever loaded notice fixed them (2022-12-31 comes from the 2023 notice). A year without a
     * notice lists its statutory holidays, unconfirmed.
     */
    public YearView year(int year) {
        List<Day> holidays = new ArrayList<>();
        List<Day> makeUpWorkdays = new ArrayList<>();
        days.values().stream()
                .filter(entry -> entry.date().getYear() == year)
                .sorted(Comparator.comparing(CalendarFile.Entry::date))
                .forEach(entry -> (entry.kind() == CalendarFile.Kind.HOLIDAY ? holidays : makeUpWorkdays)
                        .add(new Day(entry.date(), entry.name())));
        if (!covers(year)) {
            statutory.of(year).forEach((date, name) -> {
                if (!days.containsKey(date)) {
                    holidays.add(new Day(date, name));
                }
            });
            holidays.sort(Comparator.comparing(Day::date));
        }
        return new YearView(year, covers(year), holidays, makeUpWorkdays);
    }

    @Override
    public String toString() {
        return "WorkingCalendar" + files.keySet();
    }

    /**
     * Two notices contradict each other about a day (one makes it a holiday, the other a make-up working day).
     *
     * @param date             the day in dispute
     * @param firstSource      the notice loaded first
     * @param workdayInFirst   whether the first notice makes it a working day (the second then makes it a holiday)
     * @param secondSource     the notice that contradicts it
     */
    public static final class ConflictException extends IllegalStateException {

        private final LocalDate date;
        private final String firstSource;
        private final boolean workdayInFirst;
        private final String secondSource;

        ConflictException(LocalDate date, String firstSource, boolean workdayInFirst, String secondSource) {
            super(date + " is a " + (workdayInFirst ? "workday" : "holiday") + " in " + firstSource + " but a "
                    + (workdayInFirst ? "holiday" : "workday") + " in " + secondSource);
            this.date = date;
            this.firstSource = firstSource;
            this.workdayInFirst = workdayInFirst;
            this.secondSource = secondSource;
        }

        public LocalDate date() {
            return date;
        }

        public String firstSource() {
            return firstSource;
        }

        public boolean workdayInFirst() {
            return workdayInFirst;
        }

        public String secondSource() {
            return secondSource;
        }
    }

    /**
     * One year of the calendar as published.
     *
     * @param confirmed      whether the year's official notice is loaded; if not, the holidays are the statutory
     *                       ones (from 2025), no make-up working day is assumed, and the rest is Monday–Friday
     * @param holidays       official days off, including weekend days inside a holiday block
     * @param makeUpWorkdays Saturdays and Sundays that are working days (调休上班日)
     */
    public record YearView(int year, boolean confirmed, List<Day> holidays, List<Day> makeUpWorkdays) {

        public YearView {
            holidays = List.copyOf(holidays);
            makeUpWorkdays = List.copyOf(makeUpWorkdays);
        }
    }

    /** A dated entry of the calendar, named as in the notice (for example 春节 or 春节调休). */
    public record Day(LocalDate date, String name) {

        public Day {
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(name, "name");
        }
    }
}
