package org.gongkai.support.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.bson.Document;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.InsertManyOptions;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.support.AmqpHeaders;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.MimeTypeUtils;

/**
 * Relays outbox entries of the registered aggregate collections ({@link OutboxCollections}) to the service's topic
 * exchange with publisher confirms. An entry is removed from its document only after the broker acked it; when the
 * broker is down the send fails and the entry stays for a later round, so nothing is lost (at-least-once; consumers
 * dedupe by event id).
 * <p>
 * What this instance has just saved ({@link #saved}) is relayed in the next round by {@code _id}, the one index the
 * local MongoDB wire server really has; searching whole collections for waiting entries is only the backstop, every
 * {@link EventsProperties#relayScanInterval()}, and after a failed round. Each round sends a batch of entries and then
 * waits for their confirms together, rather than one confirm per send.
 * <p>
 * With several instances of a service, each relays an aggregate's entries only after claiming it with a lease
 * ({@link #LEASES}: inserted by {@code _id}, so only one instance gets it), so two instances do not both send the same
 * entries. A lease left by an instance that died expires after {@link #LEASE}; an entry sent just before a crash is sent
 * again later, which consumers drop by event id.
 */
public class OutboxRelay {

    public static final String BINDING = "outbox-out-0";
    /**
     * Relay leases, one small document per aggregate being relayed ({@code _id} = collection/aggregate id, owner, until),
     * deleted when done. Kept out of the aggregates so that claiming one is an insert by {@code _id}: the local MongoDB wire
     * server uses its {@code _id} index only for a query on {@code _id} alone, so a conditional update of the aggregate
     * would read its whole collection.
     */
    static final String LEASES = "outbox_leases";
    /** Long enough for a few confirms of one aggregate's entries; a dead instance's claim is free again after it. */
    static final Duration LEASE = Duration.ofSeconds(60);
    /** Aggregates claimed and sent per batch. */
    static final int BATCH = 100;
    /** Saved aggregates remembered for the next round; beyond this the backstop search finds them. */
    static final int MAX_REMEMBERED = 10_000;
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    /** Sends one entry; the future completes with the broker's confirm (true for ack, false for nack or failure). */
    interface Sender {
        CompletableFuture<Boolean> send(Document entry);
    }

    private record Saved(String collection, Object id) {
    }

    private final MongoTemplate mongo;
    private final OutboxCollections relayed;
    private final Sender sender;
    private final String instance = UUID.randomUUID().toString();
    private final EventsProperties properties;
    private final RelayBackoff backoff;
    private final Queue<Saved> saved = new ConcurrentLinkedQueue<>();
    private final AtomicInteger remembered = new AtomicInteger();
    private volatile List<String> collections;
    private int failedRounds;
    private long nextRoundAtNanos;
    private long nextScanAtNanos = System.nanoTime(); // the first round searches: entries may wait from before a restart
    private boolean scanDue = true;

    public OutboxRelay(MongoTemplate mongo, OutboxCollections relayed, StreamBridge bridge, EventsProperties properties) {
        this(mongo, relayed, (Sender) null, properties, bridge);
    }

    /** With a sender of its own (tests of confirms, outages and claiming between instances). */
    OutboxRelay(MongoTemplate mongo, OutboxCollections relayed, Sender sender, EventsProperties properties) {
        this(mongo, relayed, sender, properties, null);
    }

    private OutboxRelay(MongoTemplate mongo, OutboxCollections relayed, Sender sender, EventsProperties properties,
            StreamBridge bridge) {
        this.mongo = mongo;
        this.relayed = relayed;
        this.properties = properties;
        this.sender = sender != null ? sender : entry -> send(bridge, entry);
        this.backoff = new RelayBackoff(properties.relayInterval(), Duration.ofSeconds(10));
    }

    /** An aggregate this instance just wrote with entries waiting: relayed in the next round, found by its {@code _id}. */
    public void saved(String collection, Object id) {
        if (remembered.incrementAndGet() <= MAX_REMEMBERED) {
            saved.add(new Saved(collection, id));
        } else {
            remembered.decrementAndGet(); // too many at once: the backstop search will find it
        }
    }

