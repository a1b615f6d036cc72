package org.gongkai.localmongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;

import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * Declared secondary indexes are walked: the same answers as mongo-java-server's scan (which keeps no secondary
 * index), after writes and after a restart, while a page reads only its own documents and a count reads none. These
 * are the shapes of the services' list queries: equalities on the first keys, then the sort keys, {@code _id} last.
 */
class OrderedIndexTest {

    private static final String DATABASE = "consultation";
    private static final String COLLECTION = "comments";
    private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");

    @TempDir
    Path dir;

    @RegisterExtension
    final ServedBackends served = new ServedBackends();

    private static MongoCollection<Document> collection(MongoClient client) {
        return client.getDatabase(DATABASE).getCollection(COLLECTION);
    }

    private static void declareIndexes(MongoCollection<Document> collection) {
        collection.createIndex(doc("consultationId", 1, "receivedAt", 1, "_id", 1), new IndexOptions().name("staff_list"));
        collection.createIndex(doc("consultationId", 1, "hidden", 1, "receivedAt", 1, "_id", 1), new IndexOptions().name("public_list"));
        collection.createIndex(doc("section", 1, "period.start", -1, "_id", 1), new IndexOptions().name("section_list"));
        collection.createIndex(doc("outbox.eventId", 1), new IndexOptions().name("pending_events").sparse(true));
        collection.createIndex(doc("tags", 1), new IndexOptions().name("tags")); // multikey: narrows, never sorts
        collection.createIndex(doc("labels", 1), new IndexOptions().name("labels").sparse(true));
        collection.createIndex(doc("receipt", 1), new IndexOptions().name("receipt").unique(true));
        collection.createIndex(doc("consultationId", 1, "clientFingerprint", 1, "contentHash", 1, "receivedAt", -1),
                new IndexOptions().name("same_text_same_client"));
    }

