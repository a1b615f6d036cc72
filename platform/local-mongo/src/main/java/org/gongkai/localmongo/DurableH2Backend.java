package org.gongkai.localmongo;

import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * The H2 backend, but a write is answered only after it is in the file: H2's MVStore would otherwise write changes out
 * about a second later, and a process killed in that second loses writes the client saw acknowledged. Commits are
 * grouped: a writer that finds its change already covered by another writer's commit does not commit again, so
 * concurrent writers share one commit instead of queueing one each.
 */
final class DurableH2Backend extends H2Backend {

    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify", "createindexes", "dropindexes",
            "drop", "dropdatabase", "create", "renamecollection");

    private final AtomicLong written = new AtomicLong();
    private final Object commitLock = new Object();
    private volatile long committed;

    DurableH2Backend(String file) {
        super(file);
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        if (!WRITES.contains(command.toLowerCase(java.util.Locale.ROOT))) {
            return super.handleCommand(channel, database, command, query);
        }
        Document answer;
        long mine;
        try {
            answer = super.handleCommand(channel, database, command, query);
        } finally {
            // a failed write may still have changed something (e.g. part of a batch): it is committed as well
            mine = written.incrementAndGet();
        }
        commitUpTo(mine);
        return answer;
    }

    private void commitUpTo(long write) {
        if (committed >= write) {
            return;
        }
        synchronized (commitLock) {
            if (committed >= write) {
                return;
            }
            long covered = written.get();
            commit();
            committed = covered;
        }
    }
}
