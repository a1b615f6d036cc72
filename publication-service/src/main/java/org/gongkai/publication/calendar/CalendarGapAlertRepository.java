package org.gongkai.publication.calendar;

import org.springframework.data.mongodb.repository.MongoRepository;

/** Calendar gaps announced, one per year and kind (the id), so that a gap is announced once by any instance. */
interface CalendarGapAlertRepository extends MongoRepository<CalendarGapAlert, String> {
}
