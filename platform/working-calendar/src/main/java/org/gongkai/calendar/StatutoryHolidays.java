package org.gongkai.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import com.ibm.icu.impl.CalendarAstronomer;
import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.ChineseCalendar;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;

/**
 * The days off that 全国年节及纪念日放假办法 (as revised on 2024-11-10, in force from 2025) grants every citizen,
 * whatever the yearly State Council notice later adds or swaps (rule W2 in {@code docs/rules.md}):
 *
 * <ul>
 * <li>元旦 1 day, 1 January;</li>
 * <li>春节 4 days, 除夕 (the last day of the lunar year) to 正月初三;</li>
 * <li>清明节 1 day, the day of the 清明 solar term (the Sun at ecliptic longitude 15°);</li>
 * <li>劳动节 2 days, 1–2 May;</li>
 * <li>端午节 1 day, 五月初五;</li>
 * <li>中秋节 1 day, 八月十五;</li>
 * <li>国庆节 3 days, 1–3 October.</li>
 * </ul>
 *
 * Only these days are produced: no make-up working day (调休上班日) and no substitute day off (补假) is invented,
 * because the law does not fix on which days they fall; a year computed from them stays unconfirmed.
 *
 * <p>Lunar dates: ICU4J's {@link ChineseCalendar} decides which new moon starts 正月, 五月 and 八月 (the structure
 * of the lunisolar year, leap months included). Its own new-moon instants are only accurate to some minutes, which
 * puts 正月初一 2027 (new moon at 23:56 Beijing time on 6 February) and 2030 (00:07 on 3 February) on the wrong day,
 * so the day itself is taken from the new moon computed with the full periodic terms of Meeus, <i>Astronomical
 * Algorithms</i> (2nd ed., ch. 49, accurate to well under a minute), converted to Beijing time (UTC+8), which is what
 * the official Chinese calendar (GB/T 33661-2017) uses.
 */
final class StatutoryHolidays {

    /** The first year the 2024 revision governs; earlier years without data fall back to weekends only. */
    static final int FIRST_YEAR = 2025;
    static final int LAST_YEAR = WorkingCalendar.LAST_YEAR;

    /** The holidays of the 2024 revision, one rule each. */
    enum Rule {
        NEW_YEAR("元旦"),
        SPRING_FESTIVAL("春节"),
        QINGMING("清明节"),
        LABOUR_DAY("劳动节"),
        DRAGON_BOAT("端午节"),
        MID_AUTUMN("中秋节"),
        NATIONAL_DAY("国庆节");

        final String label;

        Rule(String label) {
            this.label = label;
        }

        List<LocalDate> days(int year) {
            return switch (this) {
                case NEW_YEAR -> List.of(LocalDate.of(year, 1, 1));
                case SPRING_FESTIVAL -> {
                    LocalDate eve = lunarNewMoonDay(year, 1).minusDays(1);
                    yield List.of(eve, eve.plusDays(1), eve.plusDays(2), eve.plusDays(3));
                }
                case QINGMING -> List.of(qingming(year));
                case LABOUR_DAY -> List.of(LocalDate.of(year, 5, 1), LocalDate.of(year, 5, 2));
                case DRAGON_BOAT -> List.of(lunarNewMoonDay(year, 5).plusDays(4));
                case MID_AUTUMN -> List.of(lunarNewMoonDay(year, 8).plusDays(14));
                case NATIONAL_DAY -> List.of(LocalDate.of(year, 10, 1), LocalDate.of(year, 10, 2), LocalDate.of(year, 10, 3));
            };
        }
    }

    private static final java.time.ZoneId BEIJING = WorkingCalendar.CHINA;
    private static final Map<Integer, SortedMap<LocalDate, String>> CACHE = new ConcurrentHashMap<>();

    private final Set<Rule> rules;

    private StatutoryHolidays(Set<Rule> rules) {
        this.rules = rules.isEmpty() ? EnumSet.noneOf(Rule.class) : EnumSet.copyOf(rules);
    }

    /** Every rule of the 2024 revision. */
    static StatutoryHolidays all() {
        return new StatutoryHolidays(EnumSet.allOf(Rule.class));
    }

    /** Only the given rules: for tests proving that each rule matters. */
    static StatutoryHolidays only(Set<Rule> rules) {
        return new StatutoryHolidays(rules);
    }

