package org.gongkai.reporting.facts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.gongkai.contracts.IntegrationEvent;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * What tests that fold a history of events into reporting's facts share: an in-memory MongoDB wire server, reached the
 * way each reporting instance reaches its database (a client of its own), and a history delivered to several instances
 * at once, as competing consumers of one queue receive it. As an extension ({@code @RegisterExtension}) it starts a
 * fresh server before each test and stops it after.
 */
public final class HistoryFolding implements BeforeEachCallback, AfterEachCallback {

    private MongoServer server;
    private String uri;
    private final List<MongoClient> clients = new ArrayList<>();

    @Override
    public void beforeEach(ExtensionContext context) {
        start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        stop();
    }

    /** A fresh, empty server. */
    public void start() {
        server = new MongoServer(new MemoryBackend());
        uri = server.bindAndGetConnectionString();
    }

    /** Closes every client and the server: what it held is gone. */
    public void stop() {
        clients.forEach(MongoClient::close);
        clients.clear();
        server.shutdownNow();
    }

    public MongoClient client() {
        MongoClient client = MongoClients.create(uri);
        clients.add(client);
        return client;
    }

    /** A connection of its own to {@code database}, as another instance would open. */
    public MongoTemplate connect(String database) {
        return new MongoTemplate(client(), database);
    }

    /**
     * Each consumer applies its own deliveries, in order, all of them starting together; fails if one throws or they
     * take longer than {@code atMost}.
     */
    public static void deliverConcurrently(List<FactsProjection> consumers, List<List<IntegrationEvent>> deliveries, Duration atMost)
            throws Exception {
        CyclicBarrier together = new CyclicBarrier(consumers.size());
        ExecutorService pool = Executors.newFixedThreadPool(consumers.size());
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < consumers.size(); c++) {
                FactsProjection consumer = consumers.get(c);
                List<IntegrationEvent> delivered = deliveries.get(c);
                Random batches = new Random(c);
                running.add(pool.submit(() -> {
                    together.await();
                    consumeInBatches(consumer, delivered, batches);
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get(atMost.toSeconds(), TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * As the binding hands them over in batch mode: batches of 1 to 60 events, so a batch often holds several events of
     * one fact (a document issued and published), and a redelivered event next to its first delivery.
     */
    public static void consumeInBatches(FactsProjection consumer, List<IntegrationEvent> deliveries, Random random) {
        int next = 0;
        while (next < deliveries.size()) {
            int size = Math.min(deliveries.size() - next, 1 + random.nextInt(60));
            consumer.apply(deliveries.subList(next, next + size));
            next += size;
        }
    }
}