    /** One relay round; returns how many events the broker confirmed. */
    public synchronized int relayPending() {
        long now = System.nanoTime();
        if (failedRounds > 0 && now - nextRoundAtNanos < 0) {
            return 0; // backing off after the broker was unavailable
        }
        int sent = 0;
        try {
            // an aggregate saved twice since the last round is relayed once: claimed twice in one batch, its entries
            // would be sent twice
            Map<String, java.util.Set<Object>> justSaved = new LinkedHashMap<>();
            for (Saved s; (s = saved.poll()) != null; ) {
                remembered.decrementAndGet();
                justSaved.computeIfAbsent(s.collection(), c -> new java.util.LinkedHashSet<>()).add(s.id());
            }
            for (Map.Entry<String, java.util.Set<Object>> entry : justSaved.entrySet()) {
                List<Object> ids = new ArrayList<>(entry.getValue());
                for (int from = 0; from < ids.size(); from += BATCH) {
                    sent += relayBatch(entry.getKey(), ids.subList(from, Math.min(ids.size(), from + BATCH)));
                }
            }
            if (scanDue || now - nextScanAtNanos >= 0) {
                scanDue = false;
                nextScanAtNanos = now + properties.relayScanInterval().toNanos();
                for (String collection : outboxCollections()) {
                    sent += relayFound(collection);
                }
            }
        } catch (BrokerUnavailable unavailable) {
            // stop the round, keep everything, search everything when the broker is back, and wait longer before that
            failedRounds++;
            scanDue = true;
            nextRoundAtNanos = System.nanoTime() + backoff.after(failedRounds).toNanos();
            return sent + unavailable.confirmed;
        }
        if (failedRounds > 0) {
            log.info("outbox relay reaches the broker again after {} failed rounds", failedRounds);
            failedRounds = 0;
        }
        return sent;
    }

    /** Entries waiting in a whole collection, batch after batch, until none is left that this instance may claim. */
    private int relayFound(String collection) {
        int sent = 0;
        while (true) {
            Query pending = Query.query(Criteria.where("outbox.eventId").exists(true)).limit(BATCH);
            pending.fields().include("_id");
            List<Object> ids = mongo.find(pending, Document.class, collection).stream().map(d -> d.get("_id")).toList();
            if (ids.isEmpty()) {
                return sent;
            }
            int confirmed = relayBatch(collection, ids);
            sent += confirmed;
            if (ids.size() < BATCH || confirmed == 0) {
                return sent;
            }
        }
    }

    /**
     * Claims the aggregates, sends all their entries, then waits for the confirms and removes what was acked. A batch
     * costs the database four commands whatever its size (leases inserted together, outboxes read together, acked
     * entries pulled in one bulk write, leases released together), each naming the documents by {@code _id}: under a
     * burst of comments the relay's writes, not the broker, had decided how fast events left (the lag the benchmark
     * measured sat in the producer's outbox while reporting's queue stayed empty).
     */
    private int relayBatch(String collection, List<Object> ids) {
        List<Document> claimed = claim(collection, new ArrayList<>(new java.util.LinkedHashSet<>(ids)));
        Map<Object, List<Map.Entry<String, CompletableFuture<Boolean>>>> inFlight = new LinkedHashMap<>();
        for (Document aggregate : claimed) {
            List<Map.Entry<String, CompletableFuture<Boolean>>> sends = new ArrayList<>();
            for (Document entry : aggregate.getList("outbox", Document.class, List.of())) {
                sends.add(Map.entry(entry.getString("eventId"), sender.send(entry)));
            }
            inFlight.put(aggregate.get("_id"), sends);
        }
        int confirmed = 0;
        boolean failed = false;
        long deadline = System.nanoTime() + properties.confirmTimeout().toNanos();
        BulkOperations pulls = null;
        for (Map.Entry<Object, List<Map.Entry<String, CompletableFuture<Boolean>>>> aggregate : inFlight.entrySet()) {
            List<String> acked = new ArrayList<>();
            for (Map.Entry<String, CompletableFuture<Boolean>> send : aggregate.getValue()) {
                if (confirmed(send.getValue(), deadline)) {
                    acked.add(send.getKey());
                } else {
                    failed = true;
                }
            }
            if (!acked.isEmpty()) {
                // the acked entries leave the document, each update by _id alone
                pulls = pulls != null ? pulls : mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
                pulls.updateOne(Query.query(Criteria.where("_id").is(aggregate.getKey())),
                        new Update().pull("outbox", new Document("eventId", new Document("$in", acked))));
                confirmed += acked.size();
            }
        }
        if (pulls != null) {
            pulls.execute();
        }
        release(collection, new ArrayList<>(inFlight.keySet()));
        if (failed) {
            throw new BrokerUnavailable(confirmed);
        }
        return confirmed;
    }

