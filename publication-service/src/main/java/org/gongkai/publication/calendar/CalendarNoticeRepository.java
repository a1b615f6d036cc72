package org.gongkai.publication.calendar;

import org.springframework.data.mongodb.repository.MongoRepository;

interface CalendarNoticeRepository extends MongoRepository<CalendarNotice, String> {
}
