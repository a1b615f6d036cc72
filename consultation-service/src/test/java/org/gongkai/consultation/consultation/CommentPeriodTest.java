package org.gongkai.consultation.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.gongkai.support.domain.DomainException;
import org.junit.jupiter.api.Test;

/** Q1: the public gets at least 30 calendar days to comment unless a reason for a shorter period is recorded. */
class CommentPeriodTest {

    private static final LocalDate MARCH_2 = LocalDate.of(2026, 3, 2);

    @Test
    void thirtyCalendarDaysCountingBothEndsIsEnough() {
        CommentPeriod period = CommentPeriod.of(MARCH_2, MARCH_2.plusDays(29), null);
        assertThat(period.days()).isEqualTo(30);
        assertThat(period.isShort()).isFalse();
    }

    @Test
    void twentyNineDaysWithoutAReasonAreRefused() {
        assertThatThrownBy(() -> CommentPeriod.of(MARCH_2, MARCH_2.plusDays(28), "  "))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.type()).isEqualTo("comment-period-too-short");
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID);
                });
    }

    @Test
    void aRecordedReasonAllowsAShorterPeriod() {
        CommentPeriod period = CommentPeriod.of(MARCH_2, MARCH_2.plusDays(9), " 汛期临近，需尽快出台 ");
        assertThat(period.isShort()).isTrue();
        assertThat(period.shortPeriodReason()).isEqualTo("汛期临近，需尽快出台");
    }

    @Test
    void theEndMustComeAfterTheStart() {
        assertThatThrownBy(() -> CommentPeriod.of(MARCH_2, MARCH_2, "紧急"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("comment-period-ends-before-start"));
        assertThatThrownBy(() -> CommentPeriod.of(MARCH_2, MARCH_2.minusDays(1), "紧急"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("comment-period-ends-before-start"));
        assertThatThrownBy(() -> CommentPeriod.of(null, MARCH_2, null))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("comment-period-required"));
    }

    @Test
    void openingLateMustStillLeaveThePublicTheMinimumPeriod() {
        CommentPeriod period = CommentPeriod.of(MARCH_2, MARCH_2.plusDays(34), null);
        period.requireLongEnoughWhenOpenedOn(MARCH_2.minusDays(3));
        period.requireLongEnoughWhenOpenedOn(MARCH_2.plusDays(5));
        assertThatThrownBy(() -> period.requireLongEnoughWhenOpenedOn(MARCH_2.plusDays(6)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("comment-period-too-short"));
        assertThatThrownBy(() -> period.requireLongEnoughWhenOpenedOn(MARCH_2.plusDays(35)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("comment-period-ended"));
    }

    @Test
    void theLastDayStillCountsAndTheNextDayEndsIt() {
        CommentPeriod period = CommentPeriod.of(MARCH_2, MARCH_2.plusDays(29), null);
        assertThat(period.includes(MARCH_2.minusDays(1))).isFalse();
        assertThat(period.includes(MARCH_2)).isTrue();
        assertThat(period.includes(MARCH_2.plusDays(29))).isTrue();
        assertThat(period.hasEndedBy(MARCH_2.plusDays(29))).isFalse();
        assertThat(period.hasEndedBy(MARCH_2.plusDays(30))).isTrue();
    }
}
