package org.gongkai.consultation;

import org.gongkai.consultation.consultation.Consultation;
import org.gongkai.consultation.comment.Comment;
import org.gongkai.consultation.opinion.Opinion;
import org.gongkai.support.events.OutboxCollections;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ConsultationServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ConsultationServiceApplication.class, args);
    }

    /** The aggregates whose outboxes this service's relay sends. */
    @Bean
    OutboxCollections outboxCollections() {
        return OutboxCollections.of(Consultation.class, Comment.class, Opinion.class);
    }
}
