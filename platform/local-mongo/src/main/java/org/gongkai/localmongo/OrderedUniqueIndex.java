package org.gongkai.localmongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.KeyConstraintError;

/**
 * A unique index that can also be walked in order: the library's own unique index (in the file) keeps the keys unique
 * and finds a document by them, and an {@link OrderedIndex} beside it (in memory) gives the order, so a list sorted by
 * a unique key, such as every section's documents by document number, reads only its page. The ordered half is filled
 * from the documents when the collection opens ({@link IndexedH2Collection#addIndex}): the library fills only an empty
 * index, and the unique half comes back from the file full.
 */
final class OrderedUniqueIndex extends Index<Object> {

    private final Index<Object> unique;
    private final OrderedIndex ordered;

    OrderedUniqueIndex(Index<Object> unique, OrderedIndex ordered) {
        super(unique.getName(), unique.getKeys(), ordered.sparse());
        this.unique = unique;
        this.ordered = ordered;
    }

    OrderedIndex ordered() {
        return ordered;
    }

    @Override
    public boolean isUnique() {
        return true;
    }

    @Override
    public Object getPosition(Document document) {
        return unique.getPosition(document);
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
        unique.checkAdd(document, collection);
    }

    @Override
    public void add(Document document, Object position, MongoCollection<Object> collection) {
        unique.add(document, position, collection);
        ordered.add(document, position, collection);
    }

    @Override
    public Object remove(Document document) {
        ordered.remove(document);
        return unique.remove(document);
    }

    @Override
    public boolean canHandle(Document query) {
        return unique.canHandle(query);
    }

    @Override
    public Iterable<Object> getPositions(Document query) {
        return unique.getPositions(query);
    }

    @Override
    public long getCount() {
        return unique.getCount();
    }

    @Override
    public boolean isEmpty() {
        return unique.isEmpty();
    }

    @Override
    public long getDataSize() {
        return unique.getDataSize();
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        unique.checkUpdate(oldDocument, newDocument, collection);
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, Object position, MongoCollection<Object> collection)
            throws KeyConstraintError {
        unique.updateInPlace(oldDocument, newDocument, position, collection);
        ordered.updateInPlace(oldDocument, newDocument, position, collection);
    }

    @Override
    public void drop() {
        ordered.drop();
        unique.drop();
    }
}
