package org.gongkai.localmongo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
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
 * An H2 collection that reads only the documents a query can match, where mongo-java-server would read them all.
 * <ul>
 * <li>A query naming one {@code _id} (or a few) is answered from the {@code _id} index even when it names more than
 * {@code _id}. The library uses an index only when the query's keys are exactly the index's keys, so
 * {@code {_id, revision}} (Spring Data's versioned save), {@code {_id, owner}} or {@code {_id, $or}} read the whole
 * collection.</li>
 * <li>Any other query with equalities on the first keys of a declared secondary index, or sorted as one, walks that
 * {@link OrderedIndex} ({@link IndexPlan}): a page reads its own documents, and a count reads none.</li>
 * </ul>
 * The index gives the candidates and the whole query is then matched against them as before, so the answer is the
 * same. Finds, counts, updates, replaces, deletes and findAndModify all choose their documents through
 * {@link #queryDocuments}.
 */
class IndexedH2Collection extends H2Collection {

    /** Beyond this, an {@code $in} on {@code _id} is left to the library (a scan unless it names only {@code _id}). */
    static final int MAX_IN_VALUES = 100;

    private final LongAdder documentsRead = new LongAdder();
    /** The order of the collection's map, keyed by {@code _id}: the order a scan reads in. */
    private final Comparator<Object> scanOrder;

    /** Whether the store is still opening: indexes added meanwhile wait to be filled together. */
    private final BooleanSupplier storeOpening;
    private final List<OrderedIndex> waitingIndexes = new ArrayList<>();

    IndexedH2Collection(MongoDatabase database, String collectionName, CollectionOptions options, MVMap<Object, Document> dataMap,
            MVMap<String, Object> metaMap, CursorRegistry cursorRegistry, BooleanSupplier storeOpening) {
        super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
        this.storeOpening = storeOpening;
        this.scanOrder = dataMap.getKeyType()::compare;
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
            Document fieldSelector) {
        List<Object> candidates = candidatesById(query);
        if (candidates != null) {
            return answerFrom(candidates, query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        IndexPlan plan = planFor(query, orderBy);
        if (plan == null) {
            return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        if (!plan.servesOrder()) {
            return answerFrom(plan.positions().distinct().collect(Collectors.toCollection(ArrayList::new)), query, orderBy, numberToSkip,
                    limit, batchSize, fieldSelector);
        }
        // the walk is in the requested order: the stream stops once the page is full
        Stream<Object> positions = plan.positions();
        if (plan.coversQuery()) {
            // every entry matches: skip and limit on the index, reading only the page's documents
            positions = positions.skip(numberToSkip);
            if (limit > 0) {
                positions = positions.limit(limit);
            }
            numberToSkip = 0;
            limit = 0;
        }
        Stream<Document> documents = positions.map(this::getDocument).filter(Objects::nonNull);
        return matchDocumentsFromStream(documents, query, null, numberToSkip, limit, batchSize, fieldSelector);
    }

    /**
     * Counts a query that an ordered index covers from the index alone, reading no document. The library counts by
     * running the query (Spring Data's page totals reach here through {@code countDocuments}, see
     * {@link DurableH2Backend}).
     */
    @Override
    public int count(Document query, int skip, int limit) {
        IndexPlan plan = query == null || query.isEmpty() || candidatesById(query) != null ? null : planFor(query, null);
        if (plan == null || !plan.coversQuery()) {
            return super.count(query, skip, limit);
        }
        long count = Math.max(0, plan.count() - Math.max(skip, 0));
        return (int) (limit > 0 ? Math.min(count, limit) : count);
    }

    /** Documents at the given positions, matched and sorted as the library's scan would give them. */
    private QueryResult answerFrom(List<Object> candidates, Document query, Document orderBy, int numberToSkip, int limit,
            int batchSize, Document fieldSelector) {
        // several documents come in the order a scan would have read them
        candidates.sort(isNaturalDescending(orderBy) ? scanOrder.reversed() : scanOrder);
        // a position removed meanwhile (count runs outside the collection's lock) is skipped
        Stream<Document> documents = candidates.stream().map(this::getDocument).filter(Objects::nonNull);
        return matchDocumentsFromStream(documents, query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    /**
     * Adds the index as the library does, except where its ordered half must be filled from documents already stored:
     * while the store opens, every such index waits, and {@link #fillWaitingIndexes} fills them all in one read of the
     * documents (the library would read them twice per index); later, an ordered half the library leaves empty (a
     * unique half that came back full) is filled here at once.
     */
    @Override
    public void addIndex(Index<Object> index) {
        OrderedIndex ordered = index instanceof OrderedIndex plain ? plain
                : index instanceof OrderedUniqueIndex orderedUnique ? orderedUnique.ordered() : null;
        if (ordered == null || isEmpty()) {
            super.addIndex(index);
            return;
        }
        if (storeOpening.getAsBoolean()) {
            ordered.awaitFill();
            super.addIndex(index);
            if (getIndexes().contains(index)) {
                waitingIndexes.add(ordered);
            } else {
                ordered.filled(); // an index of that name was there already
            }
            return;
        }
        super.addIndex(index);
        if (getIndexes().contains(index) && ordered.isEmpty()) {
            streamAllDocumentsWithPosition().forEach(stored -> ordered.add(stored.getDocument(), stored.getPosition(), this));
        }
    }

    /** Fills the indexes that waited while the store opened, reading each document once. */
    synchronized void fillWaitingIndexes() {
        if (waitingIndexes.isEmpty()) {
            return;
        }
        streamAllDocumentsWithPosition().forEach(stored -> {
            for (OrderedIndex index : waitingIndexes) {
                index.add(stored.getDocument(), stored.getPosition(), this);
            }
        });
        waitingIndexes.forEach(OrderedIndex::filled);
        waitingIndexes.clear();
    }

    /** A plan over the ordered indexes, or null where the library's own index lookup or a scan answers. */
    private IndexPlan planFor(Document query, Document orderBy) {
        List<OrderedIndex> ordered = new ArrayList<>();
        for (Index<Object> index : getIndexes()) {
            if (index.canHandle(query)) {
                return null; // a unique index names the document
            }
            if (index instanceof OrderedIndex orderedIndex) {
                ordered.add(orderedIndex);
            } else if (index instanceof OrderedUniqueIndex orderedUnique) {
                ordered.add(orderedUnique.ordered());
            }
        }
        return ordered.isEmpty() ? null : IndexPlan.choose(ordered, query, orderBy);
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
                    && values.size() <= MAX_IN_VALUES && values.stream().allMatch(IndexedH2Collection::isPlainValue)) {
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
