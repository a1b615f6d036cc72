package org.gongkai.support.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** An outage costs a few attempts, not two a second: the relay's pause doubles up to a ceiling. */
class RelayBackoffTest {

    @Test
    void doublesFromTheIntervalUpToTheCeiling() {
        RelayBackoff backoff = new RelayBackoff(Duration.ofMillis(500), Duration.ofSeconds(10));
        assertThat(backoff.after(0)).isZero();
        assertThat(backoff.after(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(backoff.after(2)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.after(4)).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.after(6)).isEqualTo(Duration.ofSeconds(10));
        assertThat(backoff.after(1_000)).isEqualTo(Duration.ofSeconds(10));
    }
}
