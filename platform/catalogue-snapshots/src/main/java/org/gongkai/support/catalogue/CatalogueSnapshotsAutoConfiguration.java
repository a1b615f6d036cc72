package org.gongkai.support.catalogue;

import java.util.function.Consumer;

import org.gongkai.contracts.catalogue.CatalogueVersionPublished;
import org.gongkai.support.ServiceSupportAutoConfiguration;
import org.gongkai.support.events.InboundEvents;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.messaging.Message;

/**
 * What a service that depends on this module gets: its local catalogue snapshots, and the consumer function
 * {@code events} that keeps them up to date from {@code gongkai.catalogue.version-published.v1}. The service binds
 * that function to the catalogue exchange in its own configuration ({@code events-in-0}).
 */
@AutoConfiguration(after = ServiceSupportAutoConfiguration.class)
public class CatalogueSnapshotsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    CatalogueSnapshots catalogueSnapshots(MongoTemplate mongo) {
        return new CatalogueSnapshots(mongo);
    }

    /**
     * Every published catalogue version becomes the snapshot unless a higher one is already there. A service that
     * consumes more than the catalogue declares its own {@code events} and registers {@link #snapshotUpdate} in it.
     */
    @Bean
    @ConditionalOnMissingBean(name = "events")
    Consumer<Message<byte[]>> events(InboundEvents inbound, CatalogueSnapshots snapshots) {
        return inbound.dispatcher()
                .on(CatalogueVersionPublished.class, snapshotUpdate(snapshots))
                .build();
    }

    /** The one handler of catalogue events: the published version replaces an older snapshot. */
    public static InboundEvents.Handler<CatalogueVersionPublished> snapshotUpdate(CatalogueSnapshots snapshots) {
        return (event, metadata) -> snapshots.apply(event);
    }
}
