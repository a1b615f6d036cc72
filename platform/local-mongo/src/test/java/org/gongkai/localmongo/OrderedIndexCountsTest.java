package org.gongkai.localmongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.junit.jupiter.api.Test;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;

/**
 * An index counts prefixes of a length only once a count has asked for that length: a counter per prefix of every
 * length was one per document for lengths ending in a key of its own, which no list counts by. Counts started late
 * still agree with a walk of the index, through adds, removals and updates.
 */
class OrderedIndexCountsTest {

    private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");

    private final OrderedIndex publicList = new OrderedIndex("public_list",
            List.of(new IndexKey("consultationId", true), new IndexKey("hidden", true), new IndexKey("receivedAt", true),
                    new IndexKey("_id", true)), false, "_id");

    private static Document comment(int i) {
        Document comment = new Document("_id", String.format("c-%04d", i));
        comment.put("consultationId", "con-" + i % 3);
        comment.put("hidden", i % 4 == 0);
        comment.put("receivedAt", START.plusSeconds(i));
        return comment;
    }

    private long walked(List<Object> prefix) {
        long walked = 0;
        for (Iterator<OrderedIndex.Entry> range = publicList.walk(prefix, false); range.hasNext(); range.next()) {
            walked++;
        }
        return walked;
    }

    @Test
    void aPrefixLengthIsCountedFromItsFirstCountOn_andAgreesWithAWalkThroughWrites() {
        List<Document> comments = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            comments.add(comment(i));
            publicList.add(comments.get(i), comments.get(i).get("_id"), null);
        }
        assertThat(publicList.countedPrefixLengths()).as("nothing counted before a count asks").isEmpty();

        assertThat(publicList.count(List.of("con-1"))).isEqualTo(100).isEqualTo(walked(List.of("con-1")));
        assertThat(publicList.countedPrefixLengths()).containsExactly(1);
        assertThat(publicList.count(List.of("con-1", false))).isEqualTo(walked(List.of("con-1", false))).isEqualTo(75);
        assertThat(publicList.countedPrefixLengths()).containsExactly(1, 2);

        // writes after the counting started keep both lengths right
        for (int i = 300; i < 360; i++) {
            comments.add(comment(i));
            publicList.add(comments.get(i), comments.get(i).get("_id"), null);
        }
        for (int i = 0; i < 30; i++) {
            publicList.remove(comments.get(i));
        }
        for (int i = 30; i < 60; i++) {
            Document moved = new Document(comments.get(i));
            moved.put("consultationId", "con-1");
            moved.put("hidden", false);
            publicList.updateInPlace(comments.get(i), moved, moved.get("_id"), null);
        }
        for (String consultation : List.of("con-0", "con-1", "con-2")) {
            assertThat(publicList.count(List.of(consultation))).as(consultation).isEqualTo(walked(List.of(consultation)));
            for (boolean hidden : List.of(true, false)) {
                assertThat(publicList.count(List.of(consultation, hidden))).as("%s %s", consultation, hidden)
                        .isEqualTo(walked(List.of(consultation, hidden)));
            }
        }
        // not vacuous: the moves changed the counts
        assertThat(publicList.count(List.of("con-1"))).isEqualTo(walked(List.of("con-1"))).isGreaterThan(110);
        // a length with one prefix per document is still never counted unless asked
        assertThat(publicList.countedPrefixLengths()).containsExactly(1, 2);
        assertThat(publicList.count(List.of("con-1", false, START.plusSeconds(301)))).isEqualTo(1);
        assertThat(publicList.countedPrefixLengths()).containsExactly(1, 2, 3);

        publicList.drop();
        assertThat(publicList.count(List.of("con-1"))).isZero();
    }
}
