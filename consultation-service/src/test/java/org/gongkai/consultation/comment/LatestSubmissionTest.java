package org.gongkai.consultation.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The duplicate window is sliding and open at its far end: exactly ten minutes later is a new comment. */
class LatestSubmissionTest {

    private static final Instant SENT = Instant.parse("2026-12-02T01:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(10);

    @Test
    void aSubmissionCountsAsTheSameCommentOnlyWithinTheWindow() {
        LatestSubmission latest = new LatestSubmission(LatestSubmission.key("c1", "f1", "h1"), "comment-1", SENT);

        assertThat(latest.isWithin(WINDOW, SENT)).isTrue();
        assertThat(latest.isWithin(WINDOW, SENT.plus(WINDOW).minusMillis(1))).isTrue();
        assertThat(latest.isWithin(WINDOW, SENT.plus(WINDOW))).isFalse();
        assertThat(latest.isWithin(WINDOW, SENT.plus(Duration.ofHours(1)))).isFalse();
    }

    @Test
    void theKeyTellsConsultationsClientsAndTextsApart() {
        assertThat(LatestSubmission.key("c1", "f1", "h1")).isNotEqualTo(LatestSubmission.key("c2", "f1", "h1"))
                .isNotEqualTo(LatestSubmission.key("c1", "f2", "h1")).isNotEqualTo(LatestSubmission.key("c1", "f1", "h2"));
    }
}