    private boolean confirmed(CompletableFuture<Boolean> confirm, long deadlineNanos) {
        try {
            return confirm.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception noConfirm) {
            return false;
        }
    }

    /** A round ended early: the broker did not confirm; how many it had confirmed before. */
    private static final class BrokerUnavailable extends RuntimeException {
        final int confirmed;

        BrokerUnavailable(int confirmed) {
            super(null, null, false, false);
            this.confirmed = confirmed;
        }
    }

    /**
     * The backlog gauge's value: {@link #backlog()} counted again at most once per {@link #BACKLOG_RECOUNT}. Counting
     * reads every aggregate with entries waiting in every outbox collection (a scan on the embedded wire server), and
     * a scraper asking every few seconds should not cost the service a scan each time.
     */
    public long recentBacklog() {
        long now = System.nanoTime();
        CountedBacklog last = lastBacklog;
        if (last == null || now - last.atNanos() >= BACKLOG_RECOUNT.toNanos()) {
            last = new CountedBacklog(backlog(), now);
            lastBacklog = last;
        }
        return last.entries();
    }

    static final Duration BACKLOG_RECOUNT = Duration.ofSeconds(10);

    private record CountedBacklog(long entries, long atNanos) {
    }

    private volatile CountedBacklog lastBacklog;

    /**
     * Entries waiting to be relayed, in every outbox collection, counted now; -1 when the database does not answer.
     */
    public long backlog() {
        try {
            long waiting = 0;
            for (String collection : outboxCollections()) {
                Query pending = Query.query(Criteria.where("outbox.eventId").exists(true));
                pending.fields().include("outbox.eventId");
                for (Document aggregate : mongo.find(pending, Document.class, collection)) {
                    waiting += aggregate.getList("outbox", Document.class, List.of()).size();
                }
            }
            return waiting;
        } catch (RuntimeException databaseUnavailable) {
            return -1;
        }
    }

