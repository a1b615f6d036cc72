package org.gongkai.localmongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file only ever holds whole commands: a commit waits for the commands half done and covers them, commits are
 * shared by writers that finish together, and H2 itself never commits in the background.
 */
class WholeCommandCommitsTest {

    private final AtomicInteger commandsHalfDone = new AtomicInteger();
    private final AtomicInteger commits = new AtomicInteger();
    private final AtomicInteger commitsDuringACommand = new AtomicInteger();
    private final WholeCommandCommits gate = new WholeCommandCommits(() -> {
        commits.incrementAndGet();
        if (commandsHalfDone.get() > 0) {
            commitsDuringACommand.incrementAndGet();
        }
    });

    private String command(CountDownLatch holdUntil) {
        commandsHalfDone.incrementAndGet();
        try {
            holdUntil.await(60, TimeUnit.SECONDS);
            return "done";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            commandsHalfDone.decrementAndGet();
        }
    }

    @Test
    void aCommitWaitsForTheCommandHalfDoneAndThenCoversIt() throws Exception {
        CountDownLatch slowCommandMayFinish = new CountDownLatch(1);
        CountDownLatch now = new CountDownLatch(0);
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try {
            Future<String> slow = writers.submit(() -> gate.write(() -> command(slowCommandMayFinish)));
            await().atMost(Duration.ofSeconds(30)).until(() -> commandsHalfDone.get() == 1);
            Future<String> quick = writers.submit(() -> gate.write(() -> command(now)));

            await().atMost(Duration.ofSeconds(30)).until(gate::commitWaiting);
            assertThat(commits).as("nothing committed while a command is half done").hasValue(0);
            assertThat(quick.isDone()).as("the quick write is not answered before it is stored").isFalse();

            slowCommandMayFinish.countDown();
            assertThat(quick.get(30, TimeUnit.SECONDS)).isEqualTo("done");
            assertThat(slow.get(30, TimeUnit.SECONDS)).isEqualTo("done");
            assertThat(commitsDuringACommand).hasValue(0);
            assertThat(commits.get()).as("one commit may cover both writes").isBetween(1, 2);
        } finally {
            writers.shutdownNow();
        }
    }

    @Test
    void manyConcurrentWritersNeverHaveACommitInTheMiddleOfACommandAndShareCommits() throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Void>> running = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                running.add(CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < 300; i++) {
                        gate.write(() -> {
                            commandsHalfDone.incrementAndGet();
                            Thread.yield(); // a command takes a moment: room for a commit to come in between
                            commandsHalfDone.decrementAndGet();
                            return null;
                        });
                    }
                }, writers));
            }
            CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        } finally {
            writers.shutdownNow();
        }
        assertThat(commitsDuringACommand).hasValue(0);
        assertThat(commits.get()).isPositive().isLessThanOrEqualTo(8 * 300);
    }

    @Test
    void theStoreIsOpenedWithoutBackgroundOrMemoryTriggeredCommits(@TempDir Path dir) {
        MVStore store = DurableH2Backend.openWithoutBackgroundCommits(dir.resolve("mongo.mv").toString());
        try {
            assertThat(store.getAutoCommitDelay()).isZero();
            assertThat(store.getAutoCommitMemory()).isZero();
        } finally {
            store.close();
        }
    }
}