    private static Document doc(Object... keysAndValues) {
        Document document = new Document();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            document.append((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return document;
    }

    /** Comments of three consultations, with equal times, missing fields, numbers of several kinds and arrays. */
    private static List<Document> comments(int count) {
        List<Document> comments = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Document comment = doc("_id", String.format("c-%05d", (i * 7919) % count), "consultationId", "con-" + i % 3,
                    "hidden", i % 5 == 0, "section", "safety" + i % 2, "text", "意见 " + i, "tags", List.of("t" + i % 4),
                    "receipt", String.format("r-%05d", (i * 31) % count), "clientFingerprint", "f" + i % 50,
                    "contentHash", "h" + i % 2);
            if (i % 11 != 0) {
                comment.append("receivedAt", Date.from(START.plusSeconds(i / 4))); // groups of equal times
            }
            // the single-document outbox: entries waiting, or emptied by the relay, or never had one
            if (i % 13 == 0) {
                comment.append("outbox", List.of(doc("eventId", "e-" + i, "type", "comment-received")));
            } else if (i % 2 == 0) {
                comment.append("outbox", List.of());
            }
            if (i % 7 == 0) {
                comment.append("labels", List.of());
            } else if (i % 7 == 1) {
                comment.append("labels", List.of("x", "y"));
            }
            comment.append("period", doc("start", i % 2 == 0 ? (Object) (i % 6) : (Object) (double) (i % 6)));
            comments.add(comment);
        }
        return comments;
    }

    private static final Document OLDEST_FIRST = doc("receivedAt", 1, "_id", 1);
    private static final Document NEWEST_FIRST = doc("receivedAt", -1, "_id", -1);

    /** Query, sort (or null), skip, limit. */
    private record Page(Document query, Document sort, int skip, int limit) {
    }

    private static final List<Page> PAGES = List.of(
            new Page(doc("consultationId", "con-1"), OLDEST_FIRST, 0, 20),
            new Page(doc("consultationId", "con-1"), OLDEST_FIRST, 40, 20),
            new Page(doc("consultationId", "con-1"), OLDEST_FIRST, 95, 20), // runs past the end
            new Page(doc("consultationId", "con-2"), NEWEST_FIRST, 20, 20),
            new Page(doc("consultationId", doc("$eq", "con-0")), OLDEST_FIRST, 0, 0),
            new Page(doc("consultationId", "con-1", "hidden", false), OLDEST_FIRST, 20, 20),
            new Page(doc("consultationId", "con-1", "hidden", true), NEWEST_FIRST, 0, 10),
            new Page(doc("consultationId", "con-1", "text", doc("$regex", "1$")), OLDEST_FIRST, 5, 10), // not covered
            new Page(doc("consultationId", "con-1", "$or", List.of(doc("hidden", true), doc("section", "safety0"))), OLDEST_FIRST, 0, 30),
            new Page(doc("consultationId", "con-1"), doc("receivedAt", 1), 0, 0), // sort without _id: ties in either order
            new Page(doc("consultationId", "con-1"), doc("text", 1), 3, 7), // a sort the index cannot give
            new Page(doc("consultationId", "con-1"), null, 10, 10), // no sort: scan order
            new Page(doc("consultationId", "none"), OLDEST_FIRST, 0, 20),
            new Page(doc("consultationId", doc("$in", List.of("con-2", "con-0", "none"))), OLDEST_FIRST, 5, 30),
            new Page(doc("consultationId", doc("$in", List.of("con-2", "con-2"))), null, 0, 0),
            new Page(doc("tags", doc("$in", List.of("t1", "t9"))), null, 0, 0), // a document under both values, once
            new Page(doc("consultationId", doc("$in", List.of("con-1", doc("$gt", "a")))), null, 0, 0), // not a value list
            new Page(doc("consultationId", null), OLDEST_FIRST, 0, 20), // null matches a missing field: a scan
            new Page(doc("section", "safety1"), doc("period.start", -1, "_id", 1), 0, 25),
            new Page(doc("section", "safety1"), doc("period.start", 1, "_id", -1), 10, 25),
            new Page(doc("section", "safety0", "period.start", 4), doc("_id", 1), 0, 0), // 4 and 4.0 are one value
            new Page(doc("section", "safety0", "period.start", 4L), null, 0, 0),
            new Page(doc("outbox.eventId", "e-26"), null, 0, 0),
            new Page(doc("outbox.eventId", doc("$exists", true)), null, 0, 0), // the relay's backstop
            new Page(doc("outbox.eventId", doc("$exists", true)), doc("_id", -1), 2, 5),
            new Page(doc("outbox.eventId", doc("$exists", false)), null, 0, 0),
            new Page(doc("labels", doc("$exists", true)), null, 0, 0), // an empty array exists
            new Page(doc("labels", "y"), doc("receivedAt", -1, "_id", 1), 0, 0),
            new Page(doc("tags", "t1"), doc("_id", 1), 0, 15),
            new Page(doc("tags", "t1", "consultationId", "con-2"), null, 0, 0),
            new Page(doc(), OLDEST_FIRST, 0, 0),
            new Page(doc(), doc("receipt", 1), 0, 20), // a unique index walked in order
            new Page(doc(), doc("receipt", -1), 10, 20),
            new Page(doc("receipt", "r-00042"), null, 0, 0), // the library's own lookup
            new Page(doc("receipt", "r-00042", "hidden", false), null, 0, 0),
            new Page(doc("hidden", true), OLDEST_FIRST, 0, 12), // no index starts with hidden
            // the duplicate check: three equalities, then a range on the sort key, the newest first
            new Page(doc("consultationId", "con-1", "clientFingerprint", "f1", "contentHash", "h1", "receivedAt",
                    doc("$gt", Date.from(START.plusSeconds(10)))), doc("receivedAt", -1), 0, 1),
            new Page(doc("consultationId", "con-1", "clientFingerprint", "f1", "contentHash", "h1", "receivedAt",
                    doc("$gt", Date.from(START.plusSeconds(100_000)))), doc("receivedAt", -1), 0, 1));

    private static List<Document> find(MongoCollection<Document> collection, Page page) {
        var find = collection.find(page.query()).skip(page.skip()).limit(page.limit());
        if (page.sort() != null) {
            find = find.sort(page.sort());
        }
        return find.into(new ArrayList<>());
    }

    private static List<Object> ids(List<Document> documents) {
        return documents.stream().map(document -> document.get("_id")).toList();
    }

    private static void assertSameAnswers(MongoCollection<Document> walked, MongoCollection<Document> scanned) {
        for (Page page : PAGES) {
            List<Document> expected = find(scanned, page);
            List<Document> actual = find(walked, page);
            if (page.sort() != null && page.sort().equals(doc("receivedAt", 1))) {
                // MongoDB orders documents with equal sort keys as it likes: the same documents, in the requested order
                assertThat(actual).as("%s", page).containsExactlyInAnyOrderElementsOf(expected);
                assertThat(actual).extracting(d -> d.get("receivedAt")).as("%s", page)
                        .isEqualTo(expected.stream().map(d -> d.get("receivedAt")).toList());
            } else {
                assertThat(ids(actual)).as("%s", page).isEqualTo(ids(expected));
                assertThat(actual).as("%s", page).isEqualTo(expected);
            }
            assertThat(walked.countDocuments(page.query())).as("count %s", page).isEqualTo(scanned.countDocuments(page.query()));
            var options = new com.mongodb.client.model.CountOptions().skip(page.skip()).limit(page.limit());
            assertThat(walked.countDocuments(page.query(), options)).as("count %s with skip and limit", page)
                    .isEqualTo(scanned.countDocuments(page.query(), options));
        }
    }

    @Test
    void pagesAndCountsAnswerAsTheLibrarysScanDoes_beforeAndAfterWritesAndARestart() throws Exception {
        String file = dir.resolve("mongo.mv").toString();
        MongoCollection<Document> walked = collection(served.serve(new DurableH2Backend(file)));
        MongoCollection<Document> scanned = collection(served.serve(H2Backend.inMemory()));
        for (MongoCollection<Document> collection : List.of(walked, scanned)) {
            declareIndexes(collection);
            collection.insertMany(comments(300));
        }
        assertSameAnswers(walked, scanned);
        // not vacuous: the first page of con-1, oldest first, is the documents received first
        assertThat(find(walked, PAGES.get(0))).hasSize(20).allSatisfy(d -> assertThat(d.get("consultationId")).isEqualTo("con-1"));
        assertThat(walked.countDocuments(doc("consultationId", "con-1"))).isEqualTo(100);

        List<Consumer<MongoCollection<Document>>> writes = List.of(
                c -> c.updateMany(doc("consultationId", "con-2", "hidden", true), doc("$set", doc("consultationId", "con-1"))),
                c -> c.updateOne(doc("_id", "c-00007"), doc("$set", doc("receivedAt", Date.from(START.minusSeconds(60))))),
                c -> c.updateMany(doc("consultationId", "con-1", "section", "safety0"), doc("$set", doc("hidden", true))),
                c -> c.replaceOne(doc("_id", "c-00100"), doc("consultationId", "con-0", "hidden", false, "section", "safety1",
                        "receivedAt", Date.from(START), "period", doc("start", 9), "receipt", "r-new-1")),
                c -> c.updateOne(doc("_id", "c-00101"), doc("$unset", doc("receivedAt", ""))),
                c -> c.updateOne(doc("_id", "c-00013"), doc("$unset", doc("outbox", ""))),
                // the relay removes acked entries; a save adds one
                c -> c.updateMany(doc("consultationId", "con-1"), doc("$pull", doc("outbox", doc("eventId", doc("$in", List.of("e-13", "e-52")))))),
                c -> c.updateOne(doc("_id", "c-00021"), doc("$push", doc("outbox", doc("eventId", "e-new")))),
                c -> c.updateOne(doc("_id", "c-00022"), doc("$set", doc("labels", List.of()))),
                c -> c.updateOne(doc("_id", "c-00023"), doc("$set", doc("tags", List.of("t1", "t9")))),
                c -> c.deleteMany(doc("consultationId", "con-0", "section", "safety0")),
                c -> c.deleteOne(doc("_id", "c-00200")),
                c -> c.insertOne(doc("_id", "c-99999", "consultationId", "con-1", "hidden", false, "receivedAt",
                        Date.from(START.plusSeconds(3)), "outbox", List.of(doc("eventId", "e-26")), "receipt", "r-new-2")));
        for (Consumer<MongoCollection<Document>> write : writes) {
            write.accept(walked);
            write.accept(scanned);
        }
        assertSameAnswers(walked, scanned);
        // not vacuous: con-2's hidden comments moved over and now count and sort with con-1's
        assertThat(walked.countDocuments(doc("consultationId", "con-1"))).isGreaterThan(110);
        assertThat(walked.countDocuments(doc("consultationId", "con-2"))).isLessThan(90);

        // the index is rebuilt from the file at start-up
        served.stopAll();
        DurableH2Backend restarted = new DurableH2Backend(file);
        MongoCollection<Document> reopened = collection(served.serve(restarted));
        MongoCollection<Document> scannedAgain = collection(served.serve(H2Backend.inMemory()));
        scannedAgain.insertMany(reopened.find().into(new ArrayList<>()));
        assertSameAnswers(reopened, scannedAgain);
        assertThat(documentsReadBy(restarted, () -> find(reopened, PAGES.get(0)))).isEqualTo(20);
        // the unique index came back from the file, its order from the documents
        assertThat(documentsReadBy(restarted, () -> reopened.find().sort(doc("receipt", 1)).limit(20).into(new ArrayList<>())))
                .isEqualTo(20);
    }

    @Test
    void aPageReadsItsOwnDocumentsAndACountReadsNone_whateverTheCollectionsSize() {
        DurableH2Backend backend = new DurableH2Backend(dir.resolve("mongo.mv").toString());
        MongoCollection<Document> comments = collection(served.serve(backend));
        declareIndexes(comments);
        comments.insertMany(comments(6_000));

        Document con1 = doc("consultationId", "con-1");
        assertThat(documentsReadBy(backend, () -> comments.find(con1).sort(OLDEST_FIRST).limit(20).into(new ArrayList<>())))
                .isEqualTo(20);
        assertThat(documentsReadBy(backend, () -> comments.find(con1).sort(NEWEST_FIRST).skip(1_000).limit(20).into(new ArrayList<>())))
                .isEqualTo(20);
        assertThat(documentsReadBy(backend, () -> comments.find(doc("consultationId", "con-1", "hidden", false)).sort(OLDEST_FIRST)
                .limit(20).into(new ArrayList<>()))).isEqualTo(20);
        assertThat(documentsReadBy(backend, () -> comments.find().sort(doc("receipt", -1)).limit(20).into(new ArrayList<>())))
                .isEqualTo(20);
        // Spring Data's page total: countDocuments, an aggregation the driver sends
        assertThat(documentsReadBy(backend, () -> comments.countDocuments(con1))).isZero();
        assertThat(comments.countDocuments(con1)).isEqualTo(2_000);
        assertThat(documentsReadBy(backend, () -> comments.countDocuments(doc("consultationId", "con-1", "hidden", true)))).isZero();

        // $in on the first key reads the documents of its values only (Spring Data's findBy…In)
        assertThat(documentsReadBy(backend, () -> comments.find(doc("consultationId", doc("$in", List.of("con-1", "con-2"))))
                .sort(OLDEST_FIRST).limit(20).into(new ArrayList<>()))).isEqualTo(4_000);
        // a condition outside the index reads on until the page is full; other conditions and no index still scan
        long partlyCovered = documentsReadBy(backend, () -> comments.find(doc("consultationId", "con-1", "text", doc("$regex", "0$")))
                .sort(OLDEST_FIRST).limit(20).into(new ArrayList<>()));
        assertThat(partlyCovered).isBetween(20L, 1_000L);
        assertThat(documentsReadBy(backend, () -> comments.countDocuments(doc("hidden", true)))).isEqualTo(6_000);
        // a multikey index narrows to the documents it names, which the library then sorts
        assertThat(documentsReadBy(backend, () -> comments.find(doc("tags", "t1")).sort(doc("_id", 1)).limit(5).into(new ArrayList<>())))
                .isEqualTo(1_500);
        // the duplicate check reads the newest of the client's comments with that text, or at most all of them
        Document sameTextFromSameClient = doc("consultationId", "con-1", "clientFingerprint", "f1", "contentHash", "h1");
        assertThat(comments.countDocuments(sameTextFromSameClient)).isEqualTo(40);
        assertThat(documentsReadBy(backend, () -> comments.find(new Document(sameTextFromSameClient).append("receivedAt",
                doc("$gt", Date.from(START)))).sort(doc("receivedAt", -1)).limit(1).into(new ArrayList<>()))).isEqualTo(1);
        assertThat(documentsReadBy(backend, () -> comments.find(new Document(sameTextFromSameClient).append("receivedAt",
                doc("$gt", Date.from(START.plusSeconds(100_000))))).sort(doc("receivedAt", -1)).limit(1).into(new ArrayList<>())))
                .isEqualTo(40);
        // the relay's backstop reads only the aggregates with events waiting
        Document waiting = doc("outbox.eventId", doc("$exists", true));
        assertThat(documentsReadBy(backend, () -> comments.find(waiting).limit(200).into(new ArrayList<>()))).isEqualTo(200);
        assertThat(documentsReadBy(backend, () -> comments.find(waiting).into(new ArrayList<>()))).isEqualTo(462);
    }

    @Test
    void otherAggregationsAreNotTakenForACount() {
        MongoCollection<Document> walked = collection(served.serve(new DurableH2Backend(dir.resolve("mongo.mv").toString())));
        MongoCollection<Document> scanned = collection(served.serve(H2Backend.inMemory()));
        for (MongoCollection<Document> collection : List.of(walked, scanned)) {
            declareIndexes(collection);
            collection.insertMany(comments(90));
        }
        List<List<Document>> pipelines = List.of(
                List.of(doc("$match", doc("consultationId", "con-1")), doc("$group", doc("_id", "$section", "n", doc("$sum", 1)))),
                List.of(doc("$match", doc("consultationId", "con-1")), doc("$group", doc("_id", 1, "n", doc("$sum", 2)))),
                List.of(doc("$match", doc("consultationId", "con-1")), doc("$sort", doc("_id", 1)), doc("$group", doc("_id", 1, "n", doc("$sum", 1)))),
                List.of(doc("$match", doc("consultationId", "con-1")), doc("$group", doc("_id", 1, "total", doc("$sum", 1)))),
                List.of(doc("$match", doc("consultationId", "con-9")), doc("$group", doc("_id", 1, "n", doc("$sum", 1)))));
        for (List<Document> pipeline : pipelines) {
            assertThat(walked.aggregate(pipeline).into(new ArrayList<>())).as("%s", pipeline)
                    .isEqualTo(scanned.aggregate(pipeline).into(new ArrayList<>()));
        }
        assertThat(walked.aggregate(pipelines.get(3)).first()).isEqualTo(doc("_id", 1, "total", 30));
    }

    private static long documentsReadBy(DurableH2Backend backend, Runnable query) {
        IndexedH2Collection collection = (IndexedH2Collection) backend.resolveDatabase(DATABASE).resolveCollection(COLLECTION, true);
        long before = collection.documentsRead();
        query.run();
        return collection.documentsRead() - before;
    }
}
