package org.gongkai.reporting.figures;

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
        throw DomainException.invalid("invalid-period", "Period '" + text + "' must look like 2026, 2026-H1 or 2026-H2.");
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

    @Override
    public String toString() {
        return half == null ? String.valueOf(year) : year + "-H" + half;
    }
}
