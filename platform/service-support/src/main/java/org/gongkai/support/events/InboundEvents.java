package org.gongkai.support.events;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.ReceiverContext;
import org.gongkai.edge.correlation.CorrelationIds;
import org.gongkai.contracts.EventCatalog;
import org.gongkai.contracts.IntegrationEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.cloud.function.cloudevent.CloudEventMessageUtils;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;

import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the consumer function of a service: resolves the CloudEvents {@code type} (never a class name),
 * reads the data into the contract record, and skips events whose id it has already handled. The id is recorded
 * after the handler succeeded; a failure rethrows, so the binder retries and finally dead-letters the message.
 * <p>
 * Each event is handled inside an observation {@value #CONSUMED} (tagged by type and outcome): its timer counts the
 * events consumed, and its span continues the producer's trace from the CloudEvents {@code traceparent} extension
 * (a new trace when the event has none), so the handler's log lines carry the producer's trace id.
 */
public class InboundEvents {

    /** Observation (timer {@code gongkai_events_consumed_seconds_count} in Prometheus, and a consumer span) per event. */
    public static final String CONSUMED = "gongkai.events.consumed";
    private static final Logger log = LoggerFactory.getLogger(InboundEvents.class);

    private final MongoTemplate mongo;
    private final JsonMapper json;
    private final Clock clock;
    private final Counter duplicates;
    private final ObservationRegistry observations;

    public InboundEvents(MongoTemplate mongo, JsonMapper json, Clock clock, MeterRegistry meters) {
        this(mongo, json, clock, meters, ObservationRegistry.NOOP);
    }

    public InboundEvents(MongoTemplate mongo, JsonMapper json, Clock clock, MeterRegistry meters, ObservationRegistry observations) {
        this.mongo = mongo;
        this.observations = observations;
        // contracts change additively: a field a newer producer added is not a reason to dead-letter its event, even
        // though the service's own mapper refuses unknown fields (those are a client's mistake in a request)
        this.json = json.rebuild().disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        this.clock = clock;
        this.duplicates = Counter.builder("gongkai.events.duplicates")
                .description("redelivered events recognised by their id and not handled again").register(meters);
    }

    public interface Handler<E extends IntegrationEvent> {
        void handle(E event, EventMetadata metadata);
    }

    /**
     * Where a consumer remembers the events it has handled, by event id. The default is the service's
     * {@code processed_events} collection; a service that keeps every event anyway (reporting's event log) uses that.
     */
    public interface Inbox {

        boolean hasHandled(EventMetadata metadata);

        /** Called after the handlers succeeded; a concurrent record of the same event must not fail. */
        void recordHandled(IntegrationEvent event, EventMetadata metadata);

        /** The ids among a batch's that were handled before (an inbox that can should look them up at once). */
        default Set<String> handledAmong(List<EventMetadata> metadata) {
            Set<String> handled = new HashSet<>();
            metadata.stream().filter(this::hasHandled).forEach(m -> handled.add(m.id()));
            return handled;
        }

        /** Called after a batch's handlers succeeded (an inbox that can should record them in one write). */
        default void recordHandled(List<Received> handled) {
            handled.forEach(r -> recordHandled(r.event(), r.metadata()));
        }
    }

    /** One event of a batch: read from its message, not handled before. */
    public record Received(IntegrationEvent event, EventMetadata metadata) {
    }

    /** Handles a batch of events in their order of delivery; a failure fails the whole batch, which the binder retries. */
    public interface BatchHandler {
        void handle(List<Received> events);
    }

    /**
     * Where a poison message of a batch goes, as the binder would send it on its own: its queue's dead-letter queue.
     * The rest of the batch is handled and acknowledged; only the poison is dead-lettered.
     */
    public interface PoisonMessages {
        /** {@code headers} are the message's as the binder maps them (its own and the AMQP ones, {@code amqp_…}). */
        void deadLetter(byte[] body, Map<String, Object> headers, PoisonEventException cause);
    }

    /** The {@code processed_events} collection: one small document per handled event id. */
    private final Inbox processedEvents = new Inbox() {
        @Override
        public boolean hasHandled(EventMetadata metadata) {
            return mongo.exists(Query.query(Criteria.where("_id").is(metadata.id())), ProcessedEvent.class);
        }

        @Override
        public void recordHandled(IntegrationEvent event, EventMetadata metadata) {
            try {
                mongo.insert(new ProcessedEvent(metadata.id(), metadata.type(), Instant.now(clock)));
            } catch (DuplicateKeyException concurrentRedelivery) {
                // the same event was handled twice at once; the idempotent handlers absorbed it
            }
        }
    };

    public Dispatcher dispatcher() {
        return new Dispatcher();
    }

    public final class Dispatcher {

        private final Map<Class<? extends IntegrationEvent>, Handler<? extends IntegrationEvent>> handlers = new HashMap<>();
        private Handler<IntegrationEvent> everyEvent;
        private BatchHandler everyBatch;
        private Inbox inbox = processedEvents;

        public <E extends IntegrationEvent> Dispatcher on(Class<E> eventClass, Handler<E> handler) {
            handlers.put(eventClass, handler);
            return this;
        }

        /** Runs before the specific handler for every known event (e.g. an append-only event log). */
        public Dispatcher onEvery(Handler<IntegrationEvent> handler) {
            this.everyEvent = handler;
            return this;
        }

        /**
         * Handles events a batch at a time (Spring Cloud Stream's batch mode): the batch's events not handled before
         * are given to {@code handler} together, then recorded in the inbox together. See {@link #buildBatch}.
         */
        public Dispatcher onEveryBatch(BatchHandler handler) {
            this.everyBatch = handler;
            return this;
        }

        /** Remembers handled events somewhere else than {@code processed_events}. */
        public Dispatcher inbox(Inbox otherInbox) {
            this.inbox = otherInbox;
            return this;
        }

        public Consumer<Message<byte[]>> build() {
            return this::accept;
        }

        /**
         * The consumer of a binding in batch mode with the Rabbit binder's consumer-side batching: the payload is the
         * list of message bodies and the header {@value #BATCHED_HEADERS} their headers. Redeliveries (also twice in one
         * batch) and events of unknown types are left out; a poison message is dead-lettered on its own through
         * {@code poison} once the others were handled, so it neither blocks nor takes the others with it. A failure of
         * the handler fails the batch: the binder retries it as a whole (events handled meanwhile by another consumer
         * are then skipped) and finally dead-letters all of its messages, as it would each of them one at a time.
         * <p>
         * Typed {@code Message<?>}: for {@code Message<List<byte[]>>} Spring Cloud Function would run the list through
         * its JSON converter instead of handing it over as it came.
         */
        public Consumer<Message<?>> buildBatch(PoisonMessages poison) {
            if (everyBatch == null) {
                throw new IllegalStateException("a batch consumer needs onEveryBatch");
            }
            return message -> acceptBatch(message, poison);
        }

        private void acceptBatch(Message<?> message, PoisonMessages poison) {
            List<byte[]> bodies = bodies(message.getPayload());
            List<Map<String, Object>> headers = batchedHeaders(message.getHeaders(), bodies.size());
            List<BatchItem> observed = new ArrayList<>();
            List<BatchItem> items = new ArrayList<>();
            List<BatchItem> poisoned = new ArrayList<>();
            Set<String> inThisBatch = new HashSet<>();
            try {
                for (int i = 0; i < bodies.size(); i++) {
                    BatchItem item;
                    try {
                        item = new BatchItem(bodies.get(i), headers.get(i), metadata(MessageBuilder.createMessage(bodies.get(i), new MessageHeaders(headers.get(i)))));
                    } catch (PoisonEventException notACloudEvent) {
                        poisoned.add(new BatchItem(bodies.get(i), headers.get(i), null).poison(notACloudEvent));
                        continue;
                    }
                    item.observation.start();
                    observed.add(item);
                    if (item.eventClass == null) {
                        item.outcome(OUTCOME_IGNORED);
                        log.info("ignoring unknown event type {} ({})", item.metadata.type(), item.metadata.id());
                    } else if (!inThisBatch.add(item.metadata.id())) {
                        item.duplicate();
                    } else {
                        items.add(item);
                    }
                }
                Set<String> handledBefore = inbox.handledAmong(items.stream().map(item -> item.metadata).toList());
                List<Received> received = new ArrayList<>();
                List<BatchItem> handling = new ArrayList<>();
                for (BatchItem item : items) {
                    if (handledBefore.contains(item.metadata.id())) {
                        item.duplicate();
                        continue;
                    }
                    item.outcome(OUTCOME_FAILED); // until it is handled
                    try {
                        received.add(new Received(item.read(), item.metadata));
                        handling.add(item);
                    } catch (PoisonEventException unreadable) {
                        poisoned.add(item.poison(unreadable));
                    }
                }
                if (!received.isEmpty()) {
                    everyBatch.handle(received);
                    for (Received r : received) {
                        @SuppressWarnings("unchecked")
                        Handler<IntegrationEvent> handler = (Handler<IntegrationEvent>) handlers.get(r.event().getClass());
                        if (handler != null) {
                            handler.handle(r.event(), r.metadata());
                        }
                    }
                    inbox.recordHandled(received);
                }
                for (BatchItem item : handling) {
                    item.outcome(OUTCOME_HANDLED);
                    item.log("handled event {} {} from {}", item.metadata.type(), item.metadata.id(), item.metadata.source());
                }
                // only now: a batch that fails before would dead-letter its poison again when it is retried
                for (BatchItem item : poisoned) {
                    poison.deadLetter(item.body, item.headers, item.poison);
                    log.warn("dead-lettered poison message {}: {}", item.metadata == null ? "(no id)" : item.metadata.id(),
                            item.poison.getMessage());
                }
            } finally {
                observed.forEach(item -> item.observation.stop());
            }
        }

        /** One message of a batch, observed like a single event ({@value #CONSUMED}). */
        private final class BatchItem {

            final byte[] body;
            final Map<String, Object> headers;
            final EventMetadata metadata;
            final Class<? extends IntegrationEvent> eventClass;
            final Observation observation;
            PoisonEventException poison;

            BatchItem(byte[] body, Map<String, Object> headers, EventMetadata metadata) {
                this.body = body;
                this.headers = headers;
                this.metadata = metadata;
                this.eventClass = metadata == null ? null : EventCatalog.classOf(metadata.type()).orElse(null);
                this.observation = metadata == null ? null : observation(metadata);
            }

            IntegrationEvent read() {
                return readEvent(body, metadata, eventClass);
            }

            BatchItem poison(PoisonEventException cause) {
                this.poison = cause;
                return this;
            }

            void outcome(KeyValue outcome) {
                observation.lowCardinalityKeyValue(outcome);
            }

            void duplicate() {
                duplicates.increment();
                outcome(OUTCOME_DUPLICATE);
                log("duplicate event {} ({}) ignored", metadata.id(), metadata.type());
            }

            /** A log line in the event's own trace and with its correlation id, as when it is consumed alone. */
            void log(String format, Object... arguments) {
                if (metadata.correlationId() != null) {
                    MDC.put(CorrelationIds.MDC_KEY, metadata.correlationId());
                }
                try (Observation.Scope scope = observation.openScope()) {
                    InboundEvents.log.info(format, arguments);
                } finally {
                    MDC.remove(CorrelationIds.MDC_KEY);
                }
            }
        }

        private void accept(Message<byte[]> message) {
            EventMetadata metadata = metadata(message);
            if (metadata.correlationId() != null) {
                MDC.put(CorrelationIds.MDC_KEY, metadata.correlationId());
            }
            try {
                Observation observation = observation(metadata);
                observation.observe(() -> handle(message, metadata, observation));
            } finally {
                MDC.remove(CorrelationIds.MDC_KEY);
            }
        }

        /** The event's consumer observation: its timer, and a span continuing the producer's trace. */
        private Observation observation(EventMetadata metadata) {
            Map<String, String> carrier = new HashMap<>();
            if (metadata.traceparent() != null) {
                carrier.put(TraceParents.TRACEPARENT, metadata.traceparent());
            }
            ReceiverContext<Map<String, String>> context = new ReceiverContext<>((c, key) -> c.get(key), Kind.CONSUMER);
            context.setCarrier(carrier);
            context.setRemoteServiceName(metadata.source());
            boolean known = EventCatalog.classOf(metadata.type()).isPresent();
            return Observation.createNotStarted(CONSUMED, () -> context, observations)
                    .contextualName("consume " + (known ? metadata.type() : "unknown"))
                    // only catalogued types as tag values: a producer cannot grow the metric without bound
                    .lowCardinalityKeyValue("type", known ? metadata.type() : "unknown");
        }

        @SuppressWarnings("unchecked")
        private void handle(Message<byte[]> message, EventMetadata metadata, Observation observation) {
            observation.lowCardinalityKeyValue(OUTCOME_IGNORED);
            var eventClass = EventCatalog.classOf(metadata.type()).orElse(null);
            Handler<IntegrationEvent> handler = eventClass == null ? null
                    : (Handler<IntegrationEvent>) handlers.get(eventClass);
            if (handler == null && everyEvent == null) {
                log.debug("ignoring event type {}", metadata.type());
                return;
            }
            if (eventClass == null) {
                log.info("ignoring unknown event type {} ({})", metadata.type(), metadata.id());
                return;
            }
            if (inbox.hasHandled(metadata)) {
                duplicates.increment();
                observation.lowCardinalityKeyValue(OUTCOME_DUPLICATE);
                log.info("duplicate event {} ({}) ignored", metadata.id(), metadata.type());
                return;
            }
            observation.lowCardinalityKeyValue(OUTCOME_FAILED); // until it is handled
            // handlers are idempotent writes; the id is recorded only after they succeeded, so a crash or a
            // failure in between leads to a redelivery that runs again, never to a silently skipped event
            IntegrationEvent event = readEvent(message.getPayload(), metadata, eventClass);
            if (everyEvent != null) {
                everyEvent.handle(event, metadata);
            }
            if (handler != null) {
                handler.handle(event, metadata);
            }
            inbox.recordHandled(event, metadata);
            observation.lowCardinalityKeyValue(OUTCOME_HANDLED);
            log.info("handled event {} {} from {}", metadata.type(), metadata.id(), metadata.source());
        }
    }

    private IntegrationEvent readEvent(byte[] body, EventMetadata metadata, Class<? extends IntegrationEvent> eventClass) {
        try {
            return json.readValue(new String(body, StandardCharsets.UTF_8), eventClass);
        } catch (tools.jackson.core.JacksonException unreadable) {
            throw new PoisonEventException("event " + metadata.id() + " (" + metadata.type() + ") is not its type's JSON", unreadable);
        }
    }

    /** The header in which the Rabbit binder's batch mode hands each message's headers (Spring Integration's name). */
    public static final String BATCHED_HEADERS = "amqp_batchedHeaders";

    private static List<byte[]> bodies(Object payload) {
        if (!(payload instanceof List<?> list) || !list.stream().allMatch(byte[].class::isInstance)) {
            throw new IllegalStateException("a batch is a list of message bodies, not " + payload.getClass().getName()
                    + ": is the binding's consumer batch mode on with the Rabbit binder's enable-batching?");
        }
        return list.stream().map(byte[].class::cast).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> batchedHeaders(MessageHeaders headers, int messages) {
        Object batched = headers.get(BATCHED_HEADERS);
        if (!(batched instanceof List<?> list) || list.size() != messages) {
            throw new IllegalStateException("a batch without the headers of each message (" + BATCHED_HEADERS
                    + "): is the binding's consumer batch mode on with the Rabbit binder's enable-batching?");
        }
        return (List<Map<String, Object>>) list;
    }

    private static final KeyValue OUTCOME_HANDLED = KeyValue.of("outcome", "handled");
    private static final KeyValue OUTCOME_DUPLICATE = KeyValue.of("outcome", "duplicate");
    private static final KeyValue OUTCOME_IGNORED = KeyValue.of("outcome", "ignored");
    private static final KeyValue OUTCOME_FAILED = KeyValue.of("outcome", "failed");

    /**
     * The CloudEvents attributes, read one way: through Spring Cloud Function's {@link CloudEventMessageUtils}, which
     * knows the binary-mode prefix of each binding (our producers write the AMQP binding's {@code cloudEvents:}; the
     * function layer may hand a consumer the canonical {@code ce-}). Our extensions are read with the prefix the
     * library found for {@code id}.
     */
    static EventMetadata metadata(Message<?> delivered) {
        Message<?> message = withAttributes(delivered);
        String id = CloudEventMessageUtils.getId(message);
        String type = CloudEventMessageUtils.getType(message);
        if (id == null || type == null) {
            throw new PoisonEventException("not a CloudEvent: missing id or type", null);
        }
        Map<String, Object> attributes = CloudEventMessageUtils.getAttributes(message);
        String prefix = attributes.entrySet().stream()
                .filter(a -> a.getKey().endsWith(ID_ATTRIBUTE) && id.equals(String.valueOf(a.getValue())))
                .map(a -> a.getKey().substring(0, a.getKey().length() - ID_ATTRIBUTE.length()))
                .findFirst().orElse(CloudEventHeaders.PREFIX);
        URI source = CloudEventMessageUtils.getSource(message);
        return new EventMetadata(id, type, source == null ? null : source.toString(),
                CloudEventMessageUtils.getSubject(message), time(message, id),
                extension(attributes, prefix, CorrelationIds.CLOUD_EVENT_EXTENSION),
                extension(attributes, prefix, TraceParents.TRACEPARENT));
    }

    private static final String ID_ATTRIBUTE = "id";

    /** Spring Cloud Function may drop the attributes it consumed; the raw AMQP message still has them all. */
    private static Message<?> withAttributes(Message<?> delivered) {
        if (CloudEventMessageUtils.getId(delivered) == null
                && delivered.getHeaders().get("sourceData") instanceof org.springframework.amqp.core.Message raw) {
            return MessageBuilder.withPayload(raw.getBody()).copyHeaders(raw.getMessageProperties().getHeaders()).build();
        }
        return delivered;
    }

    /** A {@code time} that is not an RFC 3339 timestamp never parses, however often it is retried: poison. */
    private static Instant time(Message<?> message, String id) {
        try {
            OffsetDateTime time = CloudEventMessageUtils.getTime(message);
            return time == null ? null : time.toInstant();
        } catch (DateTimeException unreadable) {
            throw new PoisonEventException("not a CloudEvent: event " + id + " has a time that is not a timestamp", unreadable);
        }
    }

    private static String extension(Map<String, Object> attributes, String prefix, String name) {
        Object value = attributes.get(prefix + name);
        return value == null ? null : value.toString();
    }
}
