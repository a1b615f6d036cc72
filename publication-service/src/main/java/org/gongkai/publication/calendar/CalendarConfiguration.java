package org.gongkai.publication.calendar;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** China's working-day calendar: the years shipped on the classpath, plus an administrator's directory if set. */
@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

    @Bean
    CalendarHolder calendarHolder(@Value("${gongkai.calendar.directory:}") String directory) {
        return new CalendarHolder(directory);
    }
}
