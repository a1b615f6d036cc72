package org.gongkai.reporting.facts;

import java.util.List;
import java.util.function.Function;

import org.gongkai.contracts.IntegrationEvent;

/**
 * Another feature's facts, folded from the same events and kept in the same generations as the figures' facts, so a
 * rebuild fills them beside the active ones and readers switch to all of them at once.
 */
public interface FactFold {

    /** The fact documents this fold writes; each gets a collection per generation. */
    List<Class<?>> factTypes();

    /** Applies the event to the facts in the collections {@code collectionOf} names for each fact type. */
    void apply(IntegrationEvent event, Function<Class<?>, String> collectionOf);
}
