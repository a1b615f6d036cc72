package org.gongkai.localmongo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;

/**
 * The H2 backend, but a write is answered only after it is in the file ({@link WholeCommandCommits}), and the file
 * only ever holds whole commands. H2's MVStore would otherwise store changes from a background thread about once a
 * second, whatever they are at that moment: a process killed in that second loses writes the client saw
 * acknowledged, and a background commit in the middle of an insert could keep the document without its index
 * entries. So the store is opened without background or memory-triggered commits, and every commit comes from
 * {@link WholeCommandCommits}. Its collections find a query's documents by {@code _id} whenever the query names one
 * ({@link IndexedH2Collection}).
 */
final class DurableH2Backend extends H2Backend {

    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify", "createindexes", "dropindexes",
            "drop", "dropdatabase", "create", "renamecollection");

    private final WholeCommandCommits commits = new WholeCommandCommits(this::commit);

    /*
     * Set while H2Backend's constructor opens the stored databases, before this class's field initialisers would run:
     * hence no initialisers on these two.
     */
    private boolean opened;
    private List<IndexedH2Collection> openedFromFile;

    /**
     * How often the store's partly used chunks are rewritten. H2's background thread would do it, but it also commits
     * whenever it likes, so it is off; without this, every commit's chunk stays pinned by a few live pages and the
     * file only grows (the benchmark's 100,000 comments left 5.1 GB).
     */
    static final Duration HOUSEKEEPING_EVERY = Duration.ofSeconds(5);
    /** Chunks less full than this are rewritten; H2's own housekeeping aims at about the same. */
    static final int TARGET_FILL_RATE = 70;
    /** At most about this much is rewritten per round, so that writes wait for a round only briefly. */
    static final int REWRITE_BYTES_PER_ROUND = 4 * 1024 * 1024;

    private ScheduledExecutorService housekeeping;

    DurableH2Backend(String file) {
        this(file, true);
    }

    /** @param housekeeping whether to compact in the background (tests call {@link #compactNow()} themselves) */
    DurableH2Backend(String file, boolean housekeeping) {
        super(openWithoutBackgroundCommits(file));
        opened = true;
        if (openedFromFile != null) {
            openedFromFile.forEach(IndexedH2Collection::fillWaitingIndexes);
            openedFromFile = null;
        }
        if (housekeeping) {
            this.housekeeping = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "local-mongo-housekeeping");
                thread.setDaemon(true);
                return thread;
            });
            long every = HOUSEKEEPING_EVERY.toMillis();
            this.housekeeping.scheduleWithFixedDelay(this::compactNow, every, every, TimeUnit.MILLISECONDS);
        }
    }

    /** Rewrites the live pages of partly used chunks, so that the chunks can be freed and their space reused. */
    void compactNow() {
        try {
            commits.maintain(() -> getMvStore().compact(TARGET_FILL_RATE, REWRITE_BYTES_PER_ROUND));
        } catch (RuntimeException closedOrFailed) {
            LoggerFactory.getLogger(DurableH2Backend.class).warn("compacting the store failed: {}", closedOrFailed.toString());
        }
    }

    @Override
    public void close() {
        if (housekeeping != null) {
            housekeeping.shutdownNow();
            try {
                housekeeping.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        super.close();
    }

    /**
     * Entries per page before H2 splits it (H2's default is 48). Every command is committed on its own, and a commit
     * writes each page it changed whole, with its parents up to the root: a comment changes a few entries in many
     * pages (its document, an entry in each index, the store's chunk list), so the bytes a commit writes follow the
     * page size, not the change. Under the benchmark's comments the commits were half of the wire server's CPU,
     * writing the pages of H2's own chunk list the largest part of that.
     */
    static final int KEYS_PER_PAGE = 16;

    /**
     * How long a chunk no longer in use stays listed and unwritten (H2's default is 45 s). Every commit makes a chunk, so
     * at a few hundred commits a second H2's default kept over 13,000 chunks listed, and every commit rewrites the
     * pages of that list it changed: a commit cost the store a quarter more CPU than with 5 s. The time exists so that a
     * reader still walking an older version finds its pages, and so that the disk has written the newer chunks before
     * an older one is overwritten: this server's readers finish within their command, which takes milliseconds, and
     * what it promises is a write that survives the process being killed (the operating system holds what was
     * written), not one that survives a power cut.
     */
    static final Duration RETENTION = Duration.ofSeconds(5);

    static MVStore openWithoutBackgroundCommits(String file) {
        MVStore store = new MVStore.Builder().fileName(file).autoCommitDisabled().autoCommitBufferSize(0)
                .keysPerPage(KEYS_PER_PAGE).open();
        store.setRetentionTime((int) RETENTION.toMillis()); // not stored in the file: set on every open
        return store;
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        if (!WRITES.contains(command.toLowerCase(java.util.Locale.ROOT))) {
            return super.handleCommand(channel, database, command, query);
        }
        return commits.write(() -> super.handleCommand(channel, database, command, query));
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new IndexedH2Database(databaseName);
    }

    /**
     * H2's database with {@link IndexedH2Collection}s. An inner class: H2Database opens the stored collections in its
     * constructor, before a field of a subclass would be set, while the enclosing backend (and its store) is set
     * already.
     */
    private final class IndexedH2Database extends H2Database {

        // H2Database's names for a collection's maps, so that files written before stay readable
        private static final String DATA_MAP_PREFIX = "databases.";
        private static final String META_MAP_PREFIX = "meta.";
        /** Ends the name of a unique index's map ordered by value ({@link UniqueKeyType}). */
        private static final String BY_VALUE = "#by-value";

        IndexedH2Database(String databaseName) {
            super(databaseName, getMvStore(), getCursorRegistry());
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            MVStore store = getMvStore();
            String fullName = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> dataMap = store.openMap(DATA_MAP_PREFIX + fullName,
                    new MVMap.Builder<Object, Document>().valueType(new StoredDocumentType()));
            MVMap<String, Object> metaMap = store.openMap(META_MAP_PREFIX + fullName);
            IndexedH2Collection collection = new IndexedH2Collection(this, collectionName, options, dataMap, metaMap, cursorRegistry,
                    () -> !opened);
            if (!opened) {
                if (openedFromFile == null) {
                    openedFromFile = new ArrayList<>();
                }
                openedFromFile.add(collection);
            }
            return collection;
        }

        /**
         * A unique index keeps its keys in a map ordered by value ({@link StoredUniqueIndex}), and one other than
         * {@code _id}'s can be walked in order too ({@link OrderedUniqueIndex}).
         * <p>
         * The library's map for the index, ordered by serialised bytes, is read by nobody now: where it is still in a
         * file written before, it is removed and ours is emptied, so that the collection refills ours from its
         * documents ({@code addIndex} fills an empty index). The store opens without commits until the first command,
         * so a file holds either the old map or ours filled, never a part of ours.
         */
        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            MVStore store = getMvStore();
            String libraryMap = libraryIndexMap(collectionName, indexName);
            MVMap<Object, Object> map = store.openMap(libraryMap + BY_VALUE, new MVMap.Builder<Object, Object>().keyType(new UniqueKeyType()));
            if (store.hasMap(libraryMap)) {
                store.removeMap(libraryMap);
                map.clear();
            }
            Index<Object> unique = new StoredUniqueIndex(map, indexName, keys, sparse);
            boolean idIndex = keys.size() == 1 && keys.get(0).getKey().equals("_id");
            return idIndex ? unique : new OrderedUniqueIndex(unique, new OrderedIndex(indexName, keys, sparse, "_id"));
        }

        @Override
        protected void dropIndex(MongoCollection<Object> collection, String indexName) {
            super.dropIndex(collection, indexName);
            getMvStore().removeMap(libraryIndexMap(collection.getCollectionName(), indexName) + BY_VALUE);
        }

        /** The name H2Database gives an index's map. */
        private String libraryIndexMap(String collectionName, String indexName) {
            return getFullCollectionNamespace(collectionName) + "._index_" + indexName;
        }

        /** A declared non-unique index is kept and walked ({@link OrderedIndex}), where the library keeps an empty one. */
        @Override
        protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            return new OrderedIndex(indexName, keys, sparse, "_id");
        }

        /** {@code countDocuments} is answered as the count it is ({@link CountPipeline}), not as a scan of the collection. */
        @Override
        public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver databaseResolver, Oplog oplog) {
            CountPipeline count = command.equalsIgnoreCase("aggregate") ? CountPipeline.of(query.get("pipeline")) : null;
            if (count == null || !(query.get(command) instanceof String collectionName)) {
                return super.handleCommand(channel, command, query, databaseResolver, oplog);
            }
            MongoCollection<Object> collection = resolveCollection(collectionName, false);
            int matching = collection == null ? 0 : collection.count(count.filter(), count.skip(), count.limit());
            Document cursor = new Document("id", 0L).append("ns", getFullCollectionNamespace(collectionName))
                    .append("firstBatch", count.answer(matching));
            return new Document("cursor", cursor).append("ok", 1.0);
        }
    }
}
