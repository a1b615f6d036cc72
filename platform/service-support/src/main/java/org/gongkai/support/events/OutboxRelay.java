package org.gongkai.support.events;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.support.AmqpHeaders;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.MimeTypeUtils;

/**
 * Relays outbox entries from every aggregate collection to the service's topic exchange with publisher
 * confirms. An entry is removed from its document only after the broker acked it; when the broker is
 * down the send fails and the entry stays for the next round, so nothing is lost (at-least-once;
 * consumers dedupe by event id).
 * <p>
 * With several instances of a service, each relays an aggregate's entries only after claiming it with a lease in the
 * aggregate's own document (a single-document conditional update), so two instances do not both send the same
 * entries. A lease left by an instance that died expires after {@link #LEASE}. An aggregate saved while its lease is
 * held loses the lease field (the save replaces the document): another instance may then send an entry twice, which
 * consumers drop by event id.
 */
public class OutboxRelay {

    public static final String BINDING = "outbox-out-0";
    /** The field of an aggregate document holding the relay lease: {@code {owner, until}}. */
    static final String LEASE_FIELD = "outboxLease";
    /** Long enough for a few confirms of one aggregate's entries; a dead instance's claim is free again after it. */
    static final java.time.Duration LEASE = java.time.Duration.ofSeconds(60);
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    /** Sends one entry and answers whether the broker confirmed it. */
    interface Sender {
        boolean send(Document entry);
    }

    private final MongoTemplate mongo;
    private final Sender sender;
    private final String instance;
    private final EventsProperties properties;
    private volatile List<String> collections;
    private final RelayBackoff backoff;
    private int failedRounds;
    private long nextRoundAtNanos;

    public OutboxRelay(MongoTemplate mongo, StreamBridge bridge, EventsProperties properties) {
        this.mongo = mongo;
        this.properties = properties;
        this.sender = entry -> send(bridge, entry);
        this.instance = java.util.UUID.randomUUID().toString();
        this.backoff = new RelayBackoff(properties.relayInterval(), java.time.Duration.ofSeconds(10));
    }

    /** With a sender of its own (tests of the claiming between instances). */
    OutboxRelay(MongoTemplate mongo, Sender sender, EventsProperties properties) {
        this.mongo = mongo;
        this.properties = properties;
        this.sender = sender;
        this.instance = java.util.UUID.randomUUID().toString();
        this.backoff = new RelayBackoff(properties.relayInterval(), java.time.Duration.ofSeconds(10));
    }

