package org.gongkai.localmongo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;

/**
 * A non-unique index, ordered as MongoDB orders one: by its keys, each ascending or descending, then by the
 * document's position. mongo-java-server keeps no secondary index (it logs "not yet implemented" and keeps an empty
 * one), so every list read and sorted its whole collection under the collection's lock. {@link IndexedH2Collection}
 * walks this index instead: a page reads only its own documents, and a count reads no document.
 * <p>
 * It lives in memory, not in the file: the library fills an empty index from the documents when it opens a
 * collection at start-up, so the index can never disagree with what a {@code kill -9} left in the file.
 * <p>
 * An array of scalars under a key gives one entry per element, as in MongoDB; such a {@linkplain #multikey() multikey}
 * index still narrows a query to the documents it names, but it no longer gives a sort order (MongoDB's order rules for
 * arrays differ), so the library sorts them. An embedded document under a key, or an array holding one, empties the
 * index for good (until a restart rebuilds it): such keys are never walked.
 */
final class OrderedIndex extends Index<Object> {

    private final String idField;
    private final List<Comparator<Object>> keyOrders = new ArrayList<>();
    private final Comparator<Entry> order = this::compare;
    private final ConcurrentSkipListSet<Entry> entries = new ConcurrentSkipListSet<>(order);
    private final AtomicLong size = new AtomicLong();
    private volatile boolean scalar = true;
    private volatile boolean multikey;
    private volatile boolean awaitingFill;
    /**
     * For each prefix length from 1 up to the keys before {@code _id}: how many entries start with each prefix (page
     * totals), kept from the first count by that length on ({@link #countsOfLength}). Prefixes that include {@code _id}
     * are one per document, and no list counts by them. Kept for every length from the start, the counters held one
     * entry per document for each length ending in a key of its own (a receipt, a time) that no list counts by: after
     * 140,000 comments a third of the wire server's heap, which G1 then marked over and over.
     */
    private final AtomicReferenceArray<Map<List<Object>, LongAdder>> prefixCounts;

    OrderedIndex(String name, List<IndexKey> keys, boolean sparse, String idField) {
        super(name, keys, sparse);
        this.idField = idField;
        boolean beforeId = true;
        int countable = 0;
        for (IndexKey key : keys) {
            keyOrders.add(key.isAscending() ? ValueComparator.asc() : ValueComparator.desc());
            beforeId &= !key.getKey().equals(idField);
            if (beforeId) {
                countable++;
            }
        }
        prefixCounts = new AtomicReferenceArray<>(countable);
    }

    /** One document's values for the index's keys, or a probe placed before or after every entry sharing a prefix. */
    record Entry(List<Object> values, Object position, int bound) {
    }

    /** Whether queries may walk this index: every document indexed holds scalars, or arrays of them, under its keys. */
    boolean usable() {
        return scalar && !awaitingFill;
    }

    /**
     * Marks the index as about to be filled by {@link IndexedH2Collection} (with the collection's other indexes, in one
     * read of its documents): until then the library does not fill it and no query walks it.
     */
    void awaitFill() {
        awaitingFill = true;
    }

    void filled() {
        awaitingFill = false;
    }

    /** Whether a document has held an array under a key: the index narrows, but its order is not a sort order. */
    boolean multikey() {
        return multikey;
    }

    boolean sparse() {
        return isSparse();
    }

