package org.gongkai.publication;

import org.gongkai.publication.document.PolicyDocument;
import org.gongkai.publication.application.Application;
import org.gongkai.publication.concern.Concern;
import org.gongkai.publication.calendar.CalendarGapAlert;
import org.gongkai.support.events.OutboxCollections;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class PublicationServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(PublicationServiceApplication.class, args);
    }

    /** The aggregates whose outboxes this service's relay sends. */
    @Bean
    OutboxCollections outboxCollections() {
        return OutboxCollections.of(PolicyDocument.class, Application.class, Concern.class, CalendarGapAlert.class);
    }
}
