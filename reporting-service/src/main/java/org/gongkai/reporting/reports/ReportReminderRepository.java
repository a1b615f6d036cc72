package org.gongkai.reporting.reports;

import org.springframework.data.mongodb.repository.MongoRepository;

/** Reminders sent, one per section, period and lead time (the id), so that each goes out once whatever the instance. */
interface ReportReminderRepository extends MongoRepository<ReportReminder, String> {
}
