package org.gongkai.catalogue;

import org.gongkai.catalogue.version.CatalogueVersion;
import org.gongkai.support.events.OutboxCollections;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
public class CatalogueServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(CatalogueServiceApplication.class, args);
    }

    /** The aggregates whose outboxes this service's relay sends. */
    @Bean
    OutboxCollections outboxCollections() {
        return OutboxCollections.of(CatalogueVersion.class);
    }
}