    /** The statutory days off of {@code year} with their names, empty for years the 2024 revision does not govern. */
    SortedMap<LocalDate, String> of(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            return Collections.emptySortedMap();
        }
        SortedMap<LocalDate, String> all = CACHE.computeIfAbsent(year, StatutoryHolidays::compute);
        if (rules.size() == Rule.values().length) {
            return all;
        }
        SortedMap<LocalDate, String> some = new TreeMap<>();
        for (Rule rule : rules) {
            rule.days(year).forEach(day -> some.put(day, rule.label));
        }
        return Collections.unmodifiableSortedMap(some);
    }

    private static SortedMap<LocalDate, String> compute(int year) {
        SortedMap<LocalDate, String> days = new TreeMap<>();
        for (Rule rule : Rule.values()) {
            rule.days(year).forEach(day -> days.put(day, rule.label));
        }
        return Collections.unmodifiableSortedMap(days);
    }

    /**
     * The Gregorian date of the first day of lunar {@code month} (not a leap month) in the lunar year whose 正月初一
     * falls in Gregorian {@code year}.
     */
    static LocalDate lunarNewMoonDay(int year, int month) {
        ChineseCalendar chinese = new ChineseCalendar(TimeZone.getTimeZone("Asia/Shanghai"), ULocale.ROOT);
        // 1 March always lies in the lunar year that began in the same Gregorian year (正月初一 is 21 Jan – 20 Feb)
        chinese.setTimeInMillis(LocalDate.of(year, 3, 1).atTime(12, 0).atZone(BEIJING).toInstant().toEpochMilli());
        int era = chinese.get(Calendar.ERA);
        int lunarYear = chinese.get(Calendar.YEAR);
        chinese.clear();
        chinese.set(Calendar.ERA, era);
        chinese.set(Calendar.YEAR, lunarYear);
        chinese.set(Calendar.MONTH, month - 1);
        chinese.set(ChineseCalendar.IS_LEAP_MONTH, 0);
        chinese.set(Calendar.DAY_OF_MONTH, 1);
        LocalDate approximate = LocalDate.ofEpochDay(chinese.get(Calendar.JULIAN_DAY) - 2_440_588L);
        LocalDate precise = NewMoon.nearest(approximate).atZone(BEIJING).toLocalDate();
        if (Math.abs(precise.toEpochDay() - approximate.toEpochDay()) > 1) {
            throw new IllegalStateException("lunar month " + month + " of " + year + ": ICU4J says " + approximate
                    + " but the new moon falls on " + precise);
        }
        return precise;
    }

    /** The Beijing date of the 清明 solar term: the Sun reaches ecliptic longitude 15° (ICU4J's astronomer). */
    static LocalDate qingming(int year) {
        long from = LocalDate.of(year, 3, 1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        long at = new CalendarAstronomer(from).getSunTime(Math.toRadians(15), true);
        return Instant.ofEpochMilli(at).atZone(BEIJING).toLocalDate();
    }

    /** New moons after Meeus, Astronomical Algorithms, chapter 49 (all periodic and planetary terms). */
    static final class NewMoon {

        private NewMoon() {
        }

        /** The new moon closest to noon (Beijing time) of {@code day}. */
        static Instant nearest(LocalDate day) {
            double year = day.getYear() + (day.getDayOfYear() - 0.5) / day.lengthOfYear();
            long k = Math.round((year - 2000) * 12.3685);
            Instant noon = day.atTime(12, 0).atZone(BEIJING).toInstant();
            Instant best = null;
            for (long candidate = k - 1; candidate <= k + 1; candidate++) {
                Instant instant = instant(candidate);
                if (best == null || Math.abs(instant.getEpochSecond() - noon.getEpochSecond())
                        < Math.abs(best.getEpochSecond() - noon.getEpochSecond())) {
                    best = instant;
                }
            }
            return best;
        }

        /** The instant (UT) of new moon number {@code k} (k = 0 on 2000-01-06). */
        static Instant instant(long k) {
            double t = k / 1236.85;
            double jde = 2451550.09766 + 29.530588861 * k + 0.00015437 * t * t - 0.000000150 * t * t * t
                    + 0.00000000073 * t * t * t * t;
            double e = 1 - 0.002516 * t - 0.0000074 * t * t;
            double m = rad(2.5534 + 29.10535670 * k - 0.0000014 * t * t - 0.00000011 * t * t * t);
            double mp = rad(201.5643 + 385.81693528 * k + 0.0107582 * t * t + 0.00001238 * t * t * t
                    - 0.000000058 * t * t * t * t);
            double f = rad(160.7108 + 390.67050284 * k - 0.0016118 * t * t - 0.00000227 * t * t * t
                    + 0.000000011 * t * t * t * t);
            double omega = rad(124.7746 - 1.56375588 * k + 0.0020672 * t * t + 0.00000215 * t * t * t);
            double c = -0.40720 * Math.sin(mp)
                    + 0.17241 * e * Math.sin(m)
                    + 0.01608 * Math.sin(2 * mp)
                    + 0.01039 * Math.sin(2 * f)
                    + 0.00739 * e * Math.sin(mp - m)
                    - 0.00514 * e * Math.sin(mp + m)
                    + 0.00208 * e * e * Math.sin(2 * m)
                    - 0.00111 * Math.sin(mp - 2 * f)
                    - 0.00057 * Math.sin(mp + 2 * f)
                    + 0.00056 * e * Math.sin(2 * mp + m)
                    - 0.00042 * Math.sin(3 * mp)
                    + 0.00042 * e * Math.sin(m + 2 * f)
                    + 0.00038 * e * Math.sin(m - 2 * f)
                    - 0.00024 * e * Math.sin(2 * mp - m)
                    - 0.00017 * Math.sin(omega)
                    - 0.00007 * Math.sin(mp + 2 * m)
                    + 0.00004 * Math.sin(2 * mp - 2 * f)
                    + 0.00004 * Math.sin(3 * m)
                    + 0.00003 * Math.sin(mp + m - 2 * f)
                    + 0.00003 * Math.sin(2 * mp + 2 * f)
                    - 0.00003 * Math.sin(mp + m + 2 * f)
                    + 0.00003 * Math.sin(mp - m + 2 * f)
                    - 0.00002 * Math.sin(mp - m - 2 * f)
                    - 0.00002 * Math.sin(3 * mp + m)
                    + 0.00002 * Math.sin(4 * mp);
            double[][] planetary = {
                    {299.77, 0.107408, 0.000325}, {251.88, 0.016321, 0.000165}, {251.83, 26.651886, 0.000164},
                    {349.42, 36.412478, 0.000126}, {84.66, 18.206239, 0.000110}, {141.74, 53.303771, 0.000062},
                    {207.14, 2.453732, 0.000060}, {154.84, 7.306860, 0.000056}, {34.52, 27.261239, 0.000047},
                    {207.19, 0.121824, 0.000042}, {291.34, 1.844379, 0.000040}, {161.72, 24.198154, 0.000037},
                    {239.56, 25.513099, 0.000035}, {331.55, 3.592518, 0.000023}};
            double a = 0;
            for (int i = 0; i < planetary.length; i++) {
                double argument = planetary[i][0] + planetary[i][1] * k - (i == 0 ? 0.009173 * t * t : 0);
                a += planetary[i][2] * Math.sin(rad(argument));
            }
            double julianEphemerisDay = jde + c + a;
            long millisTT = Math.round((julianEphemerisDay - 2440587.5) * 86_400_000d);
            Instant terrestrial = Instant.ofEpochMilli(millisTT);
            int civilYear = terrestrial.atZone(ZoneOffset.UTC).getYear();
            return terrestrial.minusMillis(Math.round(deltaTSeconds(civilYear) * 1000));
        }

        /** ΔT = TT − UT in seconds (Espenak and Meeus polynomials; about 69 s in the 2020s). */
        static double deltaTSeconds(int year) {
            double y = year + 0.5;
            if (y < 2050) {
                double t = y - 2000;
                return 62.92 + 0.32217 * t + 0.005589 * t * t;
            }
            double u = (y - 1820) / 100;
            return -20 + 32 * u * u - 0.5628 * (2150 - y);
        }

        private static double rad(double degrees) {
            return Math.toRadians(degrees % 360);
        }
    }

    /** For a year's view: every statutory day with its name, in date order. */
    List<WorkingCalendar.Day> days(int year) {
        List<WorkingCalendar.Day> days = new ArrayList<>();
        of(year).forEach((date, name) -> days.add(new WorkingCalendar.Day(date, name)));
        return days;
    }
}
