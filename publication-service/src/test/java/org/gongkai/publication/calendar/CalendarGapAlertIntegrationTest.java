package org.gongkai.publication.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import org.gongkai.testsupport.FixedClock;
import org.gongkai.testsupport.ServiceIntegrationTest;
import org.gongkai.testsupport.TestEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/** W4 reaching people: from 1 November a missing next-year notice is announced to the office, once. */
@ServiceIntegrationTest
// 2 November 2026: the shipped calendar ends with 2026 and no 2027 notice has been entered.
@FixedClock("2026-11-02T02:00:00Z")
@TestPropertySource(properties = "gongkai.deadlines.initial-delay=1h")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class CalendarGapAlertIntegrationTest {

    @Autowired
    CalendarNoticeService notices;
    @Autowired
    TestEvents events;

    @Test
    void aMissingNextYearNoticeIsAnnouncedOnceAsAnEvent() {
        assertThat(notices.status().warnings()).extracting(CalendarNoticeService.Warning::code).containsExactly("next-year-calendar-missing");
        assertThat(notices.announceGaps()).isEqualTo(1);
        assertThat(notices.announceGaps()).isZero();
        TestEvents.Received missing = events.awaitType("gongkai.publication.calendar-notice-missing.v1",
                r -> r.data().contains("2027") && r.data().contains("next-year-calendar-missing"));
        TestEvents.assertMatchesFixture(missing);
        assertThat(missing.json().get("message").asString()).contains("2027年");
    }
}
