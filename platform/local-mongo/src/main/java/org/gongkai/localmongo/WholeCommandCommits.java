package org.gongkai.localmongo;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Writes that are answered only once they are in the file, and a file that only ever holds whole commands.
 * <p>
 * One command changes several of H2's maps one after the other (a collection's documents, then each of its indexes).
 * A commit taken in between would store a document without its {@code _id} or unique index entry, and after a
 * {@code kill -9} the index would not find it (a unique key accepted twice, an aggregate its {@code _id} cannot
 * reach). So commands run side by side, but a commit waits until none is half done, and holds new ones back while it
 * stores (a fair lock, so a stream of writes cannot keep it waiting).
 * <p>
 * Commits are grouped: a writer whose command another writer's commit already covered does not commit again, so
 * concurrent writers share one commit instead of queueing one each.
 */
final class WholeCommandCommits {

    private final Runnable commit;
    private final ReentrantReadWriteLock commandsOrCommit = new ReentrantReadWriteLock(true);
    private final Object oneCommitAtATime = new Object();
    private final AtomicLong written = new AtomicLong();
    private volatile long committed;

    /** @param commit stores everything written so far (H2's {@code MVStore.commit}) */
    WholeCommandCommits(Runnable commit) {
        this.commit = commit;
    }

    /** Runs a write command and answers once its changes are stored, even if it failed part way (a batch, say). */
    <T> T write(Supplier<T> command) {
        long mine;
        commandsOrCommit.readLock().lock();
        try {
            return command.get();
        } finally {
            mine = written.incrementAndGet();
            commandsOrCommit.readLock().unlock();
            commitUpTo(mine);
        }
    }

    private void commitUpTo(long write) {
        if (committed >= write) {
            return;
        }
        synchronized (oneCommitAtATime) {
            if (committed >= write) {
                return;
            }
            commandsOrCommit.writeLock().lock(); // waits for the commands half done
            try {
                long covered = written.get();
                commit.run();
                committed = covered;
            } finally {
                commandsOrCommit.writeLock().unlock();
            }
        }
    }

    /**
     * Runs store maintenance (compaction) while no command is half done, and commits what it changed before commands
     * go on.
     */
    void maintain(Runnable maintenance) {
        synchronized (oneCommitAtATime) {
            commandsOrCommit.writeLock().lock();
            try {
                long covered = written.get();
                maintenance.run();
                commit.run();
                committed = covered;
            } finally {
                commandsOrCommit.writeLock().unlock();
            }
        }
    }

    /** For tests: whether a commit is waiting for commands to finish. */
    boolean commitWaiting() {
        return commandsOrCommit.hasQueuedThreads();
    }
}
