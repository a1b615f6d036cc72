package org.gongkai.support.events;

import org.gongkai.edge.correlation.CorrelationIds;
import org.gongkai.contracts.EventCatalog;
import org.gongkai.contracts.consultation.CommentReceived;
import org.gongkai.support.domain.Changes;
import org.gongkai.support.domain.RecordsChanges;
import org.gongkai.support.domain.Actor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mapping.callback.EntityCallbacks;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Unwrapped;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * Aggregates announce typed events; saving one writes them as outbox entries into the same document (the save
 * callback), and the relay sends them with confirms: an acked entry leaves the document, a nacked or unsendable one
 * stays, and the relay pauses after a failed round instead of hammering a broker that is away.
 */
class OutboxEntriesTest {

    /** An aggregate as the services write theirs: its changes embedded, the document keeping {@code audit} and {@code outbox}. */
    @org.springframework.data.mongodb.core.mapping.Document("parcels")
    static class Parcel implements RecordsChanges {
        @Id
        private final String id;
        @Unwrapped.Empty
        private final Changes changes;

        @PersistenceCreator
        Parcel(String id, Changes changes) {
            this.id = id;
            this.changes = changes == null ? Changes.none() : changes;
        }

        void receive(String commentId, Instant now) {
            changes.audit(Actor.system("test"), now, "received", commentId);
            changes.announce(new CommentReceived("c1", commentId, "safety-coordination", "WS-01", "WEBSITE", now), now);
        }

        @Override
        public Changes changes() {
            return changes;
        }
    }

    /** Not registered with the relay. */
    @org.springframework.data.mongodb.core.mapping.Document("strays")
    static class Stray extends Parcel {
        @PersistenceCreator
        Stray(String id, Changes changes) {
            super(id, changes);
        }
    }

    private static final Instant NOW = Instant.parse("2026-12-02T02:00:00Z");
    private static final String TYPE = EventCatalog.typeOf(CommentReceived.class);

    private MongoServer server;
    private MongoClient client;
    private MongoTemplate mongo;

