package org.gongkai.localmongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

/** Acknowledged means on disk: writes answered just before a kill -9 of the server are there after its restart. */
class DurableWritesTest {

    @TempDir
    Path dir;

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private Process start(int port, Path file) throws IOException {
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), LocalMongo.class.getName(), String.valueOf(port), file.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("server-" + System.nanoTime() + ".log").toFile()).start();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                return true;
            } catch (IOException notYet) {
                return false;
            }
        });
        return server;
    }

    @Test
    void everyAcknowledgedWriteSurvivesAKillMinus9() throws Exception {
        int port = freePort();
        Path file = dir.resolve("mongo.mv");
        Process server = start(port, file);
        List<String> acknowledged = new ArrayList<>();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            MongoCollection<Document> receipts = client.getDatabase("consultation").getCollection("comments");
            for (int i = 0; i < 200; i++) {
                String id = "receipt-" + i;
                receipts.insertOne(new Document("_id", id).append("content", "意见" + i));
                acknowledged.add(id);
            }
            receipts.updateOne(new Document("_id", "receipt-0"), new Document("$set", new Document("status", "PUBLISHED")));
        }
        server.destroyForcibly().waitFor(); // SIGKILL, straight after the last acknowledgement

        Process restarted = start(port, file);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            MongoCollection<Document> receipts = client.getDatabase("consultation").getCollection("comments");
            List<String> found = new ArrayList<>();
            receipts.find().forEach(d -> found.add(d.getString("_id")));
            assertThat(found).containsExactlyInAnyOrderElementsOf(acknowledged);
            assertThat(receipts.find(new Document("_id", "receipt-0")).first().getString("status")).isEqualTo("PUBLISHED");
        } finally {
            restarted.destroyForcibly().waitFor();
        }
    }
}
