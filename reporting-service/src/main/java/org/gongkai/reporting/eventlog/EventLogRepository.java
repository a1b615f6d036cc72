package org.gongkai.reporting.eventlog;

import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.repository.MongoRepository;

/** The event log read back for a rebuild; it is written by {@link EventLogInbox}. */
interface EventLogRepository extends MongoRepository<EventLogEntry, String> {

    /** Every logged event in the order given. */
    List<EventLogEntry> findAllBy(Sort sort);
}
