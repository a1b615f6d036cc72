package org.gongkai.localmongo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;

/**
 * How a query reads an {@link OrderedIndex}, chosen as MongoDB's planner would for the indexes we declare
 * (equality keys first, then the sort keys): the query's equalities on the index's first keys give the range to walk,
 * and when the requested sort is the index's next keys (all in the index's direction, or all reversed) the walk is
 * already in order, so a page stops after its own documents. A query the plan {@linkplain #coversQuery() covers}
 * (nothing but those equalities) is answered, and counted, from the index alone. A sparse index also answers
 * {@code {key: {$exists: true}}} on its first key, as the outbox relay's backstop asks for the few aggregates with
 * events still waiting.
 *
 * A query with {@code $in} on the first key (Spring Data's {@code findByOpinionIdIn}) walks one range per value.
 *
 * @param index        the index walked
 * @param ranges       the ranges walked, one after the other: each the values of the index's first keys, normalised
 *                     (one empty range: the whole index)
 * @param narrows      whether the plan reads fewer documents than the collection holds (equalities, {@code $in} or
 *                     {@code $exists} on a sparse index), rather than only giving the order
 * @param reversed     whether the walk runs against the index's order
 * @param servesOrder  whether the walk is in the requested sort order (a sort was requested and is the index's)
 * @param coversQuery  whether every entry in the ranges matches the query
 */
record IndexPlan(OrderedIndex index, List<List<Object>> ranges, boolean narrows, boolean reversed, boolean servesOrder,
        boolean coversQuery) {

    /** Beyond this, an {@code $in} on the first key is left to a scan. */
    static final int MAX_IN_VALUES = 100;

    /*
     * Narrowing first: an order-only walk of a whole index reads the whole collection when the page's documents are
     * rare, while a narrowed read is bounded by what matches.
     */
    private static final Comparator<IndexPlan> BEST_FIRST = Comparator.comparing(IndexPlan::narrows)
            .thenComparing(IndexPlan::servesOrder)
            .thenComparing(IndexPlan::coversQuery)
            .thenComparingInt(plan -> plan.ranges().get(0).size())
            .reversed();

    /** The best plan for the query and sort (null or empty: none requested), or null when no index narrows the read. */
    static IndexPlan choose(List<OrderedIndex> indexes, Document query, Document orderBy) {
        return indexes.stream()
                .filter(OrderedIndex::usable)
                .map(index -> planFor(index, query, orderBy))
                .filter(plan -> plan != null)
                .min(BEST_FIRST)
                .orElse(null);
    }

    /** The positions in the ranges, in the walk's order. */
    Stream<Object> positions() {
        return ranges.stream()
                .flatMap(range -> StreamSupport.stream(
                        Spliterators.spliteratorUnknownSize(index.walk(range, reversed), Spliterator.ORDERED), false))
                .map(OrderedIndex.Entry::position);
    }

    /** How many entries the ranges hold: for a plan that covers its query, how many documents match. */
    long count() {
        return ranges.stream().mapToLong(index::count).sum();
    }

    private static IndexPlan planFor(OrderedIndex index, Document query, Document orderBy) {
        List<IndexKey> keys = index.getKeys();
        Object firstCondition = query.get(keys.get(0).getKey());
        List<Object> inValues = inValues(firstCondition);
        if (inValues != null) {
            // one range per value: together they are in no sort order, and only the first key is narrowed
            List<List<Object>> ranges = inValues.stream().map(value -> OrderedIndex.normalized(List.of(value))).toList();
            return new IndexPlan(index, ranges, true, false, false, false);
        }
        List<Object> equalities = new ArrayList<>();
        for (IndexKey key : keys) {
            Object value = equalityValue(query.get(key.getKey()));
            if (value == null) {
                break;
            }
            equalities.add(value);
        }
        int prefixLength = equalities.size();
        // a multikey index narrows but gives no sort order, and may hold a document more than once
        Boolean reversed = index.multikey() ? null : sortDirection(keys.subList(prefixLength, keys.size()), orderBy);
        boolean servesOrder = reversed != null;
        Set<String> prefixKeys = Set.copyOf(keys.subList(0, prefixLength).stream().map(IndexKey::getKey).toList());
        boolean coversQuery = !index.multikey() && query.keySet().equals(prefixKeys);
        if (prefixLength == 0) {
            // a sparse index holds every document that has its first key: {key: {$exists: true}} reads only those
            if (index.sparse() && isExistsTrue(firstCondition)) {
                return new IndexPlan(index, List.of(List.of()), true, false, false, false);
            }
            // otherwise the whole index is walked: worth it only in sort order, and only if every document is in it
            if (!servesOrder || index.sparse()) {
                return null;
            }
        }
        return new IndexPlan(index, List.of(OrderedIndex.normalized(equalities)), prefixLength > 0, servesOrder && reversed,
                servesOrder, coversQuery);
    }

    /** The values of {@code {$in: [...]}} when all are scalars and there are at most {@link #MAX_IN_VALUES}, else null. */
    private static List<Object> inValues(Object condition) {
        if (condition instanceof Document operators && operators.keySet().equals(Set.of("$in"))
                && operators.get("$in") instanceof Collection<?> values && !values.isEmpty() && values.size() <= MAX_IN_VALUES
                && values.stream().allMatch(IndexPlan::isScalar)) {
            return values.stream().distinct().map(Object.class::cast).toList();
        }
        return null;
    }

    private static boolean isExistsTrue(Object condition) {
        return condition instanceof Document operators && operators.keySet().equals(Set.of("$exists"))
                && (Boolean.TRUE.equals(operators.get("$exists"))
                        || operators.get("$exists") instanceof Number number && number.doubleValue() != 0);
    }

    /**
     * Whether walking {@code remainingKeys} gives the requested order: false forwards, true reversed, null when no sort
     * was requested or the index cannot give it.
     */
    private static Boolean sortDirection(List<IndexKey> remainingKeys, Document orderBy) {
        if (orderBy == null || orderBy.isEmpty() || orderBy.size() > remainingKeys.size()) {
            return null;
        }
        Boolean reversed = null;
        int i = 0;
        for (Map.Entry<String, Object> sortKey : orderBy.entrySet()) {
            IndexKey indexKey = remainingKeys.get(i++);
            if (!indexKey.getKey().equals(sortKey.getKey()) || !(sortKey.getValue() instanceof Number direction)) {
                return null;
            }
            boolean against = (direction.intValue() > 0) != indexKey.isAscending();
            if (reversed != null && reversed != against) {
                return null;
            }
            reversed = against;
        }
        return reversed;
    }

    /**
     * A condition an index range can answer: a scalar value, or {@code {$eq: scalar}}; null otherwise (absent, null
     * — which also matches a missing field —, arrays, embedded documents, regular expressions and other operators).
     */
    private static Object equalityValue(Object condition) {
        if (condition instanceof Document operators && operators.keySet().equals(Set.of("$eq"))) {
            condition = operators.get("$eq");
        }
        return isScalar(condition) ? condition : null;
    }

    private static boolean isScalar(Object value) {
        return value instanceof String || value instanceof Number || value instanceof Boolean || value instanceof Instant
                || value instanceof Date || value instanceof ObjectId || value instanceof UUID;
    }
}
