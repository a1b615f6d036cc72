package org.gongkai.publication.catalogue;

import java.util.function.Consumer;

import org.gongkai.contracts.catalogue.CatalogueVersionPublished;
import org.gongkai.support.catalogue.CatalogueSnapshots;
import org.gongkai.support.events.InboundEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** The events publication-service consumes: the catalogue, kept as a local snapshot. */
@Configuration(proxyBeanMethods = false)
class CatalogueEventsListener {

    @Bean
    Consumer<Message<byte[]>> events(InboundEvents inbound, CatalogueSnapshots snapshots) {
        return inbound.dispatcher()
                .on(CatalogueVersionPublished.class, (event, metadata) -> snapshots.apply(event))
                .build();
    }
}
