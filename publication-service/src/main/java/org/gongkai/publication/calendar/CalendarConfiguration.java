package org.gongkai.publication.calendar;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * China's working-day calendar: the years shipped on the classpath, plus an administrator's directory if set
 * ({@code gongkai.calendar.directory}), plus the notices the disclosure office entered (stored in this service's
 * database, so they survive restarts).
 */
@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

    @Bean
    CalendarHolder calendarHolder(@Value("${gongkai.calendar.directory:}") String directory, CalendarNoticeRepository notices) {
        return new CalendarHolder(directory, notices::findAll);
    }
}
