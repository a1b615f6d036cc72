package org.gongkai.localmongo;

import java.nio.ByteBuffer;

import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;

/**
 * How a collection's documents are stored in H2: as BSON ({@link BsonStorage}). H2's default type Java-serialises each
 * document, with a new {@code ObjectOutputStream} every time; under the benchmark's comments that serialisation was the
 * wire server's largest cost. A value stored before, or one BSON would not give back equal, goes through
 * {@code ObjectDataType} as before, so old files read as they did and their documents become BSON as their pages are
 * written again.
 */
final class StoredDocumentType extends BasicDataType<Object> {

    /**
     * A decoded document takes several times its BSON in the heap (maps, entries, strings): H2 sizes its cache and its
     * pages by this estimate, as it did by twice the Java-serialised length.
     */
    private static final int HEAP_PER_BSON_BYTE = 4;

    private final ObjectDataType others = new ObjectDataType();
    /** A moving average, as H2's own estimate for serialised objects. */
    private volatile int averageMemory = 2_000;

    @Override
    public int getMemory(Object value) {
        return value instanceof Document ? averageMemory : others.getMemory(value);
    }

    @Override
    public void write(WriteBuffer buff, Object value) {
        if (!(value instanceof Document document) || !BsonStorage.givesBackEqual(document)) {
            others.write(buff, value);
            return;
        }
        ByteBuf encoded = BsonStorage.encodingBuffer();
        BsonEncoder.encodeDocument(document, encoded);
        int length = BsonStorage.writeTagged(buff, encoded);
        averageMemory = (int) ((length * HEAP_PER_BSON_BYTE + 15L * averageMemory) / 16);
    }

    @Override
    public Object read(ByteBuffer buff) {
        return BsonStorage.startsHere(buff) ? BsonDecoder.decodeBson(BsonStorage.readTagged(buff)) : others.read(buff);
    }

    @Override
    public int compare(Object a, Object b) {
        return others.compare(a, b); // values are not ordered; H2 compares them only for a conditional replace
    }

    @Override
    public Object[] createStorage(int size) {
        return new Object[size];
    }
}
