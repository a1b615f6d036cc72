package org.gongkai.publication.attributereview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gongkai.testsupport.Actors.OFFICE;

import java.time.Instant;
import java.util.List;

import org.gongkai.support.domain.DomainException;
import org.junit.jupiter.api.Test;

/** P4: the annual review covers a year Gongkai records, never one before its first reporting year or in the future. */
class AttributeReviewTest {

    static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");

    @Test
    void reviewYearsRunFromTheFirstReportingYearToTheCurrentOne() {
        for (int year : new int[] {1998, 1999, 2019, 2027, 2030}) {
            assertThatThrownBy(() -> AttributeReview.open(year, 2026, List.of(), OFFICE, NOW))
                    .extracting(e -> ((DomainException) e).type()).isEqualTo("review-year-out-of-range");
        }
        assertThat(AttributeReview.open(2020, 2026, List.of(), OFFICE, NOW).year()).isEqualTo(2020);
        assertThat(AttributeReview.open(2026, 2026, List.of(), OFFICE, NOW).year()).isEqualTo(2026);
    }
}
