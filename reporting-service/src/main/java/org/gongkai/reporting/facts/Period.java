package org.gongkai.reporting.facts;

import java.time.LocalDate;

import org.gongkai.support.domain.DomainException;

/** A reporting period: a half-year ({@code 2026-H1}, {@code 2026-H2}) or a whole year ({@code 2026}). */
public record Period(int year, Integer half) {

    public static Period parse(String text) {
        if (text != null && text.matches("\\d{4}")) {
            return new Period(Integer.parseInt(text), null);
        }
        if (text != null && text.matches("\\d{4}-H[12]")) {
            return new Period(Integer.parseInt(text.substring(0, 4)), Integer.parseInt(text.substring(6)));
        }
        throw DomainException.invalid("invalid-period", "期间“" + text + "”格式不正确，应形如 2026、2026-H1 或 2026-H2。");
    }

    public static Period halfOf(LocalDate date) {
        return new Period(date.getYear(), date.getMonthValue() <= 6 ? 1 : 2);
    }

    public LocalDate start() {
        return half == null || half == 1 ? LocalDate.of(year, 1, 1) : LocalDate.of(year, 7, 1);
    }

    public LocalDate end() {
        return half != null && half == 1 ? LocalDate.of(year, 6, 30) : LocalDate.of(year, 12, 31);
    }

    public boolean contains(LocalDate date) {
        return date != null && !date.isBefore(start()) && !date.isAfter(end());
    }

    /** This period and the {@code count - 1} before it, oldest first (half-years step by halves, years by years). */
    public java.util.List<Period> previous(int count) {
        java.util.List<Period> periods = new java.util.ArrayList<>();
        Period p = this;
        for (int i = 0; i < count; i++) {
            periods.add(0, p);
            p = p.half == null ? new Period(p.year - 1, null) : p.half == 2 ? new Period(p.year, 1) : new Period(p.year - 1, 2);
        }
        return periods;
    }

    /** O3: the first half is reported by 10 July, the whole year by 10 January of the next year. */
    public LocalDate reportDueOn() {
        return half != null && half == 1 ? LocalDate.of(year, 7, 10) : LocalDate.of(year + 1, 1, 10);
    }

    public boolean isHalfYearReportingPeriod() {
        return half == null || half == 1;
    }

    @Override
    public String toString() {
        return half == null ? String.valueOf(year) : year + "-H" + half;
    }
}
