package org.gongkai.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;
import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;

/**
 * Reporting's consumer on its own (issue 16): publishes {@code DRAIN_EVENTS} comment events to the consultation
 * exchange, as consultation-service's relay would, as fast as the broker confirms them or at {@code DRAIN_RATE} per
 * second, and measures how long reporting-service (started by {@code bin/reporting-drain} against the local wire
 * server) takes to count them all: the drain time, events per second, the lag of every event (from the event's time,
 * set when it is published, to its entry in reporting's event log, read from the database afterwards, exact per event)
 * and the deepest backlog of reporting's queue (AMQP passive declare every 250 ms). The last line is key=value figures.
 */
public final class ReportingDrain {

    private static final String COMMENT_RECEIVED = "gongkai.consultation.comment-received.v1";

    private final String amqpHost = env("DRAIN_AMQP_HOST", "127.0.0.1");
    private final int amqpPort = Integer.parseInt(env("DRAIN_AMQP_PORT", "5672"));
    private final String namespace = env("DRAIN_NAMESPACE", "gongkai-drain");
    private final String mongoUri = env("DRAIN_MONGO_URI", "mongodb://127.0.0.1:27027");
    private final String database = env("DRAIN_DATABASE", "reporting-service");
    private final int events = Integer.parseInt(env("DRAIN_EVENTS", "20000"));
    /** 0: as fast as the broker confirms. */
    private final int rate = Integer.parseInt(env("DRAIN_RATE", "0"));
    private final Duration limit = Duration.ofSeconds(Long.parseLong(env("DRAIN_LIMIT_SECONDS", "600")));

    public static void main(String[] args) throws Exception {
        new ReportingDrain().run();
    }

    private void run() throws Exception {
        String queue = namespace + ".consultation.reporting-service";
        String run = UUID.randomUUID().toString().substring(0, 8);
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(amqpHost);
        factory.setPort(amqpPort);
        try (MongoClient mongo = MongoClients.create(mongoUri);
                Connection connection = factory.newConnection("reporting-drain");
                Channel publishing = connection.createChannel();
                Channel watching = connection.createChannel()) {
            MongoCollection<Document> log = mongo.getDatabase(database).getCollection("event_log");
            awaitQueue(connection, queue);
            long loggedBefore = log.estimatedDocumentCount();
            say("publishing %,d comment events to %s.consultation (%s) …", events, namespace, rate > 0 ? rate + "/s" : "as fast as confirmed");
            Backlog backlog = new Backlog(watching, queue);
            backlog.start();
            publishing.confirmSelect();
            long start = System.nanoTime();
            for (int i = 0; i < events; i++) {
                if (rate > 0) {
                    long due = start + (long) (i * 1e9 / rate);
                    while (System.nanoTime() < due) {
                        LockSupport.parkNanos(due - System.nanoTime());
                    }
                }
                publish(publishing, run, i);
                if (i % 500 == 499) {
                    publishing.waitForConfirmsOrDie(60_000);
                }
            }
            publishing.waitForConfirmsOrDie(60_000);
            double publishSeconds = (System.nanoTime() - start) / 1e9;
            say("published in %.1f s (%.0f/s); waiting for reporting to log them all …", publishSeconds, events / publishSeconds);
            long logged = 0;
            long deadline = System.nanoTime() + limit.toNanos();
            while (logged < events && System.nanoTime() < deadline) {
                Thread.sleep(250);
                // the collection's size (the count command answers it without a scan); the run's own entries are read after
                logged = log.estimatedDocumentCount() - loggedBefore;
            }
            double drainSeconds = (System.nanoTime() - start) / 1e9;
            backlog.stop();
            if (logged < events) {
                say("!! only %,d of %,d events logged after %d s", logged, events, limit.toSeconds());
            }
            Histogram lag = new Histogram(3_600_000L, 3);
            for (Document entry : log.find(Filters.regex("_id", "^drain-" + run + "-")).projection(Projections.include("time", "receivedAt"))) {
                long ms = Math.max(0, entry.getDate("receivedAt").getTime() - entry.getDate("time").getTime());
                lag.recordValue(Math.min(ms, lag.getHighestTrackableValue()));
            }
            say("reporting logged %,d events (%,d before the run)", logged, loggedBefore);
            System.out.printf(Locale.ROOT,
                    "events=%d logged=%d rate=%s publish_per_s=%.0f drain_s=%.1f events_per_s=%.0f lag_p50_ms=%d lag_p99_ms=%d lag_max_ms=%d backlog_max=%d load_avg=%s nproc=%d%n",
                    events, logged, rate > 0 ? String.valueOf(rate) : "max", events / publishSeconds, drainSeconds, logged / drainSeconds,
                    lag.getValueAtPercentile(50), lag.getValueAtPercentile(99), lag.getMaxValue(), backlog.deepest, loadAverage(),
                    Runtime.getRuntime().availableProcessors());
        }
    }

    /** One comment event as consultation-service's relay sends it: a binary-mode CloudEvent, routing key = its type. */
    private void publish(Channel channel, String run, int i) throws java.io.IOException {
        Instant now = Instant.now();
        String json = "{\"consultationId\":\"drain-consultation\",\"commentId\":\"drain-" + run + "-" + i
                + "\",\"section\":\"safety-coordination\",\"catalogueItemCode\":\"WS-05\",\"channel\":\"WEBSITE\",\"receivedAt\":\""
                + now + "\"}";
        Map<String, Object> headers = new HashMap<>();
        headers.put("cloudEvents:specversion", "1.0");
        headers.put("cloudEvents:id", "drain-" + run + "-" + i);
        headers.put("cloudEvents:type", COMMENT_RECEIVED);
        headers.put("cloudEvents:source", "/gongkai/consultation-service");
        headers.put("cloudEvents:subject", "comments/drain-" + run + "-" + i);
        headers.put("cloudEvents:time", now.toString());
        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder().contentType("application/json").deliveryMode(2)
                .headers(headers).build();
        channel.basicPublish(namespace + ".consultation", COMMENT_RECEIVED, properties, json.getBytes(StandardCharsets.UTF_8));
    }

    /** Reporting declares its queue when its consumer binds; publishing before would route the events nowhere. */
    private static void awaitQueue(Connection connection, String queue) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            try (Channel probe = connection.createChannel()) {
                probe.queueDeclarePassive(queue);
                return;
            } catch (java.io.IOException notYet) {
                Thread.sleep(500);
            }
        }
        throw new IllegalStateException("reporting's queue " + queue + " did not appear: is reporting-service running with namespace "
                + queue.substring(0, queue.indexOf('.')) + "?");
    }

    /** The deepest ready backlog of reporting's queue, read every 250 ms. */
    private static final class Backlog implements Runnable {

        private final Channel channel;
        private final String queue;
        private final Thread thread = new Thread(this, "backlog");
        private volatile boolean running = true;
        volatile long deepest;

        Backlog(Channel channel, String queue) {
            this.channel = channel;
            this.queue = queue;
            thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }

        @Override
        public void run() {
            while (running) {
                try {
                    deepest = Math.max(deepest, channel.queueDeclarePassive(queue).getMessageCount());
                    Thread.sleep(250);
                } catch (Exception e) {
                    return;
                }
            }
        }
    }

    private static String loadAverage() {
        try {
            List<String> fields = new ArrayList<>(List.of(java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")));
            return fields.get(0);
        } catch (java.io.IOException e) {
            return "NA";
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    private static void say(String format, Object... args) {
        System.out.println("== " + String.format(Locale.ROOT, format, args));
    }
}
