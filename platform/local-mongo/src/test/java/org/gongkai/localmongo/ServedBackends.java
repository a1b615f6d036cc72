package org.gongkai.localmongo;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;

/**
 * Backends served on a free port with a client each, stopped together (last started, first stopped): after each test
 * when registered with {@code @RegisterExtension}, or earlier by {@link #stopAll()} to restart a backend on its file.
 */
final class ServedBackends implements AfterEachCallback {

    private final List<AutoCloseable> started = new ArrayList<>();

    MongoClient serve(MongoBackend backend) {
        MongoServer server = new MongoServer(backend);
        String address = "mongodb://127.0.0.1:" + server.bind().getPort();
        started.add(backend::close);
        started.add(server::shutdownNow);
        MongoClient client = MongoClients.create(address);
        started.add(client);
        return client;
    }

    void stopAll() throws Exception {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
        started.clear();
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        stopAll();
    }
}
