package org.gongkai.support.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.bson.Document;
import org.gongkai.contracts.EventCatalog;
import org.gongkai.contracts.IntegrationEvent;
import org.gongkai.contracts.publication.DocumentPublished;
import org.gongkai.contracts.reporting.ReportSubmitted;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The inbox every consuming service builds its consumer from, against the MongoDB wire server the local run uses:
 * an event id is handled once, an unknown type is acknowledged and left alone, a failing handler leaves the event
 * unrecorded so the binder's redelivery runs it again, and a message that can never be handled is poison.
 */
class InboundEventsTest {

    private static final String REPORT_SUBMITTED = EventCatalog.typeOf(ReportSubmitted.class);
    private static final String DOCUMENT_PUBLISHED = EventCatalog.typeOf(DocumentPublished.class);
    private static final String REPORT_JSON = """
            {"section":"safety-coordination","period":"2026-H1","dueOn":"2026-07-10","submittedOn":"2026-07-11",
             "late":true,"occurredAt":"2026-07-11T02:00:00Z"}""";
    private static final Instant NOW = Instant.parse("2026-07-11T03:00:00Z");

    private MongoServer server;
    private MongoClient client;
    private MongoTemplate mongo;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<String> outcomes = new ArrayList<>();
    private InboundEvents inbound;

    /** What the handlers were given, in order. */
    private final List<IntegrationEvent> handled = new ArrayList<>();
    private final List<EventMetadata> metadata = new ArrayList<>();

