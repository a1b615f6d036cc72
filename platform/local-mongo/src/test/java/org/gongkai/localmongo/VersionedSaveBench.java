package org.gongkai.localmongo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;

import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.netty.channel.Channel;

/**
 * Not a test: how many versioned saves per second the wire server answers, the way Spring Data sends them
 * ({@code replaceOne({_id, revision}, ...)}), one client, one after the other, over a collection of 20,000
 * aggregates. Two sides in alternating rounds, each on a new file: mongo-java-server's own H2 collections (a scan per
 * save) committing after every command, and local-mongo's backend (durable, {@code _id} first). Run after
 * {@code ./mvnw -o -q -pl platform/local-mongo -am test-compile} with the module's test class path:
 *
 * <pre>
 * java -cp platform/local-mongo/target/classes:platform/local-mongo/target/test-classes:$(cat cp.txt) \
 *     org.gongkai.localmongo.VersionedSaveBench [documents=20000] [seconds per side=10] [rounds=2]
 * </pre>
 *
 * ({@code cp.txt} from {@code ./mvnw -o -q -pl platform/local-mongo dependency:build-classpath -Dmdep.outputFile=cp.txt
 * -Dmdep.includeScope=test}.)
 */
final class VersionedSaveBench {

    private VersionedSaveBench() {
    }

    /**
     * The library's H2 collections, committed after every command: with one client that is what local-mongo's group
     * commit does too, so the two sides differ only in how a query finds its documents.
     */
    private static final class CommittingH2Backend extends H2Backend {
        CommittingH2Backend(String file) {
            super(file);
        }

        @Override
        public de.bwaldvogel.mongo.bson.Document handleCommand(Channel channel, String database, String command,
                de.bwaldvogel.mongo.bson.Document query) {
            de.bwaldvogel.mongo.bson.Document answer = super.handleCommand(channel, database, command, query);
            commit();
            return answer;
        }
    }

    public static void main(String[] args) throws Exception {
        int documents = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        String loadAtStart = loadAverage();
        List<Side> sides = List.of(new Side("library-scan", CommittingH2Backend::new), new Side("local-mongo", DurableH2Backend::new));
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < sides.size(); i++) {
                Side side = sides.get((i + round) % sides.size()); // the side that goes first alternates
                side.measure(documents, seconds);
            }
        }
        for (Side side : sides) {
            System.out.printf(Locale.ROOT, "%s: %.1f versioned saves/s (%d in %.1f s over %d documents)%n", side.name,
                    side.saves / side.elapsedSeconds, side.saves, side.elapsedSeconds, documents);
        }
        System.out.println("load average (1, 5, 15 min) at start: " + loadAtStart + "; at end: " + loadAverage() + "; cores: "
                + Runtime.getRuntime().availableProcessors());
    }

    private static final class Side {
        final String name;
        final Function<String, MongoBackend> backend;
        long saves;
        double elapsedSeconds;

        Side(String name, Function<String, MongoBackend> backend) {
            this.name = name;
            this.backend = backend;
        }

        void measure(int documents, int seconds) throws Exception {
            Path dir = Files.createTempDirectory("versioned-save-bench");
            MongoBackend store = backend.apply(dir.resolve("mongo.mv").toString());
            MongoServer server = new MongoServer(store);
            try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort())) {
                MongoCollection<Document> aggregates = client.getDatabase("consultation").getCollection("consultations");
                int[] revisions = new int[documents];
                List<Document> batch = new ArrayList<>();
                for (int i = 0; i < documents; i++) {
                    batch.add(aggregate(i, 0));
                    if (batch.size() == 1_000) {
                        aggregates.insertMany(batch);
                        batch.clear();
                    }
                }
                if (!batch.isEmpty()) {
                    aggregates.insertMany(batch);
                }
                Random random = new Random(16);
                long deadline = System.nanoTime() + seconds * 1_000_000_000L;
                long start = System.nanoTime();
                long count = 0;
                while (System.nanoTime() < deadline) {
                    int i = random.nextInt(documents);
                    long matched = aggregates.replaceOne(new Document("_id", id(i)).append("revision", revisions[i]), aggregate(i, revisions[i] + 1))
                            .getMatchedCount();
                    if (matched != 1) {
                        throw new IllegalStateException("versioned save of " + id(i) + " matched " + matched);
                    }
                    revisions[i]++;
                    count++;
                }
                double elapsed = (System.nanoTime() - start) / 1e9;
                saves += count;
                elapsedSeconds += elapsed;
                System.out.printf(Locale.ROOT, "%s: %d saves in %.1f s = %.1f/s%n", name, count, elapsed, count / elapsed);
            } finally {
                server.shutdownNow();
                store.close();
                try (var files = Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
        }
    }

    private static String id(int i) {
        return "consultation-" + i;
    }

    /** About half a kilobyte, like a consultation with its outbox. */
    private static Document aggregate(int i, int revision) {
        return new Document("_id", id(i)).append("revision", revision).append("title", "关于第" + i + "号规范性文件的公开征求意见")
                .append("state", revision % 2 == 0 ? "OPEN" : "DRAFT").append("county", "县" + i % 12)
                .append("body", "为进一步规范行政执法行为，现就有关事项公开征求社会各界意见。".repeat(4))
                .append("outbox", List.of(new Document("eventId", "event-" + i + "-" + revision).append("type", "ConsultationChanged")));
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception notLinux) {
            return "unknown";
        }
    }
}
