package org.gongkai.support.events;

/**
 * A message that can never be handled, whatever is retried: not a CloudEvent, or data that is not the event's JSON.
 * The binder does not retry it (see {@code retryable-exceptions} in gongkai-defaults.yml); it goes to the DLQ at once,
 * while a failure of a dependency (database, broker) is retried with backoff for minutes.
 */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
