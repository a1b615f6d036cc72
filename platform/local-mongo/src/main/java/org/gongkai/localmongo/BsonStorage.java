package org.gongkai.localmongo;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * What local-mongo's H2 types share: a value stored as BSON behind a tag of its own, and the test of whether BSON gives a
 * value back equal. H2's {@code ObjectDataType} tags are 0 to 119, so {@link #TAG} never starts a value it wrote: a file
 * written before (every document and index key Java-serialised) stays readable value by value.
 */
final class BsonStorage {

    /** Starts a value stored as BSON; outside {@code ObjectDataType}'s tags. */
    static final byte TAG = 127;

    private static final int INITIAL_BUFFER_BYTES = 4096;
    private static final int KEPT_BUFFER_BYTES = 256 * 1024;
    /** One encoding buffer per thread: H2 writes pages from the committing thread, reads from any. */
    private static final ThreadLocal<ByteBuf> BUFFERS = ThreadLocal.withInitial(() -> Unpooled.buffer(INITIAL_BUFFER_BYTES));

    private BsonStorage() {
    }

    /** Whether the next value in {@code buff} was stored as BSON (without moving past it). */
    static boolean startsHere(ByteBuffer buff) {
        return buff.get(buff.position()) == TAG;
    }

    /**
     * A buffer for encoding one value, empty; valid until the same thread asks again. One that a large document grew is
     * replaced, so that each thread keeps only a small one.
     */
    static ByteBuf encodingBuffer() {
        ByteBuf buffer = BUFFERS.get();
        if (buffer.capacity() > KEPT_BUFFER_BYTES) {
            buffer = Unpooled.buffer(INITIAL_BUFFER_BYTES);
            BUFFERS.set(buffer);
        }
        buffer.clear();
        return buffer;
    }

    /** Writes the tag, the length and the encoded bytes; answers the length. */
    static int writeTagged(WriteBuffer buff, ByteBuf encoded) {
        int length = encoded.readableBytes();
        buff.put(TAG).putVarInt(length).put(encoded.array(), encoded.arrayOffset() + encoded.readerIndex(), length);
        return length;
    }

    /** Reads past the tag and the length, and answers the encoded bytes (sharing {@code buff}'s memory). */
    static ByteBuf readTagged(ByteBuffer buff) {
        buff.get(); // the tag
        int length = DataUtils.readVarInt(buff);
        ByteBuf encoded = Unpooled.wrappedBuffer(buff.slice(buff.position(), length));
        buff.position(buff.position() + length);
        return encoded;
    }

    /**
     * Whether BSON gives {@code value} back equal to itself: the types the wire protocol carries, instants to the
     * millisecond (BSON's dates), documents and lists of such, strings without a lone surrogate (UTF-8 cannot hold one).
     * Anything else (an instant set on the server to the nanosecond, the library's {@code Missing}, a set) is left to
     * Java serialisation, as before.
     */
    static boolean givesBackEqual(Object value) {
        if (value == null || value instanceof Integer || value instanceof Long || value instanceof Double || value instanceof Boolean
                || value instanceof ObjectId || value instanceof UUID || value instanceof BinData || value instanceof Decimal128
                || value instanceof BsonTimestamp || value instanceof MaxKey || value instanceof MinKey) {
            return true;
        }
        if (value instanceof String text) {
            return wellFormedUtf16(text);
        }
        if (value instanceof Instant instant) {
            return instant.getNano() % 1_000_000 == 0;
        }
        if (value instanceof Document document) {
            for (Map.Entry<String, Object> field : document.entrySet()) {
                if (!wellFormedUtf16(field.getKey()) || field.getKey().indexOf('\0') >= 0 || !givesBackEqual(field.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (value instanceof List<?> list) {
            for (Object element : list) {
                if (!givesBackEqual(element)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static boolean wellFormedUtf16(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                if (!Character.isHighSurrogate(c) || i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            }
        }
        return true;
    }
}