    @BeforeEach
    void database() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        mongo = new MongoTemplate(client, "outbox-test");
        relayWithCallbacks(entry -> acked(true), properties());
    }

    /** The relay the save callback tells about what it saved, as in a service. */
    private OutboxRelay relayWithCallbacks(OutboxRelay.Sender sender, EventsProperties properties) {
        OutboxRelay relay = new OutboxRelay(mongo, OutboxCollections.of(Parcel.class), sender, properties);
        var beans = new org.springframework.beans.factory.support.StaticListableBeanFactory(java.util.Map.of("relay", relay));
        mongo.setEntityCallbacks(EntityCallbacks.create(new OutboxEntries(OutboxCollections.of(Parcel.class), TraceParents.none(),
                beans.getBeanProvider(OutboxRelay.class))));
        return relay;
    }

    private static java.util.concurrent.CompletableFuture<Boolean> acked(boolean ack) {
        return java.util.concurrent.CompletableFuture.completedFuture(ack);
    }

    @AfterEach
    void stop() {
        MDC.clear();
        client.close();
        server.shutdownNow();
    }

    @Test
    void savingWritesTheAnnouncedEventsIntoTheAggregatesOwnDocument() {
        Parcel parcel = new Parcel("p1", Changes.none());
        parcel.receive("k1", NOW);
        MDC.put(CorrelationIds.MDC_KEY, "corr-42");
        mongo.insert(parcel);

        assertThat(parcel.changes().announced()).as("handed over to the outbox").isEmpty();
        Document stored = mongo.findById("p1", Document.class, "parcels");
        assertThat(stored.keySet()).contains("audit", "outbox").doesNotContain("changes");
        Document entry = stored.getList("outbox", Document.class).get(0);
        assertThat(entry.getString("type")).isEqualTo(TYPE);
        assertThat(entry.getString("correlationId")).isEqualTo("corr-42");
        assertThat(entry.getString("eventId")).isNotBlank();
        assertThat(entry.getString("data")).contains("\"commentId\":\"k1\"", "\"section\":\"safety-coordination\"");
        assertThat(stored.getList("audit", Document.class)).singleElement()
                .satisfies(a -> assertThat(a.getString("action")).isEqualTo("received"));
    }

    @Test
    void aLaterSaveKeepsWaitingEntriesAndAddsNewOnes() {
        Parcel parcel = new Parcel("p1", Changes.none());
        parcel.receive("k1", NOW);
        mongo.insert(parcel);

        Parcel loaded = mongo.findById("p1", Parcel.class);
        assertThat(loaded.changes().outbox()).hasSize(1);
        assertThat(loaded.changes().auditTrail()).hasSize(1);
        loaded.receive("k2", NOW.plusSeconds(1));
        mongo.save(loaded);

        assertThat(mongo.findById("p1", Document.class, "parcels").getList("outbox", Document.class))
                .extracting(e -> e.getString("data")).satisfiesExactly(
                        first -> assertThat(first).contains("\"commentId\":\"k1\""),
                        second -> assertThat(second).contains("\"commentId\":\"k2\""));
    }

    @Test
    void anAggregateNoRelayWatchesCannotSaveEvents() {
        Stray stray = new Stray("s1", Changes.none());
        stray.receive("k1", NOW);

        assertThatThrownBy(() -> mongo.insert(stray)).hasMessageContaining("OutboxCollections");
        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), "strays")).isZero();
    }

    @Test
    void theRelayRemovesAnEntryOnlyWhenTheBrokerAckedIt() {
        for (String id : List.of("p1", "p2")) {
            Parcel parcel = new Parcel(id, Changes.none());
            parcel.receive(id + "-comment", NOW);
            mongo.insert(parcel);
        }
        Set<String> nacked = Set.of(eventIdOf("p2"));
        OutboxRelay relay = new OutboxRelay(mongo, OutboxCollections.of(Parcel.class),
                entry -> acked(!nacked.contains(entry.getString("eventId"))), properties());

        assertThat(relay.relayPending()).isEqualTo(1);
        assertThat(outboxOf("p2")).as("the nacked entry waits for the next round").hasSize(1);
        assertThat(relay.backlog()).isEqualTo(1);
    }

    /** A batch costs a few commands whatever its size: the relay's writes had decided how fast events left. */
    @Test
    void aBatchOfSavedAggregatesIsRelayedInAFewDatabaseCommands() {
        List<String> commands = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        try (MongoClient counting = MongoClients.create(com.mongodb.MongoClientSettings.builder()
                .applyConnectionString(new com.mongodb.ConnectionString(server.getConnectionString()))
                .addCommandListener(new com.mongodb.event.CommandListener() {
                    @Override
                    public void commandStarted(com.mongodb.event.CommandStartedEvent event) {
                        commands.add(event.getCommandName());
                    }
                }).build())) {
            OutboxRelay relay = new OutboxRelay(new MongoTemplate(counting, "outbox-test"), OutboxCollections.of(Parcel.class),
                    entry -> acked(true), properties());
            assertThat(relay.relayPending()).as("the first round's backstop search finds nothing yet").isZero();
            for (int i = 0; i < 50; i++) {
                Parcel parcel = new Parcel("p" + i, Changes.none());
                parcel.receive("k" + i, NOW);
                mongo.insert(parcel);
                relay.saved("parcels", "p" + i);
            }
            commands.clear();

            assertThat(relay.relayPending()).isEqualTo(50);

            assertThat(commands).as("leases inserted, outboxes read, acked entries pulled, leases released")
                    .containsExactly("insert", "find", "update", "delete");
            for (int i = 0; i < 50; i++) {
                assertThat(outboxOf("p" + i)).isEmpty();
            }
            assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), OutboxRelay.LEASES)).isZero();
        }
    }

    @Test
    void theBacklogGaugeCountsAtMostOncePerRecountInterval() {
        Parcel parcel = new Parcel("p1", Changes.none());
        parcel.receive("k1", NOW);
        mongo.insert(parcel);
        OutboxRelay relay = new OutboxRelay(mongo, OutboxCollections.of(Parcel.class), entry -> acked(true), properties());

        assertThat(relay.recentBacklog()).isEqualTo(1);
        assertThat(relay.relayPending()).isEqualTo(1);
        assertThat(relay.backlog()).as("counted now").isZero();
        assertThat(relay.recentBacklog()).as("the gauge keeps its count until the interval is over").isEqualTo(1);
    }

    @Test
    void duringAnOutageNothingIsLostAndTheRelayPausesBeforeTryingAgain() {
        Parcel parcel = new Parcel("p1", Changes.none());
        parcel.receive("k1", NOW);
        mongo.insert(parcel);
        AtomicBoolean brokerUp = new AtomicBoolean(false);
        java.util.concurrent.atomic.AtomicInteger attempts = new java.util.concurrent.atomic.AtomicInteger();
        OutboxRelay relay = new OutboxRelay(mongo, OutboxCollections.of(Parcel.class), entry -> {
            attempts.incrementAndGet();
            return acked(brokerUp.get());
        }, new EventsProperties("/gongkai/test", Duration.ofHours(1), Duration.ofSeconds(1), null));

        assertThat(relay.relayPending()).isZero();
        assertThat(relay.relayPending()).as("backing off: no attempt before the pause is over").isZero();
        assertThat(attempts).hasValue(1);
        assertThat(outboxOf("p1")).hasSize(1);

        OutboxRelay afterRestart = new OutboxRelay(mongo, OutboxCollections.of(Parcel.class), entry -> acked(true), properties());
        assertThat(afterRestart.relayPending()).isEqualTo(1);
        assertThat(outboxOf("p1")).isEmpty();
    }

    @Test
    void whatThisInstanceSavedIsRelayedByItsIdWithoutSearchingAndTheSearchFindsTheRest() {
        OutboxRelay relay = relayWithCallbacks(entry -> acked(true), new EventsProperties("/gongkai/test", Duration.ofMillis(10),
                Duration.ofSeconds(1), Duration.ofHours(1)));
        assertThat(relay.relayPending()).as("the first round searches, and finds nothing yet").isZero();
        // entries another instance wrote and never sent (it died): nothing tells this one about them
        mongo.insert(new Document("_id", "orphan").append("outbox", List.of(new Document("eventId", "e-orphan")
                .append("type", TYPE).append("data", "{}"))), "parcels");
        Parcel parcel = new Parcel("p1", Changes.none());
        parcel.receive("k1", NOW);
        mongo.insert(parcel);

        assertThat(relay.relayPending()).as("only the aggregate saved here, found by its _id").isEqualTo(1);
        assertThat(outboxOf("p1")).isEmpty();
        assertThat(outboxOf("orphan")).hasSize(1);

        OutboxRelay searching = new OutboxRelay(mongo, OutboxCollections.of(Parcel.class), entry -> acked(true), properties());
        assertThat(searching.relayPending()).as("the backstop search").isEqualTo(1);
        assertThat(outboxOf("orphan")).isEmpty();
    }

    @Test
    void anAggregateSavedTwiceBeforeTheNextRoundIsSentOnce() {
        java.util.Map<String, Integer> sends = new java.util.concurrent.ConcurrentHashMap<>();
        OutboxRelay relay = relayWithCallbacks(entry -> {
            sends.merge(entry.getString("eventId"), 1, Integer::sum);
            return acked(true);
        }, new EventsProperties("/gongkai/test", Duration.ofMillis(10), Duration.ofSeconds(1), Duration.ofHours(1)));
        assertThat(relay.relayPending()).as("the first round's search finds nothing yet").isZero();
        Parcel parcel = new Parcel("p1", Changes.none());
        parcel.receive("k1", NOW);
        mongo.insert(parcel);
        mongo.save(mongo.findById("p1", Parcel.class)); // saved again, its entry still waiting

        assertThat(relay.relayPending()).isEqualTo(1);
        assertThat(sends.values()).containsExactly(1);
    }

    private String eventIdOf(String id) {
        return outboxOf(id).get(0).getString("eventId");
    }

    private List<Document> outboxOf(String id) {
        return mongo.findById(id, Document.class, "parcels").getList("outbox", Document.class, List.of());
    }

    private static EventsProperties properties() {
        return new EventsProperties("/gongkai/test", Duration.ofMillis(10), Duration.ofSeconds(1), null);
    }
}
