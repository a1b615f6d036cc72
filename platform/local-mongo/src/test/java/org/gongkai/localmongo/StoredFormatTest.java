package org.gongkai.localmongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.DataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;

/**
 * Documents and unique keys are stored as BSON, where H2's default type Java-serialises them (and compares unique keys
 * by serialising both on every comparison); what BSON would not give back equal is still serialised, and files written
 * before stay readable.
 */
class StoredFormatTest {

    @RegisterExtension
    final ServedBackends served = new ServedBackends();

    @TempDir
    Path dir;

    @Test
    void documentsComeBackEqual_asBsonWhereBsonGivesThemBackAndSerialisedOtherwise() {
        Document everyWireType = new Document("_id", "c-1").append("int", 42).append("long", 42L).append("double", 4.2)
                .append("negativeZero", -0.0).append("notANumber", Double.NaN).append("text", "安全生产 意见 😀")
                .append("flag", true).append("nothing", null).append("at", Instant.parse("2026-12-02T08:15:30.123Z"))
                .append("oid", new ObjectId()).append("uuid", UUID.randomUUID()).append("bytes", new BinData(new byte[] {1, 2, 3}))
                .append("decimal", Decimal128.TWO)
                .append("nested", new Document("section", "disaster-relief").append("counts", List.of(1, 2L, "三")))
                .append("outbox", List.of(new Document("eventId", "e-1").append("attempts", 0)));
        assertStoredAsBson(new StoredDocumentType(), everyWireType);

        // set on the server to the nanosecond ($currentDate), or a lone surrogate: BSON would change them
        assertStoredSerialised(new StoredDocumentType(), new Document("_id", "c-2").append("at", Instant.parse("2026-12-02T08:15:30.123456789Z")));
        assertStoredSerialised(new StoredDocumentType(), new Document("_id", "c-3").append("nested", new Document("text", "a\uD800b")));
        assertStoredSerialised(new StoredDocumentType(), "not a document");
    }

    @Test
    void uniqueKeysComeBackEqual_andCompareByValue_consistentlyWithEquals() {
        UniqueKeyType keys = new UniqueKeyType();
        assertStoredAsBson(keys, new KeyValue("c-1"));
        assertStoredAsBson(keys, new KeyValue(-1.0, "WS-05", 7, 7L, true, new ObjectId(), UUID.randomUUID(), Instant.ofEpochMilli(1_000)));
        assertStoredSerialised(keys, new KeyValue(new Document("a", 1)));
        assertStoredSerialised(keys, new KeyValue((Object) null));

        List<KeyValue> samples = List.of(new KeyValue(-1.0), new KeyValue(1.0), new KeyValue(2.0), new KeyValue(1), new KeyValue(1L),
                new KeyValue("a"), new KeyValue("b"), new KeyValue("a", "b"), new KeyValue("a", "c"), new KeyValue((Object) null),
                new KeyValue(new Document("a", 1)), new KeyValue(new Document("a", 2)), new KeyValue(-0.0), new KeyValue(0.0));
        for (KeyValue a : samples) {
            for (KeyValue b : samples) {
                KeyValue copyOfB = copyOf(b);
                assertThat(keys.compare(a, copyOfB) == 0).as("%s compared with %s", a, b).isEqualTo(a.equals(b));
                assertThat(Integer.signum(keys.compare(a, b))).as("%s against %s", a, b).isEqualTo(-Integer.signum(keys.compare(b, a)));
            }
        }
        // by value, where the serialised bytes order 1.0 (0x3FF0…) before -1.0 (0xBFF0…)
        assertThat(keys.compare(new KeyValue(-1.0), new KeyValue(1.0))).isNegative();
        assertThat(keys.compare(new KeyValue("a", "b"), new KeyValue("a", "c"))).isNegative();
    }

