package org.gongkai.localmongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

import de.bwaldvogel.mongo.MongoServer;

/**
 * Every write is its own commit, so without H2's background housekeeping each commit's chunk stays in the file, pinned
 * by a few live pages. The backend's own housekeeping rewrites those pages so that the chunks are freed and reused.
 */
class StoreHousekeepingTest {

    private static final int DOCUMENTS = 2_000;
    private static final int COMPACT_EVERY = 50;

    @TempDir
    Path dir;

    @Test
    void compactionKeepsTheFileFromGrowingWithEveryCommit_andLosesNothing() throws Exception {
        Path withoutHousekeeping = dir.resolve("without.mv");
        Path withHousekeeping = dir.resolve("with.mv");
        runWorkload(withoutHousekeeping, false);
        runWorkload(withHousekeeping, true);

        long without = Files.size(withoutHousekeeping);
        long with = Files.size(withHousekeeping);
        assertThat(with).as("file with housekeeping %d bytes, without %d", with, without).isLessThan(without / 3);

        // what the rewritten chunks held is all there after a restart
        DurableH2Backend reopened = new DurableH2Backend(withHousekeeping.toString(), false);
        MongoServer server = new MongoServer(reopened);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort())) {
            MongoCollection<Document> comments = client.getDatabase("consultation").getCollection("comments");
            assertThat(comments.countDocuments()).isEqualTo(DOCUMENTS);
            assertThat(comments.countDocuments(new Document("outbox", List.of()))).isEqualTo(DOCUMENTS);
            assertThat(comments.find(new Document("_id", "c-17")).first()).containsEntry("content", "意见 17 ".repeat(20));
        } finally {
            server.shutdownNow();
            reopened.close();
        }
    }

    private static void runWorkload(Path file, boolean compact) {
        DurableH2Backend backend = new DurableH2Backend(file.toString(), false);
        backend.getMvStore().setRetentionTime(0); // a freed chunk may be reused at once (H2 keeps it 45 s by default)
        MongoServer server = new MongoServer(backend);
        int writes = 0;
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort())) {
            MongoCollection<Document> comments = client.getDatabase("consultation").getCollection("comments");
            // as comments arrive: each stored, then its relayed event pulled from its outbox
            for (int i = 0; i < DOCUMENTS; i++) {
                comments.insertOne(new Document("_id", "c-" + i).append("content", ("意见 " + i + " ").repeat(20))
                        .append("outbox", List.of(new Document("eventId", "e-" + i))));
                comments.updateOne(new Document("_id", "c-" + i), new Document("$set", new Document("outbox", List.of())));
                writes += 2;
                if (compact && writes % COMPACT_EVERY == 0) {
                    backend.compactNow();
                }
            }
        } finally {
            server.shutdownNow();
            backend.close();
        }
    }
}