    @BeforeEach
    void startDatabase() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        mongo = new MongoTemplate(client, "reporting-service");
        ObservationRegistry observations = ObservationRegistry.create();
        observations.observationConfig().observationHandler(new ObservationHandler<>() {
            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }

            @Override
            public void onStop(Observation.Context context) {
                outcomes.add(context.getLowCardinalityKeyValue("outcome").getValue());
            }
        });
        inbound = new InboundEvents(mongo, serviceJsonMapper(), Clock.fixed(NOW, ZoneOffset.UTC), meters, observations);
    }

    @AfterEach
    void stopDatabase() {
        client.close();
        server.shutdownNow();
    }

    /** The services' JSON mapper as gongkai-defaults.yml configures it. */
    private static JsonMapper serviceJsonMapper() {
        return JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
    }

    private Consumer<Message<byte[]>> reportingConsumer() {
        return inbound.dispatcher()
                .on(ReportSubmitted.class, (event, meta) -> {
                    handled.add(event);
                    metadata.add(meta);
                })
                .build();
    }

    private static MessageBuilder<byte[]> cloudEvent(String id, String type, String data) {
        return MessageBuilder.withPayload(data.getBytes(StandardCharsets.UTF_8))
                .setHeader(CloudEventHeaders.SPEC_VERSION, "1.0")
                .setHeader(CloudEventHeaders.ID, id)
                .setHeader(CloudEventHeaders.TYPE, type)
                .setHeader(CloudEventHeaders.SOURCE, "/gongkai/reporting-service")
                .setHeader(CloudEventHeaders.SUBJECT, "reports/safety-coordination/2026-H1")
                .setHeader(CloudEventHeaders.TIME, "2026-07-11T02:00:00Z")
                .setHeader(CloudEventHeaders.DATA_CONTENT_TYPE, "application/json");
    }

    private static Message<byte[]> reportSubmitted(String id) {
        return cloudEvent(id, REPORT_SUBMITTED, REPORT_JSON).build();
    }

    private boolean processed(String eventId) {
        return mongo.findById(eventId, Document.class, "processed_events") != null;
    }

    private double duplicates() {
        return meters.get("gongkai.events.duplicates").counter().count();
    }

    @Test
    void aRedeliveredEventIdIsHandledOnceAndRecordedAsProcessed() {
        Consumer<Message<byte[]>> consumer = reportingConsumer();

        consumer.accept(reportSubmitted("evt-1"));
        consumer.accept(reportSubmitted("evt-1"));
        consumer.accept(reportSubmitted("evt-1"));

        assertThat(handled).singleElement().isEqualTo(new ReportSubmitted("safety-coordination", "2026-H1",
                LocalDate.of(2026, 7, 10), LocalDate.of(2026, 7, 11), true, Instant.parse("2026-07-11T02:00:00Z")));
        Document record = mongo.findById("evt-1", Document.class, "processed_events");
        assertThat(record).isNotNull();
        assertThat(record.getString("type")).isEqualTo(REPORT_SUBMITTED);
        assertThat(record.getDate("processedAt").toInstant()).isEqualTo(NOW);
        assertThat(duplicates()).isEqualTo(2);
        assertThat(outcomes).containsExactly("handled", "duplicate", "duplicate");
    }

    @Test
    void aServiceMayKeepItsInboxElsewhereAndThenProcessedEventsIsNotWritten() {
        java.util.Map<String, org.gongkai.contracts.IntegrationEvent> log = new java.util.LinkedHashMap<>();
        Consumer<Message<byte[]>> consumer = inbound.dispatcher()
                .inbox(new InboundEvents.Inbox() {
                    @Override
                    public boolean hasHandled(EventMetadata meta) {
                        return log.containsKey(meta.id());
                    }

                    @Override
                    public void recordHandled(org.gongkai.contracts.IntegrationEvent event, EventMetadata meta) {
                        log.put(meta.id(), event);
                    }
                })
                .on(ReportSubmitted.class, (event, meta) -> handled.add(event))
                .build();

        consumer.accept(reportSubmitted("evt-1"));
        consumer.accept(reportSubmitted("evt-1"));

        assertThat(handled).hasSize(1);
        assertThat(log).containsOnlyKeys("evt-1");
        assertThat(processed("evt-1")).isFalse();
        assertThat(duplicates()).isEqualTo(1);
    }

    @Test
    void theIdDecidesNotTheContent() {
        Consumer<Message<byte[]>> consumer = reportingConsumer();

        consumer.accept(reportSubmitted("evt-1"));
        consumer.accept(reportSubmitted("evt-2"));

        assertThat(handled).hasSize(2);
        assertThat(processed("evt-1")).isTrue();
        assertThat(processed("evt-2")).isTrue();
        assertThat(duplicates()).isZero();
    }

    @Test
    void anotherInstanceOfTheServiceSeesTheIdAsProcessed() {
        reportingConsumer().accept(reportSubmitted("evt-1"));

        // a second instance (competing consumer of the same queue) with its own connection to the same database
        try (MongoClient otherClient = MongoClients.create(server.getConnectionString())) {
            InboundEvents otherInstance = new InboundEvents(new MongoTemplate(otherClient, "reporting-service"), serviceJsonMapper(),
                    Clock.systemUTC(), new SimpleMeterRegistry());
            List<IntegrationEvent> handledByOther = new ArrayList<>();
            otherInstance.dispatcher().on(ReportSubmitted.class, (event, meta) -> handledByOther.add(event)).build()
                    .accept(reportSubmitted("evt-1"));
            assertThat(handledByOther).isEmpty();
        }
    }

    @Test
    void aHandlerThatFailsLeavesTheEventUnrecordedSoTheRedeliveryRunsItAgain() {
        IllegalStateException databaseDown = new IllegalStateException("database unavailable");
        List<String> attempts = new ArrayList<>();
        Consumer<Message<byte[]>> consumer = inbound.dispatcher()
                .on(ReportSubmitted.class, (event, meta) -> {
                    attempts.add(meta.id());
                    if (attempts.size() == 1) {
                        throw databaseDown;
                    }
                })
                .build();

        assertThatThrownBy(() -> consumer.accept(reportSubmitted("evt-1")))
                .as("the failure reaches the binder, which retries and finally dead-letters").isSameAs(databaseDown);
        assertThat(processed("evt-1")).isFalse();

        consumer.accept(reportSubmitted("evt-1")); // the binder's retry
        assertThat(attempts).containsExactly("evt-1", "evt-1");
        assertThat(processed("evt-1")).isTrue();

        consumer.accept(reportSubmitted("evt-1")); // a late duplicate
        assertThat(attempts).hasSize(2);
        assertThat(outcomes).containsExactly("failed", "handled", "duplicate");
    }

    @Test
    void aFailingHandlerForEveryEventAlsoLeavesItUnrecordedAndTheSpecificHandlerIsNotRun() {
        List<String> calls = new ArrayList<>();
        Consumer<Message<byte[]>> consumer = inbound.dispatcher()
                .onEvery((event, meta) -> {
                    calls.add("every");
                    if (calls.size() == 1) {
                        throw new IllegalStateException("event log unavailable");
                    }
                })
                .on(ReportSubmitted.class, (event, meta) -> calls.add("report"))
                .build();

        assertThatThrownBy(() -> consumer.accept(reportSubmitted("evt-1"))).hasMessage("event log unavailable");
        assertThat(processed("evt-1")).isFalse();
        assertThat(calls).containsExactly("every");

        consumer.accept(reportSubmitted("evt-1"));
        assertThat(calls).as("every-event handler first, then the type's own").containsExactly("every", "every", "report");
        assertThat(processed("evt-1")).isTrue();
    }

    @Test
    void aConcurrentRedeliveryThatFinishedFirstIsNotAFailure() {
        // while this delivery ran its (idempotent) handler, another instance handled the same event and recorded it
        Consumer<Message<byte[]>> consumer = inbound.dispatcher()
                .on(ReportSubmitted.class, (event, meta) -> mongo.insert(new ProcessedEvent(meta.id(), meta.type(), NOW)))
                .build();

        assertThatNoException().isThrownBy(() -> consumer.accept(reportSubmitted("evt-1")));
        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), "processed_events")).isEqualTo(1);
    }

    @Test
    void anUnknownTypeIsAcknowledgedWithoutRunningAnyHandlerOrRecordingIt() {
        // a producer may publish a type (or a new .v2) before this consumer knows it: ignored, never guessed, and not
        // poison, so it neither blocks the queue with retries nor fills the dead-letter queue
        List<String> calls = new ArrayList<>();
        Consumer<Message<byte[]>> consumer = inbound.dispatcher()
                .onEvery((event, meta) -> calls.add("every"))
                .on(ReportSubmitted.class, (event, meta) -> calls.add("report"))
                .build();

        assertThatNoException().isThrownBy(() -> consumer.accept(cloudEvent("evt-x", "gongkai.reporting.report-submitted.v2",
                "{\"whatever\":\"the new version carries\"}").build()));
        assertThatNoException().isThrownBy(() -> consumer.accept(cloudEvent("evt-y", "com.example.Unrelated",
                "not even JSON").build()));

        assertThat(calls).isEmpty();
        assertThat(processed("evt-x")).isFalse();
        assertThat(processed("evt-y")).isFalse();
        assertThat(outcomes).containsExactly("ignored", "ignored");
    }

    @Test
    void aKnownTypeThisServiceDoesNotHandleIsAcknowledgedAndLeftAlone() {
        Consumer<Message<byte[]>> consumer = reportingConsumer();

        assertThatNoException().isThrownBy(() -> consumer.accept(cloudEvent("evt-d", DOCUMENT_PUBLISHED, "{}").build()));

        assertThat(handled).isEmpty();
        assertThat(processed("evt-d")).isFalse();
    }

    @Test
    void theEveryEventHandlerAloneTakesEveryKnownType() {
        List<IntegrationEvent> logged = new ArrayList<>();
        Consumer<Message<byte[]>> consumer = inbound.dispatcher().onEvery((event, meta) -> logged.add(event)).build();

        consumer.accept(cloudEvent("evt-d", DOCUMENT_PUBLISHED, """
                {"documentId":"d-1","documentNumber":"安监办〔2026〕1号","title":"通知","section":"office",
                 "publishedOn":"2026-07-01","onTime":true,"channels":["website"]}""").build());

        assertThat(logged).singleElement().isInstanceOfSatisfying(DocumentPublished.class,
                published -> assertThat(published.documentNumber()).isEqualTo("安监办〔2026〕1号"));
        assertThat(processed("evt-d")).isTrue();
    }

    @Test
    void aFieldANewerProducerAddedIsNotPoison() {
        // contracts change additively (docs/events.md): a producer deployed before this consumer may send a new field;
        // the services' mapper refuses unknown fields in requests, which must not dead-letter such an event
        reportingConsumer().accept(cloudEvent("evt-1", REPORT_SUBMITTED,
                REPORT_JSON.replace("\"late\":true", "\"late\":true,\"reviewer\":\"新加的字段\"")).build());

        assertThat(handled).singleElement().isInstanceOfSatisfying(ReportSubmitted.class, report -> assertThat(report.late()).isTrue());
        assertThat(processed("evt-1")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{not json",
            "",
            "[1, 2, 3]",
            "\"a string\"",
            "{\"section\":\"safety-coordination\",\"dueOn\":\"next tuesday\"}",
            "{\"section\":\"safety-coordination\",\"late\":\"perhaps\"}"})
    void dataThatIsNotItsTypesJsonIsPoisonAndNothingIsRecorded(String data) {
        Consumer<Message<byte[]>> consumer = reportingConsumer();

        assertThatThrownBy(() -> consumer.accept(cloudEvent("evt-bad", REPORT_SUBMITTED, data).build()))
                .isInstanceOf(PoisonEventException.class)
                .hasMessageContaining("evt-bad")
                .hasMessageContaining(REPORT_SUBMITTED);
        assertThat(handled).isEmpty();
        assertThat(processed("evt-bad")).isFalse();
        assertThat(outcomes).containsExactly("failed");
    }

    @Test
    void aMessageWithoutIdOrTypeIsNotACloudEventAndPoison() {
        Consumer<Message<byte[]>> consumer = reportingConsumer();

        Message<byte[]> withoutId = MessageBuilder.withPayload(REPORT_JSON.getBytes(StandardCharsets.UTF_8))
                .setHeader(CloudEventHeaders.TYPE, REPORT_SUBMITTED).build();
        Message<byte[]> withoutType = MessageBuilder.withPayload(REPORT_JSON.getBytes(StandardCharsets.UTF_8))
                .setHeader(CloudEventHeaders.ID, "evt-1").build();
        Message<byte[]> plainAmqp = MessageBuilder.withPayload(REPORT_JSON.getBytes(StandardCharsets.UTF_8))
                .setHeader("id-of-something", "evt-1").setHeader("type", REPORT_SUBMITTED).build();

        for (Message<byte[]> message : List.of(withoutId, withoutType, plainAmqp)) {
            assertThatThrownBy(() -> consumer.accept(message)).isInstanceOf(PoisonEventException.class);
        }
        assertThat(handled).isEmpty();
        assertThat(mongo.getCollection("processed_events").countDocuments()).isZero();
    }

    @Test
    void aTimeThatIsNotATimestampIsNotACloudEventAndPoison() {
        // retrying cannot make the attribute parse: without this it was retried for minutes like a database outage
        Message<byte[]> message = cloudEvent("evt-1", REPORT_SUBMITTED, REPORT_JSON).setHeader(CloudEventHeaders.TIME, "gestern").build();

        assertThatThrownBy(() -> reportingConsumer().accept(message)).isInstanceOf(PoisonEventException.class)
                .hasMessageContaining("time");
        assertThat(handled).isEmpty();
        assertThat(processed("evt-1")).isFalse();
    }

    @Test
    void theAttributesAreReadFromTheCloudEventsHeaders() {
        reportingConsumer().accept(cloudEvent("evt-1", REPORT_SUBMITTED, REPORT_JSON)
                .setHeader(CloudEventHeaders.CORRELATION_ID, "corr-42")
                .setHeader(CloudEventHeaders.TRACEPARENT, "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                // a bare attribute name is not a CloudEvents header and must not be taken for one
                .setHeader("subject", "not/this")
                .build());

        assertThat(metadata).singleElement().isEqualTo(new EventMetadata("evt-1", REPORT_SUBMITTED, "/gongkai/reporting-service",
                "reports/safety-coordination/2026-H1", Instant.parse("2026-07-11T02:00:00Z"), "corr-42",
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));
    }

    @Test
    void optionalAttributesMayBeAbsent() {
        reportingConsumer().accept(MessageBuilder.withPayload(REPORT_JSON.getBytes(StandardCharsets.UTF_8))
                .setHeader(CloudEventHeaders.ID, "evt-1").setHeader(CloudEventHeaders.TYPE, REPORT_SUBMITTED).build());

        assertThat(metadata).singleElement().isEqualTo(new EventMetadata("evt-1", REPORT_SUBMITTED, null, null, null, null, null));
    }

    /**
     * Spring Cloud Function may hand a recognised CloudEvent over with its canonical binary-mode prefix instead; the
     * library's reader knows them, our extensions included.
     */
    @ParameterizedTest
    @ValueSource(strings = {"ce-", "ce_"})
    void theOtherBinaryModePrefixesAreReadToo(String prefix) {
        reportingConsumer().accept(MessageBuilder.withPayload(REPORT_JSON.getBytes(StandardCharsets.UTF_8))
                .setHeader(prefix + "id", "evt-1")
                .setHeader(prefix + "type", REPORT_SUBMITTED)
                .setHeader(prefix + "source", "/gongkai/reporting-service")
                .setHeader(prefix + "correlationid", "corr-7")
                .build());

        assertThat(metadata).singleElement().satisfies(meta -> {
            assertThat(meta.id()).isEqualTo("evt-1");
            assertThat(meta.type()).isEqualTo(REPORT_SUBMITTED);
            assertThat(meta.source()).isEqualTo("/gongkai/reporting-service");
            assertThat(meta.correlationId()).isEqualTo("corr-7");
        });
        assertThat(processed("evt-1")).isTrue();
    }

    @Test
    void attributesTheFunctionLayerDroppedAreReadFromTheRawAmqpMessage() {
        MessageProperties properties = new MessageProperties();
        properties.setHeader(CloudEventHeaders.ID, "evt-1");
        properties.setHeader(CloudEventHeaders.TYPE, REPORT_SUBMITTED);
        properties.setHeader(CloudEventHeaders.CORRELATION_ID, "corr-raw");
        byte[] body = REPORT_JSON.getBytes(StandardCharsets.UTF_8);
        reportingConsumer().accept(MessageBuilder.withPayload(body)
                .setHeader("sourceData", new org.springframework.amqp.core.Message(body, properties))
                .build());

        assertThat(metadata).singleElement().satisfies(meta -> {
            assertThat(meta.id()).isEqualTo("evt-1");
            assertThat(meta.correlationId()).isEqualTo("corr-raw");
        });
    }

    // --- batch mode ---

    /** The poison messages a batch consumer handed over for dead-lettering, with their failure. */
    private final List<String> deadLettered = new ArrayList<>();
    private final List<List<IntegrationEvent>> batches = new ArrayList<>();

    private Consumer<Message<?>> batchConsumer(Runnable beforeHandling) {
        return inbound.dispatcher()
                .onEveryBatch(batch -> {
                    beforeHandling.run();
                    batches.add(batch.stream().map(InboundEvents.Received::event).toList());
                    batch.forEach(r -> metadata.add(r.metadata()));
                })
                .buildBatch((body, headers, cause) -> deadLettered.add(headers.get(CloudEventHeaders.ID) + ": " + cause.getMessage()));
    }

    /** A batch as the Rabbit binder hands it over in batch mode: the bodies, and each message's headers in one header. */
    private static Message<List<byte[]>> batch(Message<?>... messages) {
        List<byte[]> bodies = new ArrayList<>();
        List<java.util.Map<String, Object>> headers = new ArrayList<>();
        for (Message<?> m : messages) {
            bodies.add((byte[]) m.getPayload());
            java.util.Map<String, Object> h = new java.util.HashMap<>(m.getHeaders());
            h.put("amqp_consumerQueue", "test.consultation.reporting-service");
            headers.add(h);
        }
        return MessageBuilder.withPayload(bodies).setHeader(InboundEvents.BATCHED_HEADERS, headers).build();
    }

    @Test
    void aBatchIsHandledTogetherAndEachNewEventRecordedOnceRedeliveriesLeftOutAlsoWithinTheBatch() {
        Consumer<Message<?>> consumer = batchConsumer(() -> { });
        consumer.accept(batch(reportSubmitted("evt-1")));

        consumer.accept(batch(reportSubmitted("evt-1"), reportSubmitted("evt-2"), reportSubmitted("evt-3"), reportSubmitted("evt-2"),
                cloudEvent("evt-4", "gongkai.unknown.v1", "{}").build()));

        assertThat(batches).hasSize(2);
        assertThat(batches.get(1)).as("evt-1 handled before, evt-2 twice in the batch, evt-4 of an unknown type").hasSize(2);
        assertThat(metadata).extracting(EventMetadata::id).containsExactly("evt-1", "evt-2", "evt-3");
        assertThat(List.of("evt-1", "evt-2", "evt-3")).allMatch(this::processed);
        assertThat(processed("evt-4")).isFalse();
        assertThat(duplicates()).isEqualTo(2);
        assertThat(outcomes).containsExactlyInAnyOrder("handled", "duplicate", "handled", "handled", "duplicate", "ignored");
    }

    @Test
    void aPoisonMessageInABatchIsDeadLetteredAloneAndTheOthersAreHandled() {
        Consumer<Message<?>> consumer = batchConsumer(() -> { });
        Message<byte[]> notACloudEvent = MessageBuilder.withPayload("{}".getBytes(StandardCharsets.UTF_8))
                .setHeader(CloudEventHeaders.TYPE, REPORT_SUBMITTED).build();

        consumer.accept(batch(reportSubmitted("evt-1"), cloudEvent("evt-2", REPORT_SUBMITTED, "not json").build(), notACloudEvent,
                reportSubmitted("evt-3")));

        assertThat(batches).singleElement().asList().hasSize(2);
        assertThat(processed("evt-1")).isTrue();
        assertThat(processed("evt-3")).isTrue();
        assertThat(processed("evt-2")).as("poison is never recorded").isFalse();
        assertThat(deadLettered).hasSize(2)
                .anySatisfy(poison -> assertThat(poison).startsWith("evt-2: ").contains("is not its type's JSON"))
                .anySatisfy(poison -> assertThat(poison).startsWith("null: ").contains("not a CloudEvent"));
    }

    @Test
    void aBatchWhoseHandlerFailsRecordsNothingAndDeadLettersNothingSoTheRetryRunsItWhole() {
        java.util.concurrent.atomic.AtomicBoolean failing = new java.util.concurrent.atomic.AtomicBoolean(true);
        Consumer<Message<?>> consumer = batchConsumer(() -> {
            if (failing.get()) {
                throw new IllegalStateException("the database went away");
            }
        });
        Message<List<byte[]>> batch = batch(reportSubmitted("evt-1"), cloudEvent("evt-2", REPORT_SUBMITTED, "not json").build(),
                reportSubmitted("evt-3"));

        assertThatThrownBy(() -> consumer.accept(batch)).isInstanceOf(IllegalStateException.class);
        assertThat(processed("evt-1")).isFalse();
        assertThat(deadLettered).as("dead-lettered only once the others are handled, or twice on the retry").isEmpty();
        assertThat(outcomes).containsExactly("failed", "failed", "failed");

        failing.set(false);
        consumer.accept(batch); // the binder's retry
        assertThat(processed("evt-1")).isTrue();
        assertThat(processed("evt-3")).isTrue();
        assertThat(deadLettered).singleElement().asString().startsWith("evt-2: ");
    }

    @Test
    void aBatchWithoutEachMessagesHeadersIsAConfigurationMistakeNotPoison() {
        Consumer<Message<?>> consumer = batchConsumer(() -> { });
        Message<List<byte[]>> withoutHeaders = MessageBuilder.withPayload(List.of(REPORT_JSON.getBytes(StandardCharsets.UTF_8))).build();

        assertThatThrownBy(() -> consumer.accept(withoutHeaders)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("enable-batching");
    }
}
