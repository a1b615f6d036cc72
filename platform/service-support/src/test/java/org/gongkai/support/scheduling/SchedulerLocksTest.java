package org.gongkai.support.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;

/**
 * Two instances of a service, each with its own connection to the same database (the MongoDB wire server the local
 * run uses), through the lock provider {@link SchedulerLocks} configures: a job runs in one of them at a time.
 */
class SchedulerLocksTest {

    private MongoServer server;
    private MongoClient firstClient;
    private MongoClient secondClient;
    private LockProvider first;
    private LockProvider second;

    @BeforeEach
    void twoInstancesOfOneService() {
        server = new MongoServer(new MemoryBackend());
        String uri = "mongodb://" + server.bindAndGetConnectionString().replace("mongodb://", "");
        firstClient = MongoClients.create(uri);
        secondClient = MongoClients.create(uri);
        first = new SchedulerLocks().lockProvider(new MongoTemplate(firstClient, "publication-service"));
        second = new SchedulerLocks().lockProvider(new MongoTemplate(secondClient, "publication-service"));
    }

    @AfterEach
    void stop() {
        firstClient.close();
        secondClient.close();
        server.shutdownNow();
    }

    private static LockConfiguration job(String name, Duration atMost) {
        return new LockConfiguration(Instant.now(), name, atMost, Duration.ZERO);
    }

    @Test
    void aHeldLockIsNotTakenByTheOtherInstanceAndIsFreeAgainOnceReleased() {
        Optional<SimpleLock> held = first.lock(job("consultation-closing", Duration.ofMinutes(10)));
        assertThat(held).isPresent();

        assertThat(second.lock(job("consultation-closing", Duration.ofMinutes(10)))).as("held by the first").isEmpty();
        assertThat(second.lock(job("report-reminders", Duration.ofMinutes(10)))).as("another job is independent").isPresent();

        held.get().unlock();
        assertThat(second.lock(job("consultation-closing", Duration.ofMinutes(10)))).as("released").isPresent();
    }

    @Test
    void aLockOfACrashedInstanceExpiresAfterLockAtMostFor() {
        assertThat(first.lock(job("document-deadlines", Duration.ofMillis(300)))).isPresent(); // never released

        assertThat(second.lock(job("document-deadlines", Duration.ofMinutes(10)))).isEmpty();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> second.lock(job("document-deadlines", Duration.ofMinutes(10))).isPresent());
    }

    @Test
    void whileOneInstanceRunsAJobTheOtherSkipsItsRound() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch firstIsRunning = new CountDownLatch(1);
        CountDownLatch secondHasTried = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            var firstRound = pool.submit(() -> {
                new DefaultLockingTaskExecutor(first).executeWithLock((Runnable) () -> {
                    runs.incrementAndGet();
                    firstIsRunning.countDown();
                    awaitQuietly(secondHasTried); // the round is still working when the other instance's round starts
                }, job("consultation-closing", Duration.ofMinutes(10)));
                return null;
            });
            assertThat(firstIsRunning.await(60, TimeUnit.SECONDS)).isTrue();

            new DefaultLockingTaskExecutor(second).executeWithLock((Runnable) runs::incrementAndGet,
                    job("consultation-closing", Duration.ofMinutes(10)));
            secondHasTried.countDown();
            firstRound.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertThat(runs).as("the second instance skipped its round").hasValue(1);

        new DefaultLockingTaskExecutor(second).executeWithLock((Runnable) runs::incrementAndGet,
                job("consultation-closing", Duration.ofMinutes(10)));
        assertThat(runs).as("the next round runs again").hasValue(2);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
