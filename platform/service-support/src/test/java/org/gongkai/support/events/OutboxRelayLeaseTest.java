package org.gongkai.support.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * Two instances of a service relay the same outboxes (each with its own connection to the MongoDB wire server the
 * local run uses): every entry is sent by one of them only, because an aggregate is relayed under a lease taken with
 * a single-document conditional update. The broker's confirm is stood in for by a sender that takes a moment, as a
 * confirm does, and records what it was given.
 */
class OutboxRelayLeaseTest {

    /** An aggregate with an outbox, as the services' aggregates carry one. */
    @org.springframework.data.mongodb.core.mapping.Document("parcels")
    record Parcel(@Id String id, List<OutboxEntry> outbox) implements org.gongkai.support.domain.RecordsChanges {
        @Override
        public org.gongkai.support.domain.Changes changes() {
            return org.gongkai.support.domain.Changes.none();
        }
    }

    private static final EventsProperties PROPERTIES = new EventsProperties("/gongkai/test", Duration.ofMillis(500), Duration.ofSeconds(10), null);

    private MongoServer server;
    private MongoClient firstClient;
    private MongoClient secondClient;
    private MongoTemplate first;
    private MongoTemplate second;
    private final Map<String, AtomicInteger> sends = new ConcurrentHashMap<>();

    @BeforeEach
    void twoInstancesOfOneService() {
        server = new MongoServer(new MemoryBackend());
        String uri = server.bindAndGetConnectionString();
        firstClient = MongoClients.create(uri);
        secondClient = MongoClients.create(uri);
        first = new MongoTemplate(firstClient, "publication-service");
        second = new MongoTemplate(secondClient, "publication-service");
    }

    @AfterEach
    void stop() {
        firstClient.close();
        secondClient.close();
        server.shutdownNow();
    }

    private OutboxRelay relay(MongoTemplate mongo) {
        return new OutboxRelay(mongo, OutboxCollections.of(Parcel.class), entry -> {
            sends.computeIfAbsent(entry.getString("eventId"), k -> new AtomicInteger()).incrementAndGet();
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2)); // the broker's confirm takes a moment
            return java.util.concurrent.CompletableFuture.completedFuture(true);
        }, PROPERTIES);
    }

    private static OutboxEntry entry(String eventId) {
        return new OutboxEntry(eventId, "gongkai.test.parcel-sent.v1", "parcels/" + eventId, Instant.now(), null, "{}", null);
    }

    @Test
    void twoInstancesRelayingAtOnceSendEachEntryOnce() throws Exception {
        List<String> eventIds = new ArrayList<>();
        for (int p = 0; p < 40; p++) {
            List<OutboxEntry> outbox = List.of(entry("p" + p + "-a"), entry("p" + p + "-b"));
            outbox.forEach(e -> eventIds.add(e.eventId()));
            first.insert(new Parcel("p" + p, outbox));
        }
        OutboxRelay one = relay(first);
        OutboxRelay other = relay(second);
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService instances = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> byOne = instances.submit(() -> {
                together.await();
                return one.relayPending();
            });
            Future<Integer> byOther = instances.submit(() -> {
                together.await();
                return other.relayPending();
            });
            int sent = byOne.get(60, TimeUnit.SECONDS) + byOther.get(60, TimeUnit.SECONDS);
            assertThat(sent).isEqualTo(80);
        } finally {
            instances.shutdownNow();
        }
        assertThat(sends.keySet()).containsExactlyInAnyOrderElementsOf(eventIds);
        assertThat(sends.values()).as("each entry sent by one instance only").allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
        assertThat(first.count(Query.query(Criteria.where("outbox.eventId").exists(true)), "parcels")).isZero();
        assertThat(first.count(new Query(), OutboxRelay.LEASES)).as("every lease released").isZero();
    }

    @Test
    void aLeaseHeldByAnotherInstanceIsRespectedAndOneLeftByADeadInstanceExpires() {
        first.insert(new Parcel("held", List.of(entry("held-1"))));
        first.insert(new Parcel("orphaned", List.of(entry("orphaned-1"))));
        first.insert(new Document("_id", "parcels/held").append("owner", "another-instance")
                .append("until", Date.from(Instant.now().plus(OutboxRelay.LEASE))), OutboxRelay.LEASES);
        first.insert(new Document("_id", "parcels/orphaned").append("owner", "a-dead-instance")
                .append("until", Date.from(Instant.now().minusSeconds(1))), OutboxRelay.LEASES);

        assertThat(relay(second).relayPending()).isEqualTo(1);
        assertThat(sends).containsOnlyKeys("orphaned-1");
        assertThat(first.findById("held", Document.class, "parcels").getList("outbox", Document.class)).hasSize(1);
    }
}
