package org.gongkai.support.deadletters;

import java.util.Map;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * A warning, not a failure: a dead-lettered event is missing from some read model until an admin re-drives it, but the
 * service still serves requests, so this is outside readiness and {@code WARNING} is answered with HTTP 200.
 */
public class DeadLetterHealthIndicator extends AbstractHealthIndicator {

    public static final Status WARNING = new Status("WARNING", "dead-lettered events wait for a re-drive");

    private final DeadLetters deadLetters;

    public DeadLetterHealthIndicator(DeadLetters deadLetters) {
        super("dead-letter queues could not be read");
        this.deadLetters = deadLetters;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Map<String, Long> depths = deadLetters.depths();
        long waiting = depths.values().stream().filter(d -> d > 0).mapToLong(Long::longValue).sum();
        if (waiting > 0) {
            builder.status(WARNING);
        } else if (depths.values().stream().anyMatch(d -> d < 0)) {
            builder.unknown(); // the broker does not answer; its own health group says so
        } else {
            builder.up();
        }
        builder.withDetail("deadLettered", waiting).withDetail("queues", depths);
    }
}
