package org.gongkai.support.events;

import java.time.Duration;

/**
 * How long the outbox relay waits after rounds that found the broker unavailable: doubling from the relay interval up
 * to a ceiling, so an outage costs a few log lines and connection attempts, not two every second.
 */
record RelayBackoff(Duration first, Duration ceiling) {

    Duration after(int failedRounds) {
        if (failedRounds <= 0) {
            return Duration.ZERO;
        }
        long factor = 1L << Math.min(failedRounds - 1, 20);
        Duration delay = first.multipliedBy(factor);
        return delay.compareTo(ceiling) > 0 ? ceiling : delay;
    }
}
