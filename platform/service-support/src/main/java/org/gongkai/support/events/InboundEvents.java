package org.gongkai.support.events;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
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

        /** Remembers handled events somewhere else than {@code processed_events}. */
        public Dispatcher inbox(Inbox otherInbox) {
            this.inbox = otherInbox;
            return this;
        }

        public Consumer<Message<byte[]>> build() {
            return this::accept;
        }

        private void accept(Message<byte[]> message) {
            EventMetadata metadata = metadata(message);
            if (metadata.correlationId() != null) {
                MDC.put(CorrelationIds.MDC_KEY, metadata.correlationId());
            }
            try {
                Map<String, String> carrier = new HashMap<>();
                if (metadata.traceparent() != null) {
                    carrier.put(TraceParents.TRACEPARENT, metadata.traceparent());
                }
                ReceiverContext<Map<String, String>> context = new ReceiverContext<>((c, key) -> c.get(key), Kind.CONSUMER);
                context.setCarrier(carrier);
                context.setRemoteServiceName(metadata.source());
                boolean known = EventCatalog.classOf(metadata.type()).isPresent();
                Observation observation = Observation.createNotStarted(CONSUMED, () -> context, observations)
                        .contextualName("consume " + (known ? metadata.type() : "unknown"))
                        // only catalogued types as tag values: a producer cannot grow the metric without bound
                        .lowCardinalityKeyValue("type", known ? metadata.type() : "unknown");
                observation.observe(() -> handle(message, metadata, observation));
            } finally {
                MDC.remove(CorrelationIds.MDC_KEY);
            }
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
            IntegrationEvent event;
            try {
                event = json.readValue(new String(message.getPayload(), StandardCharsets.UTF_8), eventClass);
            } catch (tools.jackson.core.JacksonException unreadable) {
                throw new PoisonEventException("event " + metadata.id() + " (" + metadata.type() + ") is not its type's JSON",
                        unreadable);
            }
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
