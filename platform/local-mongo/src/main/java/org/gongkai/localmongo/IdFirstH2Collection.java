package org.gongkai.localmongo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

import org.h2.mvstore.MVMap;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;

/**
 * An H2 collection that answers a query naming one {@code _id} (or a few) from the {@code _id} index even when the
 * query names more than {@code _id}. mongo-java-server uses an index only when the query's keys are exactly the
 * index's keys, so {@code {_id, revision}} (Spring Data's versioned save), {@code {_id, owner}} or
 * {@code {_id, $or}} read the whole collection. Here the index gives the candidates (the same lookup the library does
 * for {@code {_id: v}} alone) and the whole query is then matched against them as before, so the answer is the same.
 * Finds, counts, updates, replaces, deletes and findAndModify all choose their documents through
 * {@link #queryDocuments}.
 */
class IdFirstH2Collection extends H2Collection {

    /** Beyond this, an {@code $in} on {@code _id} is left to the library (a scan unless it names only {@code _id}). */
    static final int MAX_IN_VALUES = 100;

    private final LongAdder documentsRead = new LongAdder();
    /** The order of the collection's map, keyed by {@code _id}: the order a scan reads in. */
    private final Comparator<Object> scanOrder;

    IdFirstH2Collection(MongoDatabase database, String collectionName, CollectionOptions options, MVMap<Object, Document> dataMap,
            MVMap<String, Object> metaMap, CursorRegistry cursorRegistry) {
        super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
        this.scanOrder = dataMap.getKeyType()::compare;
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
            Document fieldSelector) {
        List<Object> candidates = candidatesById(query);
        if (candidates == null) {
            return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        // several documents ($in) come in the order a scan would have read them
        candidates.sort(isNaturalDescending(orderBy) ? scanOrder.reversed() : scanOrder);
        // a position removed meanwhile (count runs outside the collection's lock) is skipped
        Stream<Document> documents = candidates.stream().map(this::getDocument).filter(Objects::nonNull);
        return matchDocumentsFromStream(documents, query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    @Override
    protected QueryResult matchDocumentsFromStream(Stream<Document> documentStream, Document query, Document orderBy,
            int numberToSkip, int limit, int batchSize, Document fieldSelector) {
        // every query path (scan or index) matches through here: the count is what the query read
        return super.matchDocumentsFromStream(documentStream.peek(document -> documentsRead.increment()), query, orderBy,
                numberToSkip, limit, batchSize, fieldSelector);
    }

    /** Documents the queries of this collection have read and matched so far (for tests: 1 per query by {@code _id}). */
    long documentsRead() {
        return documentsRead.sum();
    }

    /** The positions of the documents the query's {@code _id} condition allows, or null to leave the query to the library. */
    private List<Object> candidatesById(Document query) {
        String idField = getIdField();
        if (idField == null || !query.containsKey(idField)) {
            return null;
        }
        Object lookup = idLookup(query.get(idField));
        Index<Object> idIndex = idIndex(idField);
        if (lookup == null || idIndex == null) {
            return null;
        }
        Document byId = new Document(idField, lookup);
        if (!idIndex.canHandle(byId)) {
            return null;
        }
        List<Object> positions = new ArrayList<>();
        idIndex.getPositions(byId).forEach(positions::add);
        return positions;
    }

    private Index<Object> idIndex(String idField) {
        for (Index<Object> index : getIndexes()) {
            if (index.isUnique() && index.getKeys().size() == 1 && index.getKeys().get(0).getKey().equals(idField)) {
                return index;
            }
        }
        return null;
    }

    /**
     * The condition on {@code _id} as the unique index looks it up: a plain value, {@code {$eq: v}} as v, or
     * {@code {$in: [...]}} of at most {@link #MAX_IN_VALUES} plain values; null for anything else (ranges, regular
     * expressions, null, which also matches a missing field, several operators).
     */
    static Object idLookup(Object condition) {
        if (condition instanceof Document operators && hasOperator(operators)) {
            if (operators.keySet().equals(Set.of("$eq"))) {
                Object value = operators.get("$eq");
                return isPlainValue(value) ? value : null;
            }
            if (operators.keySet().equals(Set.of("$in")) && operators.get("$in") instanceof Collection<?> values
                    && values.size() <= MAX_IN_VALUES && values.stream().allMatch(IdFirstH2Collection::isPlainValue)) {
                return operators;
            }
            return null;
        }
        return isPlainValue(condition) ? condition : null;
    }

    private static boolean isPlainValue(Object value) {
        return value != null && !(value instanceof Collection) && !BsonRegularExpression.isRegularExpression(value)
                && !(value instanceof Document document && hasOperator(document));
    }

    private static boolean hasOperator(Document document) {
        return document.keySet().stream().anyMatch(key -> key.startsWith("$"));
    }
}