    @Test
    void aFileWrittenByTheLibrarysBackendOpens_itsUniqueIndexesRebuiltByValue() throws Exception {
        Path file = dir.resolve("written-before.mv");
        H2Backend library = new H2Backend(file.toString());
        MongoCollection<org.bson.Document> before = served.serve(library).getDatabase("publication").getCollection("documents");
        before.createIndex(Indexes.ascending("number"), new IndexOptions().unique(true));
        for (int i = 0; i < 300; i++) {
            before.insertOne(new org.bson.Document("_id", "d-" + i).append("number", "应急〔2026〕" + i + "号").append("rank", i % 7 - 3));
        }
        served.stopAll();

        for (int start = 0; start < 2; start++) { // opened once to migrate, once more as it is then
            String added = "new-" + start;
            MongoClient client = served.serve(new DurableH2Backend(file.toString(), false));
            MongoCollection<org.bson.Document> documents = client.getDatabase("publication").getCollection("documents");
            for (int i = 0; i < 300; i += 37) {
                assertThat(documents.find(new org.bson.Document("_id", "d-" + i)).first()).containsEntry("rank", i % 7 - 3);
                assertThat(documents.find(new org.bson.Document("number", "应急〔2026〕" + i + "号")).first()).containsEntry("_id", "d-" + i);
            }
            assertThat(documents.countDocuments()).isEqualTo(300 + start);
            assertThatThrownBy(() -> documents.insertOne(new org.bson.Document("_id", "d-0").append("number", "新")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            assertThatThrownBy(() -> documents.insertOne(new org.bson.Document("_id", added).append("number", "应急〔2026〕5号")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            documents.insertOne(new org.bson.Document("_id", added).append("number", "应急〔2026〕新" + start + "号"));
            served.stopAll();
        }

        MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open();
        try {
            assertThat(store.getMapNames()).contains("publication.documents._index__id_#by-value", "publication.documents._index_number_1#by-value")
                    .doesNotContain("publication.documents._index__id_", "publication.documents._index_number_1");
            // the documents written since are BSON; those written before are read as they were stored
            FirstByte firstByte = new FirstByte();
            List<Byte> tags = new ArrayList<>();
            store.openMap("databases.publication.documents", new org.h2.mvstore.MVMap.Builder<Object, Byte>().valueType(firstByte))
                    .forEach((id, tag) -> tags.add(tag));
            assertThat(tags).hasSize(302).contains(BsonStorage.TAG);
        } finally {
            store.close();
        }
    }

    @Test
    void aUniqueIndexKeepsManyKeysPerPage_soAnInsertRewritesAShortPath() {
        DurableH2Backend backend = new DurableH2Backend(dir.resolve("pages.mv").toString(), false);
        MongoCollection<org.bson.Document> comments = served.serve(backend).getDatabase("consultation").getCollection("comments");
        for (int i = 0; i < 3_000; i++) {
            comments.insertOne(new org.bson.Document("_id", UUID.randomUUID().toString()).append("content", "意见 " + i));
        }
        org.h2.mvstore.MVMap<Object, Object> idIndex = backend.getMvStore().openMap("consultation.comments._index__id_#by-value");
        assertThat(idIndex.sizeAsLong()).isEqualTo(3_000);
        int depth = 1;
        org.h2.mvstore.Page<Object, Object> page = idIndex.getRootPage();
        while (!page.isLeaf()) {
            page = page.getChildPage(0);
            depth++;
        }
        // 3,000 keys of 36 characters: about 25 to a 4 KB page, so three levels; at one or two keys a page, eleven
        assertThat(depth).as("levels of the _id index").isLessThanOrEqualTo(4);
    }

    /** An equal key, not the same object (H2 compares a looked-up key with stored ones). */
    private static KeyValue copyOf(KeyValue key) {
        List<Object> values = new ArrayList<>();
        key.forEach(values::add);
        return new KeyValue(values);
    }

    private static void assertStoredAsBson(DataType<Object> type, Object value) {
        ByteBuffer stored = write(type, value);
        assertThat(stored.get(0)).as("first byte of %s", value).isEqualTo(BsonStorage.TAG);
        assertThat(type.read(stored)).isEqualTo(value);
        assertThat(stored.remaining()).isZero();
    }

    private static void assertStoredSerialised(DataType<Object> type, Object value) {
        ByteBuffer stored = write(type, value);
        assertThat(stored.get(0)).as("first byte of %s", value).isNotEqualTo(BsonStorage.TAG);
        assertThat(type.read(stored)).isEqualTo(value);
    }

    private static ByteBuffer write(DataType<Object> type, Object value) {
        WriteBuffer buffer = new WriteBuffer();
        type.write(buffer, value);
        buffer.put((byte) 99); // what follows in the page must stay where it is
        ByteBuffer stored = buffer.getBuffer();
        stored.flip();
        stored.limit(stored.limit() - 1);
        return stored;
    }

    /** Reads a stored value as its first byte only, skipping the rest: tells BSON from the library's serialised form. */
    private static final class FirstByte extends BasicDataType<Byte> {
        private final StoredDocumentType documents = new StoredDocumentType();

        @Override
        public int getMemory(Byte value) {
            return 1;
        }

        @Override
        public void write(WriteBuffer buff, Byte value) {
            throw new UnsupportedOperationException("read only");
        }

        @Override
        public Byte read(ByteBuffer buff) {
            byte first = buff.get(buff.position());
            documents.read(buff);
            return first;
        }

        @Override
        public Byte[] createStorage(int size) {
            return new Byte[size];
        }
    }
}
