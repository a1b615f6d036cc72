package org.gongkai.localmongo;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

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

    DurableH2Backend(String file) {
        super(openWithoutBackgroundCommits(file));
        opened = true;
        if (openedFromFile != null) {
            openedFromFile.forEach(IndexedH2Collection::fillWaitingIndexes);
            openedFromFile = null;
        }
    }

    static MVStore openWithoutBackgroundCommits(String file) {
        return new MVStore.Builder().fileName(file).autoCommitDisabled().autoCommitBufferSize(0).open();
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

        IndexedH2Database(String databaseName) {
            super(databaseName, getMvStore(), getCursorRegistry());
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            MVStore store = getMvStore();
            String fullName = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> dataMap = store.openMap(DATA_MAP_PREFIX + fullName);
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

        /** A unique index other than {@code _id}'s can be walked in order too ({@link OrderedUniqueIndex}). */
        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            Index<Object> unique = super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
            boolean idIndex = keys.size() == 1 && keys.get(0).getKey().equals("_id");
            return idIndex ? unique : new OrderedUniqueIndex(unique, new OrderedIndex(indexName, keys, sparse, "_id"));
        }

        /** A declared non-unique index is kept and walked ({@link OrderedIndex}), where the library keeps an empty one. */
        @Override
        protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            return new OrderedIndex(indexName, keys, sparse, "_id");
        }

        /** {@code countDocuments} is answered as the count it is ({@link CountPipeline}), not as a scan of the collection. */
        @Override
        public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver databaseResolver, Oplog oplog) {
            CountPipeline count = command.equalsIgnoreCase("aggregate") && query.get(command) instanceof String collectionName
                    ? CountPipeline.of(query.get("pipeline")) : null;
            if (count == null) {
                return super.handleCommand(channel, command, query, databaseResolver, oplog);
            }
            String collectionName = (String) query.get(command);
            MongoCollection<Object> collection = resolveCollection(collectionName, false);
            int matching = collection == null ? 0 : collection.count(count.filter(), count.skip(), count.limit());
            Document cursor = new Document("id", 0L).append("ns", getFullCollectionNamespace(collectionName))
                    .append("firstBatch", count.answer(matching));
            return new Document("cursor", cursor).append("ok", 1.0);
        }
    }
}
