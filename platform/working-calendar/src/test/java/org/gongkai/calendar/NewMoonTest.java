package org.gongkai.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/**
 * The new-moon computation checked against published values, to the second where the source gives seconds: a
 * dropped or mistyped periodic term moves the instant by more than that (the holiday tests only see the day).
 */
class NewMoonTest {

    /** Julian Ephemeris Day of an instant given in Terrestrial Time. */
    private static double jde(Instant terrestrial) {
        return terrestrial.toEpochMilli() / 86_400_000d + 2440587.5;
    }

    private static Instant terrestrial(long k, int year) {
        return StatutoryHolidays.NewMoon.instant(k)
                .plusMillis(Math.round(StatutoryHolidays.NewMoon.deltaTSeconds(year) * 1000));
    }

    @Test
    void meeusExample49aNewMoonOfFebruary1977() {
        // Meeus, Astronomical Algorithms (2nd ed.), example 49.a: k = -283, JDE 2443192.65118 = 1977-02-18 03:37:42 TD
        assertThat(jde(terrestrial(-283, 1977))).isCloseTo(2443192.65118, within(0.00001));
    }

    @Test
    void newMoonsOfRecentSpringFestivalsToTheMinute() {
        // k counts lunations from 2000-01-06; 正月初一 is the Beijing day of these new moons (UT from the almanac)
        assertThat(StatutoryHolidays.NewMoon.nearest(LocalDate.of(2024, 2, 10)))
                .isCloseTo(Instant.parse("2024-02-09T22:59:00Z"), within(90, java.time.temporal.ChronoUnit.SECONDS));
        assertThat(StatutoryHolidays.NewMoon.nearest(LocalDate.of(2025, 1, 29)))
                .isCloseTo(Instant.parse("2025-01-29T12:36:00Z"), within(90, java.time.temporal.ChronoUnit.SECONDS));
        assertThat(StatutoryHolidays.NewMoon.nearest(LocalDate.of(2026, 2, 17)))
                .isCloseTo(Instant.parse("2026-02-17T12:01:00Z"), within(90, java.time.temporal.ChronoUnit.SECONDS));
    }

    @Test
    void theNearestNewMoonIsChosenFromEitherSide() {
        // noon of 2024-02-24 lies half a lunation from both neighbours; the days just after/before pick one each
        assertThat(StatutoryHolidays.NewMoon.nearest(LocalDate.of(2024, 2, 20)))
                .isCloseTo(Instant.parse("2024-02-09T22:59:00Z"), within(90, java.time.temporal.ChronoUnit.SECONDS));
        assertThat(StatutoryHolidays.NewMoon.nearest(LocalDate.of(2024, 3, 1)))
                .isCloseTo(Instant.parse("2024-03-10T09:00:00Z"), within(90, java.time.temporal.ChronoUnit.SECONDS));
    }

    @Test
    void deltaTFollowsTheEspenakMeeusPolynomialsAndJoinsAt2050() {
        // 2000–2050: 62.92 + 0.32217 t + 0.005589 t², t = y − 2000 (y = year + 0.5)
        assertThat(StatutoryHolidays.NewMoon.deltaTSeconds(2000)).isCloseTo(62.92 + 0.32217 * 0.5 + 0.005589 * 0.25, within(1e-9));
        assertThat(StatutoryHolidays.NewMoon.deltaTSeconds(2025)).isCloseTo(74.77, within(0.01));
        // 2050–2150: −20 + 32 u² − 0.5628 (2150 − y), u = (y − 1820)/100; the two pieces meet within a second
        assertThat(StatutoryHolidays.NewMoon.deltaTSeconds(2060)).isCloseTo(114.72, within(0.01));
        assertThat(StatutoryHolidays.NewMoon.deltaTSeconds(2050) - StatutoryHolidays.NewMoon.deltaTSeconds(2049))
                .isBetween(0.0, 2.0);
    }
}
