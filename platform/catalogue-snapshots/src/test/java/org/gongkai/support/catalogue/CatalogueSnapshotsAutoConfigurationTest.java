package org.gongkai.support.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import org.gongkai.contracts.EventCatalog;
import org.gongkai.contracts.catalogue.CatalogueVersionPublished;
import org.gongkai.support.events.CloudEventHeaders;
import org.gongkai.support.events.InboundEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service that depends on this module consumes catalogue versions into its snapshots without writing a listener
 * of its own; a service that declares its own {@code events} function keeps it.
 */
class CatalogueSnapshotsAutoConfigurationTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private MongoServer server;
    private MongoClient client;
    private ApplicationContextRunner runner;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        MongoTemplate mongo = new MongoTemplate(client, "consuming-service");
        runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(CatalogueSnapshotsAutoConfiguration.class))
                .withBean(MongoTemplate.class, () -> mongo)
                .withBean(InboundEvents.class, () -> new InboundEvents(mongo, json, Clock.systemUTC(), new SimpleMeterRegistry()));
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aPublishedVersionArrivingAtTheEventsFunctionBecomesTheSnapshot() {
        runner.run(context -> {
            @SuppressWarnings("unchecked")
            Consumer<Message<byte[]>> events = context.getBean("events", Consumer.class);
            events.accept(published("e-2", 2));
            events.accept(published("e-1", 1)); // late and older: ignored

            assertThat(context.getBean(CatalogueSnapshots.class).all()).singleElement().satisfies(snapshot -> {
                assertThat(snapshot.catalogue()).isEqualTo("work-safety");
                assertThat(snapshot.version()).isEqualTo(2);
                assertThat(snapshot.item("WS-01")).isPresent();
            });
        });
    }

    @Test
    void aServiceThatDeclaresItsOwnEventsFunctionKeepsIt() {
        Consumer<Message<byte[]>> own = message -> { };
        runner.withBean("events", Consumer.class, () -> own).run(context -> {
            assertThat(context.getBean("events")).isSameAs(own);
            assertThat(context).hasSingleBean(CatalogueSnapshots.class);
        });
    }

    private Message<byte[]> published(String id, int version) {
        CatalogueVersionPublished event = new CatalogueVersionPublished("work-safety", version, LocalDate.of(2026, 1, 1),
                Instant.parse("2026-01-01T00:00:00Z"), List.of(item()));
        return MessageBuilder.withPayload(json.writeValueAsString(event).getBytes(StandardCharsets.UTF_8))
                .setHeader(CloudEventHeaders.ID, id)
                .setHeader(CloudEventHeaders.TYPE, EventCatalog.typeOf(CatalogueVersionPublished.class))
                .setHeader(CloudEventHeaders.SOURCE, "/catalogue-service")
                .build();
    }

    private static CatalogueVersionPublished.Item item() {
        return new CatalogueVersionPublished.Item("WS-01", "政策文件", "规范性文件", "信息形成或变更之日起20个工作日内",
                "WORKING_DAYS_AFTER_CHANGE(20)", List.of("gov-website"), List.of("all-society"), List.of("proactive"),
                List.of("county"), List.of("safety-coordination"), true);
    }
}
