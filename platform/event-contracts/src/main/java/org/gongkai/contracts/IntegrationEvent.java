package org.gongkai.contracts;

/**
 * Marker for events other services may rely on. Each implementation is a record annotated with
 * {@link EventType}; its wire name, never its Java class name, is what crosses the broker.
 * Changes are additive only; a breaking change is a new record with a new {@code .vN} type.
 */
public interface IntegrationEvent {

    /** The aggregate the event is about; becomes the CloudEvents {@code subject}. */
    String subject();
}
