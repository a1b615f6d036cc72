package org.gongkai.reporting;

import org.gongkai.reporting.reports.SectionReport;
import org.gongkai.reporting.reports.ReportReminder;
import org.gongkai.support.events.OutboxCollections;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
@org.springframework.boot.context.properties.ConfigurationPropertiesScan
public class ReportingServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ReportingServiceApplication.class, args);
    }

    /** The aggregates whose outboxes this service's relay sends. */
    @Bean
    OutboxCollections outboxCollections() {
        return OutboxCollections.of(SectionReport.class, ReportReminder.class);
    }
}