    /** One relay round; returns how many events the broker confirmed. */
    public synchronized int relayPending() {
        if (failedRounds > 0 && System.nanoTime() - nextRoundAtNanos < 0) {
            return 0; // backing off after the broker was unavailable
        }
        int sent = 0;
        for (String collection : outboxCollections()) {
            Query pending = Query.query(new Criteria().andOperator(Criteria.where("outbox.eventId").exists(true),
                    leaseFree(java.time.Instant.now()))).limit(100);
            pending.fields().include("_id");
            for (Document candidate : mongo.find(pending, Document.class, collection)) {
                Object id = candidate.get("_id");
                Document aggregate = claim(collection, id);
                if (aggregate == null) {
                    continue; // another instance claimed it since the query
                }
                try {
                    for (Document entry : aggregate.getList("outbox", Document.class, List.of())) {
                        if (!sender.send(entry)) {
                            // broker unavailable: stop the round, keep everything, and wait longer before the next one
                            failedRounds++;
                            nextRoundAtNanos = System.nanoTime() + backoff.after(failedRounds).toNanos();
                            return sent;
                        }
                        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                                new Update().pull("outbox", new Document("eventId", entry.getString("eventId"))),
                                collection);
                        sent++;
                    }
                } finally {
                    release(collection, id);
                }
            }
        }
        if (failedRounds > 0) {
            log.info("outbox relay reaches the broker again after {} failed rounds", failedRounds);
            failedRounds = 0;
        }
        return sent;
    }

    /**
     * Entries waiting to be relayed, in every outbox collection (the gauge {@code gongkai.events.outbox.backlog}); -1 when
     * the database does not answer.
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

    /** Free: no lease, an expired one, or this instance's own. */
    private Criteria leaseFree(java.time.Instant now) {
        return new Criteria().orOperator(Criteria.where(LEASE_FIELD).exists(false),
                Criteria.where(LEASE_FIELD + ".until").lt(java.util.Date.from(now)),
                Criteria.where(LEASE_FIELD + ".owner").is(instance));
    }

    /** Takes the lease with one conditional update; answers the aggregate's outbox as claimed, or null when taken. */
    private Document claim(String collection, Object id) {
        java.time.Instant now = java.time.Instant.now();
        Query free = Query.query(new Criteria().andOperator(Criteria.where("_id").is(id), leaseFree(now)));
        free.fields().include("_id").include("outbox");
        Update lease = new Update().set(LEASE_FIELD, new Document("owner", instance).append("until", java.util.Date.from(now.plus(LEASE))));
        return mongo.findAndModify(free, lease, org.springframework.data.mongodb.core.FindAndModifyOptions.options().returnNew(true),
                Document.class, collection);
    }

    private void release(String collection, Object id) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and(LEASE_FIELD + ".owner").is(instance)),
                new Update().unset(LEASE_FIELD), collection);
    }

    private boolean send(StreamBridge bridge, Document entry) {
        String eventId = entry.getString("eventId");
        CorrelationData confirm = new CorrelationData(eventId);
        Message<byte[]> message = MessageBuilder.withPayload(entry.getString("data").getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .setHeader(CloudEventHeaders.SPEC_VERSION, "1.0")
                .setHeader(CloudEventHeaders.ID, eventId)
                .setHeader(CloudEventHeaders.SOURCE, properties.source())
                .setHeader(CloudEventHeaders.TYPE, entry.getString("type"))
                .setHeader(CloudEventHeaders.TIME, String.valueOf(entry.get("time") instanceof java.util.Date d ? d.toInstant() : entry.get("time")))
                .setHeader(CloudEventHeaders.SUBJECT, entry.getString("subject"))
                .setHeader(CloudEventHeaders.DATA_CONTENT_TYPE, "application/json")
                .setHeader(CloudEventHeaders.CORRELATION_ID, entry.getString("correlationId"))
                .setHeader(CloudEventHeaders.TRACEPARENT, entry.getString("traceparent"))
                .setHeader("contentType", MimeTypeUtils.APPLICATION_JSON_VALUE)
                .setHeader(AmqpHeaders.PUBLISH_CONFIRM_CORRELATION, confirm)
                .build();
        try {
            bridge.send(BINDING, message);
            CorrelationData.Confirm result = confirm.getFuture().get(properties.confirmTimeout().toMillis(), TimeUnit.MILLISECONDS);
            if (!result.ack()) {
                log.warn("broker nacked event {} ({}): {}", eventId, entry.getString("type"), result.reason());
                return false;
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            if (failedRounds == 0) {
                log.warn("event {} not relayed yet, broker unavailable (retrying with backoff): {}", eventId, e.toString());
            } else {
                log.debug("event {} not relayed yet, broker still unavailable: {}", eventId, e.toString());
            }
            return false;
        }
    }

    /** Collections of entities that carry an {@code outbox} list of {@link OutboxEntry}. */
    private List<String> outboxCollections() {
        if (collections == null) {
            List<String> found = new ArrayList<>();
            for (MongoPersistentEntity<?> entity : mongo.getConverter().getMappingContext().getPersistentEntities()) {
                MongoPersistentProperty outbox = entity.getPersistentProperty("outbox");
                if (outbox != null && outbox.isCollectionLike() && OutboxEntry.class.equals(outbox.getComponentType())) {
                    found.add(entity.getCollection());
                }
            }
            collections = List.copyOf(found);
            log.info("outbox relay watches collections {}", collections);
        }
        return collections;
    }
}
