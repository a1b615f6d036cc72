package org.gongkai.support.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.gongkai.contracts.catalogue.CatalogueVersionPublished;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * Two instances of a consuming service (competing consumers of one queue, each with its own connection to the same
 * database) receive the versions of a catalogue shuffled, some twice: the snapshot ends at the highest version, as
 * with one instance, because each version replaces only an older one in one conditional single-document write.
 */
class CatalogueSnapshotsCompetingTest {

    private MongoServer server;
    private final List<MongoClient> clients = new ArrayList<>();

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
    }

    @AfterEach
    void stop() {
        clients.forEach(MongoClient::close);
        server.shutdownNow();
    }

    private CatalogueSnapshots instance(String uri) {
        MongoClient client = MongoClients.create(uri);
        clients.add(client);
        return new CatalogueSnapshots(new MongoTemplate(client, "publication-service"));
    }

    private static CatalogueVersionPublished version(int v) {
        return new CatalogueVersionPublished("work-safety", v, LocalDate.of(2026, 1, 1), Instant.parse("2026-01-01T00:00:00Z").plusSeconds(v),
                List.of());
    }

    @Test
    void shuffledAndRepeatedVersionsAcrossTwoInstancesEndAtTheHighest() throws Exception {
        String uri = server.bindAndGetConnectionString();
        List<CatalogueSnapshots> instances = List.of(instance(uri), instance(uri));
        for (int round = 0; round < 20; round++) {
            List<Integer> versions = new ArrayList<>();
            for (int v = 1 + round * 30; v <= 30 + round * 30; v++) {
                versions.add(v);
                if (v % 4 == 0) {
                    versions.add(v); // redelivered
                }
            }
            Collections.shuffle(versions, new Random(round));
            CyclicBarrier together = new CyclicBarrier(2);
            ExecutorService consumers = Executors.newFixedThreadPool(2);
            try {
                List<Future<?>> running = new ArrayList<>();
                for (int c = 0; c < 2; c++) {
                    int consumer = c;
                    running.add(consumers.submit(() -> {
                        together.await();
                        for (int i = consumer; i < versions.size(); i += 2) {
                            instances.get(consumer).apply(version(versions.get(i)));
                        }
                        return null;
                    }));
                }
                for (Future<?> f : running) {
                    f.get(60, TimeUnit.SECONDS);
                }
            } finally {
                consumers.shutdownNow();
            }
            int highest = 30 + round * 30;
            assertThat(instances.get(0).all()).singleElement().satisfies(s -> assertThat(s.version()).isEqualTo(highest));
            assertThat(instances.get(1).all()).singleElement().satisfies(s -> assertThat(s.version()).isEqualTo(highest));
        }
    }
}
