package org.gongkai.publication.calendar;

import java.nio.file.Files;
import java.nio.file.Path;

import org.gongkai.calendar.WorkingCalendar;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** China's working-day calendar: the years shipped on the classpath, plus an administrator's directory if set. */
@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

    @Bean
    WorkingCalendar workingCalendar(@Value("${gongkai.calendar.directory:}") String directory) {
        WorkingCalendar calendar = WorkingCalendar.fromClasspath();
        return directory.isBlank() || !Files.isDirectory(Path.of(directory)) ? calendar : calendar.withDirectory(Path.of(directory));
    }
}
