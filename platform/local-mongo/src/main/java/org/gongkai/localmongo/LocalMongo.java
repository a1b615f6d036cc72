package org.gongkai.localmongo;

import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * A MongoDB wire-protocol server that keeps its data in one H2 file, so the local suite survives a
 * stop and start, and a {@code kill -9}: every write is in the file before it is acknowledged. Usage: {@code java -jar local-mongo.jar <port> <data-file>}. No transactions:
 * the services rely on single-document atomicity only.
 */
public final class LocalMongo {

    private LocalMongo() {
    }

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 27027;
        Path file = Path.of(args.length > 1 ? args[1] : "data/mongo.mv");
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        H2Backend backend = new DurableH2Backend(file.toString());
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown();
            backend.close();
        }));
        System.out.println("local MongoDB wire server on 127.0.0.1:" + port + ", data in " + file.toAbsolutePath());
        Thread.currentThread().join();
    }
}