    /**
     * Takes the leases of the aggregates and answers the outboxes of those with entries waiting; an aggregate whose lease
     * another instance holds is left out. The leases are inserted together, each by {@code _id}; only where one exists
     * already is it taken over, if it expired or is this instance's own (a query on the small lease collection).
     */
    private List<Document> claim(String collection, List<Object> ids) {
        Instant now = Instant.now();
        Date until = Date.from(now.plus(LEASE));
        List<Document> leases = new ArrayList<>();
        for (Object id : ids) {
            leases.add(new Document("_id", leaseId(collection, id)).append("owner", instance).append("until", until));
        }
        java.util.Set<Integer> taken = new java.util.HashSet<>();
        try {
            mongo.getCollection(LEASES).insertMany(leases, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException someExist) {
            for (BulkWriteError error : someExist.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw someExist;
                }
                taken.add(error.getIndex());
            }
        }
        List<Object> mine = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (!taken.contains(i) || takeOver(leaseId(collection, ids.get(i)), now, until)) {
                mine.add(ids.get(i)); // otherwise another instance is relaying it
            }
        }
        if (mine.isEmpty()) {
            return List.of();
        }
        Query byIds = Query.query(Criteria.where("_id").in(mine));
        byIds.fields().include("_id").include("outbox");
        List<Document> waiting = new ArrayList<>();
        List<Object> nothingWaiting = new ArrayList<>(mine);
        for (Document aggregate : mongo.find(byIds, Document.class, collection)) {
            if (!aggregate.getList("outbox", Document.class, List.of()).isEmpty()) {
                waiting.add(aggregate);
                nothingWaiting.remove(aggregate.get("_id"));
            }
        }
        release(collection, nothingWaiting);
        return waiting;
    }

    private boolean takeOver(String leaseId, Instant now, Date until) {
        Query free = Query.query(Criteria.where("_id").is(leaseId).orOperator(Criteria.where("until").lt(Date.from(now)),
                Criteria.where("owner").is(instance)));
        return mongo.findAndModify(free, new Update().set("owner", instance).set("until", until), Document.class, LEASES) != null;
    }

    private void release(String collection, List<Object> ids) {
        if (ids.isEmpty()) {
            return;
        }
        List<String> leaseIds = ids.stream().map(id -> leaseId(collection, id)).toList();
        mongo.remove(Query.query(Criteria.where("_id").in(leaseIds).and("owner").is(instance)), LEASES);
    }

    private static String leaseId(String collection, Object id) {
        return collection + "/" + id;
    }

    private CompletableFuture<Boolean> send(StreamBridge bridge, Document entry) {
        String eventId = entry.getString("eventId");
        CorrelationData confirm = new CorrelationData(eventId);
        Message<byte[]> message = MessageBuilder.withPayload(entry.getString("data").getBytes(StandardCharsets.UTF_8))
                .setHeader(CloudEventHeaders.SPEC_VERSION, "1.0")
                .setHeader(CloudEventHeaders.ID, eventId)
                .setHeader(CloudEventHeaders.SOURCE, properties.source())
                .setHeader(CloudEventHeaders.TYPE, entry.getString("type"))
                .setHeader(CloudEventHeaders.TIME, String.valueOf(entry.get("time") instanceof Date d ? d.toInstant() : entry.get("time")))
                .setHeader(CloudEventHeaders.SUBJECT, entry.getString("subject"))
                .setHeader(CloudEventHeaders.DATA_CONTENT_TYPE, "application/json")
                .setHeader(CloudEventHeaders.CORRELATION_ID, entry.getString("correlationId"))
                .setHeader(CloudEventHeaders.TRACEPARENT, entry.getString("traceparent"))
                .setHeader("contentType", MimeTypeUtils.APPLICATION_JSON_VALUE)
                .setHeader(AmqpHeaders.PUBLISH_CONFIRM_CORRELATION, confirm)
                .build();
        try {
            bridge.send(BINDING, message);
        } catch (RuntimeException e) {
            logUnavailable(eventId, e);
            return CompletableFuture.completedFuture(false);
        }
        return confirm.getFuture().handle((result, failure) -> {
            if (failure != null) {
                logUnavailable(eventId, failure);
                return false;
            }
            if (!result.ack()) {
                log.warn("broker nacked event {} ({}): {}", eventId, entry.getString("type"), result.reason());
            }
            return result.ack();
        });
    }

    private void logUnavailable(String eventId, Throwable e) {
        if (failedRounds == 0) {
            log.warn("event {} not relayed yet, broker unavailable (retrying with backoff): {}", eventId, e.toString());
        } else {
            log.debug("event {} not relayed yet, broker still unavailable: {}", eventId, e.toString());
        }
    }

    /** The collections of the aggregates the service registered ({@link OutboxCollections}). */
    private List<String> outboxCollections() {
        if (collections == null) {
            collections = relayed.aggregates().stream().map(mongo::getCollectionName).distinct().toList();
            log.info("outbox relay watches collections {}", collections);
        }
        return collections;
    }
}