    /** Entries whose first values equal {@code prefix}, in the index's order or reversed. */
    Iterator<Entry> walk(List<Object> prefix, boolean reversed) {
        NavigableSet<Entry> range = reversed
                ? entries.headSet(new Entry(prefix, null, 1), false).descendingSet()
                : entries.tailSet(new Entry(prefix, null, -1), false);
        Iterator<Entry> all = range.iterator();
        return new Iterator<>() {
            private Entry next = advance();

            private Entry advance() {
                if (!all.hasNext()) {
                    return null;
                }
                Entry candidate = all.next();
                return startsWith(candidate, prefix) ? candidate : null;
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public Entry next() {
                Entry current = next;
                next = advance();
                return current;
            }
        };
    }

    /** The query's equality values for the index's first keys, normalised as the index stores them. */
    static List<Object> normalized(List<Object> values) {
        if (values.isEmpty()) {
            return values;
        }
        List<Object> normalized = new ArrayList<>();
        new KeyValue(values).normalized().forEach(normalized::add);
        return normalized;
    }

    private boolean startsWith(Entry entry, List<Object> prefix) {
        for (int i = 0; i < prefix.size(); i++) {
            if (compareKey(i, entry.values().get(i), prefix.get(i)) != 0) {
                return false;
            }
        }
        return true;
    }

    private int compare(Entry a, Entry b) {
        int common = Math.min(a.values().size(), b.values().size());
        for (int i = 0; i < common; i++) {
            int cmp = compareKey(i, a.values().get(i), b.values().get(i));
            if (cmp != 0) {
                return cmp;
            }
        }
        if (a.bound() != 0 || b.bound() != 0) {
            return Integer.compare(a.bound(), b.bound());
        }
        return a.position() instanceof String x && b.position() instanceof String y ? x.compareTo(y)
                : ValueComparator.asc().compare(a.position(), b.position());
    }

    /**
     * The library's order for the key's values, with the common same-type cases compared directly (as the library
     * compares them): its comparator looks a value's type up in a list first, which made filling an index at start-up
     * slow.
     */
    private int compareKey(int key, Object a, Object b) {
        int cmp;
        if (a instanceof String x && b instanceof String y) {
            cmp = x.compareTo(y);
        } else if (a instanceof Instant x && b instanceof Instant y) {
            cmp = x.compareTo(y);
        } else if (a instanceof Boolean x && b instanceof Boolean y) {
            cmp = Boolean.compare(x, y);
        } else {
            return keyOrders.get(key).compare(a, b);
        }
        return getKeys().get(key).isAscending() ? cmp : -cmp;
    }

    /** The document's entries (none if a sparse index leaves it out), or null for keys this index cannot hold. */
    private Set<Entry> entriesOf(Document document, Object position) {
        boolean exists = false;
        boolean hasArray = false;
        for (String key : keys()) {
            Object value = Utils.getSubdocumentValueCollectionAware(document, key);
            if (value instanceof Document) {
                return null;
            }
            if (value instanceof Collection<?> elements) {
                if (elements.stream().anyMatch(element -> element instanceof Document || element instanceof Collection)) {
                    return null;
                }
                hasArray = true;
                exists |= elements.stream().anyMatch(element -> !(element instanceof Missing));
            }
            // as $exists sees it: a field holding null or an empty array exists, a path through an empty array does not
            exists |= !(Utils.getSubdocumentValue(document, key) instanceof Missing);
        }
        if (isSparse() && !exists) {
            return Set.of();
        }
        Set<KeyValue> keyValues;
        try {
            keyValues = getKeyValues(document);
        } catch (RuntimeException parallelArrays) {
            return null; // MongoDB refuses such a document; the library stores it, so this index steps aside
        }
        if (hasArray) {
            multikey = true;
        }
        Set<Entry> documentEntries = new HashSet<>();
        for (KeyValue keyValue : keyValues) {
            List<Object> values = new ArrayList<>(getKeys().size()); // held as long as the entry: no spare capacity (keys() would build a list)
            keyValue.forEach(values::add);
            documentEntries.add(new Entry(values, position, 0));
        }
        if (documentEntries.isEmpty()) {
            // an empty array: the document is still in the index (an existence query must find it), under no value
            documentEntries.add(new Entry(Collections.nCopies(keys().size(), Missing.getInstance()), position, 0));
        }
        return documentEntries;
    }

    private Object positionOf(Document document) {
        return Utils.getSubdocumentValue(document, idField);
    }

    /** A document that does not fit a scalar index turns it off for good (until the next start rebuilds it). */
    private void giveUp() {
        scalar = false;
        clear();
    }

    private void clear() {
        entries.clear();
        size.set(0);
        for (int i = 0; i < prefixCounts.length(); i++) {
            Map<List<Object>, LongAdder> counts = prefixCounts.get(i);
            if (counts != null) {
                counts.clear();
            }
        }
    }

    private void addAll(Set<Entry> toAdd) {
        for (Entry entry : toAdd) {
            if (entries.add(entry)) {
                size.incrementAndGet();
                countPrefixes(entry, 1);
            }
        }
    }

    private void removeAll(Set<Entry> toRemove) {
        for (Entry entry : toRemove) {
            if (entries.remove(entry)) {
                size.decrementAndGet();
                countPrefixes(entry, -1);
            }
        }
    }

    /** Counts the entry's prefixes of the lengths counted so far; called under the index's lock. */
    private void countPrefixes(Entry entry, int change) {
        for (int length = 1; length <= prefixCounts.length(); length++) {
            Map<List<Object>, LongAdder> counts = prefixCounts.get(length - 1);
            if (counts != null) {
                countPrefix(counts, entry, length, change);
            }
        }
    }

    private static void countPrefix(Map<List<Object>, LongAdder> counts, Entry entry, int length, int change) {
        counts.computeIfAbsent(new ArrayList<>(entry.values().subList(0, length)), prefix -> new LongAdder()).add(change);
    }

    /** The counters for prefixes of this length, started by one walk of the index the first time a count asks. */
    private Map<List<Object>, LongAdder> countsOfLength(int length) {
        Map<List<Object>, LongAdder> counts = prefixCounts.get(length - 1);
        return counts != null ? counts : startCounting(length);
    }

    // under the lock that add, remove and update take, so that no entry is counted twice or missed while the walk runs
    private synchronized Map<List<Object>, LongAdder> startCounting(int length) {
        Map<List<Object>, LongAdder> counts = prefixCounts.get(length - 1);
        if (counts == null) {
            counts = new ConcurrentHashMap<>();
            for (Entry entry : entries) {
                countPrefix(counts, entry, length, 1);
            }
            prefixCounts.set(length - 1, counts);
        }
        return counts;
    }

    /** The prefix lengths counted so far, shortest first. */
    List<Integer> countedPrefixLengths() {
        List<Integer> counted = new ArrayList<>();
        for (int length = 1; length <= prefixCounts.length(); length++) {
            if (prefixCounts.get(length - 1) != null) {
                counted.add(length);
            }
        }
        return counted;
    }

    /**
     * How many entries start with {@code prefix}: from a counter kept per prefix, without walking them, where the
     * prefix's values are strings, booleans or instants (whose equality is exactly the index's); otherwise by a walk.
     */
    long count(List<Object> prefix) {
        if (prefix.isEmpty()) {
            return size.get();
        }
        if (prefix.size() <= prefixCounts.length()
                && prefix.stream().allMatch(value -> value instanceof String || value instanceof Boolean || value instanceof Instant)) {
            LongAdder counted = countsOfLength(prefix.size()).get(prefix);
            return counted == null ? 0 : counted.sum();
        }
        long walked = 0;
        for (Iterator<Entry> range = walk(prefix, false); range.hasNext(); range.next()) {
            walked++;
        }
        return walked;
    }

    @Override
    public Object getPosition(Document document) {
        return null; // the _id index says where a document is
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
        // not unique: nothing to refuse
    }

    @Override
    public synchronized void add(Document document, Object position, MongoCollection<Object> collection) {
        if (!scalar) {
            return;
        }
        Set<Entry> toAdd = entriesOf(document, position);
        if (toAdd == null) {
            giveUp();
            return;
        }
        addAll(toAdd);
    }

    @Override
    public synchronized Object remove(Document document) {
        Object position = positionOf(document);
        if (scalar) {
            Set<Entry> toRemove = entriesOf(document, position);
            if (toRemove == null) {
                giveUp();
            } else {
                removeAll(toRemove);
            }
        }
        return position;
    }

    @Override
    public boolean canHandle(Document query) {
        return false; // walked by IndexedH2Collection's own plan, never by the library's equality lookup
    }

    @Override
    public Iterable<Object> getPositions(Document query) {
        throw new UnsupportedOperationException("walked by IndexedH2Collection only");
    }

    @Override
    public boolean isEmpty() {
        return !awaitingFill && getCount() == 0;
    }

    @Override
    public long getCount() {
        return size.get();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        // not unique: nothing to refuse
    }

    @Override
    public synchronized void updateInPlace(Document oldDocument, Document newDocument, Object position,
            MongoCollection<Object> collection) {
        if (!scalar) {
            return;
        }
        Set<Entry> before = entriesOf(oldDocument, position);
        Set<Entry> after = entriesOf(newDocument, position);
        if (before == null || after == null) {
            giveUp();
            return;
        }
        if (before.equals(after)) {
            return;
        }
        // the new entries go in before the old ones leave, so that a concurrent walk never misses the document
        Set<Entry> added = new HashSet<>(after);
        added.removeAll(before);
        Set<Entry> removed = new HashSet<>(before);
        removed.removeAll(after);
        addAll(added);
        removeAll(removed);
    }

    @Override
    public synchronized void drop() {
        multikey = false;
        clear();
    }
}
