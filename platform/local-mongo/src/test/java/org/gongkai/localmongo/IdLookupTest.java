package org.gongkai.localmongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.result.DeleteResult;
import com.mongodb.client.result.UpdateResult;

import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * Queries that name {@code _id} and more are answered from the {@code _id} index: the same answers and the same
 * writes as mongo-java-server's own scan, reading one document instead of the collection.
 */
class IdLookupTest {

    private static final String DATABASE = "consultation";
    private static final String COLLECTION = "consultations";

    @TempDir
    Path dir;

    @RegisterExtension
    final ServedBackends served = new ServedBackends();

    /** Aggregates with a version, a lease, nested fields and arrays, and ids of several kinds. */
    private static List<Document> aggregates() {
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Document document = new Document("_id", "doc-" + i).append("revision", i % 4).append("owner", i % 3 == 0 ? "a" : "b")
                    .append("tags", List.of("t" + i % 5, "all"));
            if (i % 2 == 0) {
                document.append("lease", new Document("owner", i % 4 == 0 ? "relay-1" : "relay-2").append("until", i));
            }
            documents.add(document);
        }
        documents.add(new Document("_id", 7).append("revision", 1));
        documents.add(new Document("_id", 8.5).append("revision", 2));
        documents.add(new Document("_id", new Document("county", "东城").append("year", 2024)).append("revision", 0));
        return documents;
    }

    private static Document doc(Object... keysAndValues) {
        Document document = new Document();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            document.append((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return document;
    }

    private static final List<Document> QUERIES = List.of(
            doc("_id", "doc-5", "revision", 1),
            doc("_id", "doc-5", "revision", 2), // a stale version
            doc("_id", "doc-5", "revision", 1L),
            doc("_id", "doc-5", "revision", 1.0),
            doc("_id", "doc-6", "lease", doc("$exists", false)),
            doc("_id", "doc-6", "lease", doc("$exists", true)),
            doc("_id", "doc-8", "lease.owner", "relay-1"),
            doc("_id", "doc-8", "lease.owner", "relay-2"),
            doc("_id", "doc-6", "$or", List.of(doc("lease", doc("$exists", false)), doc("lease.until", doc("$lt", 7)))),
            doc("_id", "doc-7", "$or", List.of(doc("lease", doc("$exists", false)), doc("lease.until", doc("$lt", 7)))),
            doc("_id", "doc-9", "$and", List.of(doc("revision", 1), doc("owner", "a"))),
            doc("_id", doc("$eq", "doc-7"), "owner", "b"),
            doc("_id", doc("$eq", "doc-7"), "owner", "a"),
            doc("_id", doc("$in", List.of("doc-1", "doc-2", "doc-3", "doc-30", "none")), "owner", "b"),
            doc("_id", doc("$in", List.of("doc-12", "doc-3", "doc-1")), "tags", "all"),
            doc("_id", doc("$in", List.of("doc-1", 8.5, doc("county", "东城", "year", 2024), 7)), "revision", doc("$gte", 0)),
            doc("_id", "doc-3", "tags", "t3"),
            doc("_id", "doc-3", "tags", "t4"),
            doc("_id", 7L, "revision", 1),
            doc("_id", 7.0, "revision", 1),
            doc("_id", 8.5, "revision", doc("$gte", 2)),
            doc("_id", doc("county", "东城", "year", 2024), "revision", 0),
            doc("_id", doc("year", 2024, "county", "东城"), "revision", 0), // another key order is another value
            doc("_id", "none", "revision", 0),
            doc("_id", null, "revision", 0),
            doc("_id", doc("$gt", "doc-50"), "revision", 1), // a range: not narrowed, still the same answer
            doc("_id", doc("$eq", doc("$gt", "doc-50"))), // an operator as a value: not narrowed
            doc("_id", doc("$in", List.of("doc-4", "doc-5")), "$or", List.of(doc("revision", 0), doc("lease.until", 4))));

    @Test
    void findsAndCountsAnswerAsTheLibrarysScanDoes() {
        MongoClient narrowedClient = served.serve(new DurableH2Backend(dir.resolve("mongo.mv").toString()));
        MongoClient scannedClient = served.serve(H2Backend.inMemory());
        MongoCollection<Document> narrowed = collection(narrowedClient);
        MongoCollection<Document> scanned = collection(scannedClient);
        narrowed.insertMany(aggregates());
        scanned.insertMany(aggregates());

        for (Document query : QUERIES) {
            assertThat(find(narrowed, query)).as("find %s", query).isEqualTo(find(scanned, query));
            assertThat(count(narrowedClient, query)).as("count %s", query).isEqualTo(count(scannedClient, query));
            assertThat(narrowed.distinct("owner", query, String.class).into(new ArrayList<>())).as("distinct %s", query)
                    .isEqualTo(scanned.distinct("owner", query, String.class).into(new ArrayList<>()));
            Document newestFirst = doc("revision", -1);
            assertThat(narrowed.find(query).sort(newestFirst).into(new ArrayList<>())).as("sorted %s", query)
                    .isEqualTo(scanned.find(query).sort(newestFirst).into(new ArrayList<>()));
            Document naturalDescending = doc("$natural", -1);
            assertThat(narrowed.find(query).sort(naturalDescending).into(new ArrayList<>())).as("$natural -1 %s", query)
                    .isEqualTo(scanned.find(query).sort(naturalDescending).into(new ArrayList<>()));
        }
        // the comparison is not vacuous: the version decides
        assertThat(ids(narrowed, doc("_id", "doc-5", "revision", 1))).containsExactly("doc-5");
        assertThat(ids(narrowed, doc("_id", "doc-5", "revision", 2))).isEmpty();
        assertThat(ids(narrowed, doc("_id", doc("$in", List.of("doc-1", "doc-2", "doc-3", "doc-30", "none")), "owner", "b")))
                .containsExactly("doc-1", "doc-2");
    }

    @Test
    void writesByIdAndVersionChangeWhatTheLibrarysScanChanges() {
        MongoCollection<Document> narrowed = collection(served.serve(new DurableH2Backend(dir.resolve("mongo.mv").toString())));
        MongoCollection<Document> scanned = collection(served.serve(H2Backend.inMemory()));
        narrowed.insertMany(aggregates());
        scanned.insertMany(aggregates());

        List<Function<MongoCollection<Document>, Object>> writes = List.of(
                // Spring Data's versioned save: replace by _id and the version read
                c -> updated(c.replaceOne(doc("_id", "doc-5", "revision", 1), doc("revision", 2, "owner", "c"))),
                c -> updated(c.replaceOne(doc("_id", "doc-5", "revision", 1), doc("revision", 2, "owner", "stale"))),
                c -> updated(c.updateOne(doc("_id", "doc-6", "revision", 2), doc("$inc", doc("revision", 1)))),
                c -> updated(c.updateOne(doc("_id", "doc-6", "revision", 2), doc("$inc", doc("revision", 1)))),
                // the outbox lease taken over only from its holder, or when none holds it
                c -> updated(c.updateOne(doc("_id", "doc-8", "$or", List.of(doc("lease", doc("$exists", false)), doc("lease.owner", "relay-1"))),
                        doc("$set", doc("lease.owner", "relay-2")))),
                c -> updated(c.updateOne(doc("_id", "doc-8", "lease.owner", "relay-1"), doc("$set", doc("lease.owner", "relay-3")))),
                c -> updated(c.updateOne(doc("_id", "doc-9", "lease", doc("$exists", false)), doc("$set", doc("lease", doc("owner", "relay-1"))))),
                c -> updated(c.updateMany(doc("_id", doc("$in", List.of("doc-0", "doc-1", "doc-3", "doc-4")), "owner", "a"),
                        doc("$inc", doc("revision", 10)))),
                c -> updated(c.updateOne(doc("_id", "doc-3", "tags", "t3"), doc("$set", doc("tags.$", "t3-seen")))),
                c -> c.findOneAndUpdate(doc("_id", "doc-10", "revision", 2), doc("$inc", doc("revision", 1)),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)),
                c -> c.findOneAndUpdate(doc("_id", "doc-10", "revision", 2), doc("$inc", doc("revision", 1))),
                c -> c.findOneAndDelete(doc("_id", "doc-11", "revision", 3)),
                c -> deleted(c.deleteOne(doc("_id", "doc-12", "revision", 99))),
                c -> deleted(c.deleteMany(doc("_id", doc("$in", List.of("doc-13", "doc-14", "doc-15")), "owner", "b"))),
                c -> updated(c.updateOne(doc("_id", 7.0, "revision", 1), doc("$set", doc("revision", 2)))),
                c -> updated(c.updateOne(doc("_id", "new-1", "revision", 0), doc("$set", doc("owner", "a")), new UpdateOptions().upsert(true))),
                c -> updated(c.updateOne(doc("_id", "new-1", "revision", 0), doc("$set", doc("owner", "b")), new UpdateOptions().upsert(true))));

        List<Object> narrowedResults = new ArrayList<>();
        List<Object> scannedResults = new ArrayList<>();
        for (Function<MongoCollection<Document>, Object> write : writes) {
            narrowedResults.add(write.apply(narrowed));
            scannedResults.add(write.apply(scanned));
        }

        assertThat(narrowedResults).isEqualTo(scannedResults);
        assertThat(narrowed.find().into(new ArrayList<>())).isEqualTo(scanned.find().into(new ArrayList<>()));
        // a stale version matches nothing and changes nothing
        assertThat(narrowedResults.get(0)).isEqualTo(Map.of("matched", 1L, "modified", 1L));
        assertThat(narrowedResults.get(1)).isEqualTo(Map.of("matched", 0L, "modified", 0L));
        assertThat(narrowed.find(doc("_id", "doc-5")).first()).containsEntry("owner", "c");
    }

    @Test
    void aVersionedUpdateReadsOneDocumentOutOfAThousand() throws Exception {
        String file = dir.resolve("mongo.mv").toString();
        DurableH2Backend backend = new DurableH2Backend(file);
        MongoCollection<Document> aggregates = collection(served.serve(backend));
        List<Document> thousand = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            thousand.add(doc("_id", "doc-" + i, "revision", 0, "owner", "a"));
        }
        aggregates.insertMany(thousand);

        assertThat(documentsReadBy(backend, () -> aggregates.replaceOne(doc("_id", "doc-500", "revision", 0), doc("revision", 1))))
                .isEqualTo(1);
        assertThat(documentsReadBy(backend, () -> aggregates.updateOne(doc("_id", "doc-500", "revision", 0), doc("$set", doc("revision", 9)))
                .getMatchedCount())).isEqualTo(1); // stale: read, not matched
        // ids late in the collection's order, so that a scan stopping at the first match would still read hundreds
        assertThat(documentsReadBy(backend, () -> aggregates.find(doc("_id", doc("$eq", "doc-997"),
                "$or", List.of(doc("owner", doc("$exists", false)), doc("owner", "a")))).first())).isEqualTo(1);
        assertThat(documentsReadBy(backend, () -> aggregates.deleteMany(doc("_id", doc("$in", List.of("doc-998", "doc-999")), "owner", "a"))))
                .isEqualTo(2);
        // a query without an equality on _id still reads the collection, and the count shows it
        assertThat(documentsReadBy(backend, () -> aggregates.find(doc("owner", "a")).into(new ArrayList<>()))).isEqualTo(998);

        // collections opened from the file at start-up are looked up by _id as well
        served.stopAll();
        DurableH2Backend restarted = new DurableH2Backend(file);
        MongoCollection<Document> reopened = collection(served.serve(restarted));
        assertThat(documentsReadBy(restarted, () -> reopened.replaceOne(doc("_id", "doc-500", "revision", 1), doc("revision", 2))))
                .isEqualTo(1);
        assertThat(reopened.find().into(new ArrayList<>())).hasSize(998);
    }

    private static long documentsReadBy(DurableH2Backend backend, Runnable query) {
        IndexedH2Collection collection = (IndexedH2Collection) backend.resolveDatabase(DATABASE).resolveCollection(COLLECTION, true);
        long before = collection.documentsRead();
        query.run();
        return collection.documentsRead() - before;
    }

    private static MongoCollection<Document> collection(MongoClient client) {
        return client.getDatabase(DATABASE).getCollection(COLLECTION);
    }

    private static List<Document> find(MongoCollection<Document> collection, Bson query) {
        return collection.find(query).into(new ArrayList<>());
    }

    /** The count command, answered through the collection's query (the driver's countDocuments is an aggregation). */
    private static Object count(MongoClient client, Document query) {
        return client.getDatabase(DATABASE).runCommand(doc("count", COLLECTION, "query", query)).get("n");
    }

    private static List<Object> ids(MongoCollection<Document> collection, Bson query) {
        return find(collection, query).stream().map(document -> document.get("_id")).toList();
    }

    private static Map<String, Long> updated(UpdateResult result) {
        return Map.of("matched", result.getMatchedCount(), "modified", result.getModifiedCount());
    }

    private static long deleted(DeleteResult result) {
        return result.getDeletedCount();
    }
}
