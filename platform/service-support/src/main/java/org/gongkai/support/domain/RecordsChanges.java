package org.gongkai.support.domain;

/**
 * An aggregate whose document carries its audit trail and outbox ({@link Changes}). Saving one through Spring Data
 * stores the events it announced in its outbox, and the relay sends them; its collection must be registered in the
 * service's {@code OutboxCollections}.
 */
public interface RecordsChanges {

    Changes changes();
}
