package org.gongkai.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.mongodb.MongoDBContainer;
import org.testcontainers.rabbitmq.RabbitMQContainer;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * The real infrastructure tests run against, started once per JVM: Testcontainers ({@code mongo:7},
 * {@code rabbitmq:3-management}) where a Docker engine answers; otherwise the RabbitMQ broker at
 * 127.0.0.1:5672 and an in-process MongoDB wire-protocol server. No broker at all fails at once. A MongoDB already
 * running (a real one, or platform/local-mongo's server) is used instead when {@code -Dgongkai.test.mongo=mongodb://host:port}
 * names it; each test context takes a database of its own there.
 */
public final class TestInfrastructure {

    public record Broker(String host, int port, String username, String password) {
    }

    private static String mongoAddress;
    private static Broker broker;

    private TestInfrastructure() {
    }

    /** {@code mongodb://host:port} without a database name. */
    public static synchronized String mongoAddress() {
        if (mongoAddress == null) {
            String given = System.getProperty("gongkai.test.mongo");
            if (given != null && !given.isBlank()) {
                mongoAddress = given.strip();
            } else if (dockerAvailable()) {
                MongoDBContainer mongo = new MongoDBContainer("mongo:7");
                mongo.start();
                mongoAddress = "mongodb://" + mongo.getHost() + ":" + mongo.getMappedPort(27017);
            } else {
                MongoServer server = new MongoServer(new MemoryBackend());
                InetSocketAddress address = server.bind();
                Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
                mongoAddress = "mongodb://127.0.0.1:" + address.getPort();
            }
        }
        return mongoAddress;
    }

    public static synchronized Broker broker() {
        if (broker == null) {
            if (dockerAvailable()) {
                RabbitMQContainer rabbit = new RabbitMQContainer("rabbitmq:3-management");
                rabbit.start();
                broker = new Broker(rabbit.getHost(), rabbit.getAmqpPort(), rabbit.getAdminUsername(), rabbit.getAdminPassword());
            } else {
                String host = System.getProperty("gongkai.test.rabbit.host", "127.0.0.1");
                int port = Integer.getInteger("gongkai.test.rabbit.port", 5672);
                if (!answers(host, port)) {
                    throw new IllegalStateException("No RabbitMQ broker for the tests: no Docker engine for Testcontainers and nothing answers at "
                            + host + ":" + port + ". Start one with `rabbitmq-server -detached` (Debian package rabbitmq-server) "
                            + "or `docker run -d -p 5672:5672 rabbitmq:3-management`, then run the tests again.");
                }
                broker = new Broker(host, port, "guest", "guest");
            }
        }
        return broker;
    }

    public static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Boolean docker;

    private static boolean dockerAvailable() {
        if (docker == null) {
            try {
                docker = !Boolean.getBoolean("gongkai.test.noDocker") && DockerClientFactory.instance().isDockerAvailable();
            } catch (Throwable e) {
                docker = false;
            }
        }
        return docker;
    }
}
