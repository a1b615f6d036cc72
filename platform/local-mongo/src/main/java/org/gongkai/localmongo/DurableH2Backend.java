package org.gongkai.localmongo;

import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * The H2 backend, but a write is answered only after it is in the file: H2's MVStore would otherwise write changes out
 * about a second later, and a process killed in that second loses writes the client saw acknowledged. Commits are
 * grouped: a writer that finds its change already covered by another writer's commit does not commit again, so
 * concurrent writers share one commit instead of queueing one each. Its collections find a query's documents by
 * {@code _id} whenever the query names one ({@link IdFirstH2Collection}).
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

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new IdFirstH2Database(databaseName);
    }

    /**
     * H2's database with {@link IdFirstH2Collection}s. An inner class: H2Database opens the stored collections in its
     * constructor, before a field of a subclass would be set, while the enclosing backend (and its store) is set
     * already.
     */
    private final class IdFirstH2Database extends H2Database {

        // H2Database's names for a collection's maps, so that files written before stay readable
        private static final String DATA_MAP_PREFIX = "databases.";
        private static final String META_MAP_PREFIX = "meta.";

        IdFirstH2Database(String databaseName) {
            super(databaseName, getMvStore(), getCursorRegistry());
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            MVStore store = getMvStore();
            String fullName = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> dataMap = store.openMap(DATA_MAP_PREFIX + fullName);
            MVMap<String, Object> metaMap = store.openMap(META_MAP_PREFIX + fullName);
            return new IdFirstH2Collection(this, collectionName, options, dataMap, metaMap, cursorRegistry);
        }
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
