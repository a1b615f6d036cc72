package org.gongkai.localmongo;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;

/**
 * The keys of a unique index's map in H2: the library's {@link KeyValue}s. H2's default type compares objects that are not
 * {@link Comparable}, as {@code KeyValue} is not, by Java-serialising both on every comparison: each lookup in a unique
 * index (every find by {@code _id}, every insert) serialised some 30 keys. This type compares the values themselves and
 * stores keys of plain values as BSON ({@link BsonStorage}).
 * <p>
 * The order differs from the old byte order, so a map kept in it has a name of its own (see
 * {@link DurableH2Backend}); an index stored before is rebuilt from its collection once, when the store opens.
 * The unique index needs only equality from the order, and this order is consistent with {@code KeyValue.equals}:
 * values of one class compare by their natural order where that agrees with {@code equals}, values of different classes
 * by class name, anything else by its serialised bytes as before.
 */
final class UniqueKeyType extends BasicDataType<Object> {

    /** Classes whose natural order is consistent with {@code equals}. */
    private static final Set<Class<?>> NATURALLY_ORDERED = Set.of(String.class, Integer.class, Long.class, Double.class,
            Boolean.class, Instant.class, UUID.class, ObjectId.class);

    /** A {@code KeyValue} and its list, in bytes. */
    private static final int KEY_OVERHEAD = 64;
    private static final int STRING_OVERHEAD = 40;
    /** A boxed number, an instant, an id. */
    private static final int VALUE_MEMORY = 32;

    private final ObjectDataType others = new ObjectDataType();

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof KeyValue x && b instanceof KeyValue y) {
            int bySize = Integer.compare(x.size(), y.size());
            for (int i = 0; bySize == 0 && i < x.size(); i++) {
                bySize = compareValues(x.get(i), y.get(i));
            }
            return bySize;
        }
        return others.compare(a, b);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compareValues(Object a, Object b) {
        if (a == b) {
            return 0;
        }
        if (a == null || b == null) {
            return a == null ? -1 : 1;
        }
        if (a.getClass() != b.getClass()) {
            return a.getClass().getName().compareTo(b.getClass().getName());
        }
        if (NATURALLY_ORDERED.contains(a.getClass())) {
            return ((Comparable) a).compareTo(b);
        }
        return ObjectDataType.compareNotNull(ObjectDataType.serialize(a), ObjectDataType.serialize(b));
    }

    /**
     * About what a key takes in the heap. H2 splits a page (4 KB) and sizes its cache by this estimate; the default
     * type's estimate for serialised objects starts at 10 KB and moves only as it writes them, which it no longer does
     * here: every page of the index would hold one or two keys, and an insert rewrite a path of some 17 pages.
     */
    @Override
    public int getMemory(Object key) {
        if (!(key instanceof KeyValue values)) {
            return others.getMemory(key);
        }
        int memory = KEY_OVERHEAD;
        for (Object value : values) {
            memory += value instanceof String text ? STRING_OVERHEAD + 2 * text.length() : VALUE_MEMORY;
        }
        return memory;
    }

    @Override
    public void write(WriteBuffer buff, Object key) {
        if (!(key instanceof KeyValue values) || !plainValues(values)) {
            others.write(buff, key);
            return;
        }
        ByteBuf encoded = BsonStorage.encodingBuffer();
        encoded.writeByte(values.size());
        for (Object value : values) {
            byte type = BsonEncoder.determineType(value);
            encoded.writeByte(type);
            BsonEncoder.encodeValue(type, value, encoded);
        }
        BsonStorage.writeTagged(buff, encoded);
    }

    @Override
    public Object read(ByteBuffer buff) {
        if (!BsonStorage.startsHere(buff)) {
            return others.read(buff);
        }
        ByteBuf encoded = BsonStorage.readTagged(buff);
        int size = encoded.readUnsignedByte();
        List<Object> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            values.add(BsonDecoder.decodeValue(encoded.readByte(), encoded));
        }
        return new KeyValue(values);
    }

    /** Keys of at most 255 values, each a scalar that BSON gives back equal (documents and lists stay serialised). */
    private static boolean plainValues(KeyValue values) {
        if (values.size() > 255) {
            return false;
        }
        for (Object value : values) {
            if (value == null || !NATURALLY_ORDERED.contains(value.getClass()) || !BsonStorage.givesBackEqual(value)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Object[] createStorage(int size) {
        return new Object[size];
    }
}
