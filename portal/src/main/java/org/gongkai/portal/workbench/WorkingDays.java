package org.gongkai.portal.workbench;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.gongkai.portal.api.Api;
import org.gongkai.portal.web.Zh;
import org.springframework.stereotype.Component;

/**
 * Working days left until a deadline, counted on the official calendar that publication-service publishes
 * (holidays and make-up workdays), so the desks show the same clock the service enforces.
 */
@Component
public class WorkingDays {

    record Day(LocalDate date, String name) {
    }

    record YearView(int year, boolean confirmed, java.util.List<Day> holidays, java.util.List<Day> makeUpWorkdays) {
    }

    private final Api api;
    private final Map<Integer, YearView> years = new java.util.concurrent.ConcurrentHashMap<>();

    WorkingDays(Api api) {
        this.api = api;
    }

    /** Working days after today up to and including {@code due}; negative when the due day has passed. */
    public long left(LocalDate due) {
        if (due == null) {
            return 0;
        }
        LocalDate today = Zh.today();
        if (due.isBefore(today)) {
            return -count(due, today);
        }
        return count(today, due);
    }

    /** Working days in (from, to]. */
    private long count(LocalDate from, LocalDate to) {
        Map<Integer, Set<LocalDate>[]> cache = new HashMap<>();
        long n = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            @SuppressWarnings("unchecked")
            Set<LocalDate>[] sets = cache.computeIfAbsent(d.getYear(), y -> {
                YearView v = year(y);
                Set<LocalDate> off = new HashSet<>();
                Set<LocalDate> on = new HashSet<>();
                v.holidays().forEach(h -> off.add(h.date()));
                v.makeUpWorkdays().forEach(m -> on.add(m.date()));
                return new Set[] {off, on};
            });
            boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
            if (sets[1].contains(d) || (!weekend && !sets[0].contains(d))) {
                n++;
            }
        }
        return n;
    }

    private YearView year(int year) {
        YearView cached = years.get(year);
        if (cached != null) {
            return cached;
        }
        YearView fresh = api.get(Api.Service.PUBLICATION, "/api/public/calendar/{y}", YearView.class, year);
        if (fresh.confirmed()) {
            years.put(year, fresh); // an unconfirmed year may be added later by an administrator
        }
        return fresh;
    }
}
