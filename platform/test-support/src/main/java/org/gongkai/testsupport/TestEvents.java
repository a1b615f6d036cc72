package org.gongkai.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.gongkai.contracts.EventCatalog;
import org.gongkai.contracts.IntegrationEvent;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.env.Environment;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Watches what the service under test publishes on its exchange (through a queue of its own on the real
 * broker) and sends events to it as another service would, as CloudEvents in binary mode.
 */
public class TestEvents implements DisposableBean {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** How long an expected event may take: a busy 2-core machine can hold a relay round for seconds. */
    private static final Duration AWAIT_EVENT = Duration.ofSeconds(60);

    public record Received(Map<String, Object> headers, String data) {
        public String type() {
            return String.valueOf(headers.get("cloudEvents:type"));
        }

        public JsonNode json() {
            return JSON.readTree(data);
        }
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final SimpleMessageListenerContainer container;
    private final RabbitTemplate template;
    private final String namespace;

    public TestEvents(ConnectionFactory connectionFactory, Environment environment) {
        this.namespace = environment.getRequiredProperty("gongkai.events.namespace");
        String exchange = environment.getRequiredProperty("gongkai.events.exchange");
        RabbitAdmin admin = new RabbitAdmin(connectionFactory);
        // not exclusive, so it survives a dropped connection (broker-outage tests); it expires once unused
        Queue queue = org.springframework.amqp.core.QueueBuilder.nonDurable("test-events-" + UUID.randomUUID())
                .expires(300_000).build();
        TopicExchange topic = new TopicExchange(exchange, true, false);
        admin.declareExchange(topic);
        admin.declareQueue(queue);
        admin.declareBinding(BindingBuilder.bind(queue).to(topic).with("#"));
        container = new SimpleMessageListenerContainer(connectionFactory);
        container.setQueues(queue);
        container.setMessageListener(message -> {
            Map<String, Object> headers = new java.util.HashMap<>(message.getMessageProperties().getHeaders());
            received.add(new Received(headers, new String(message.getBody(), StandardCharsets.UTF_8)));
        });
        container.start();
        template = new RabbitTemplate(connectionFactory);
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** The first event of the type that matches, waiting for it (generously: the machine may be busy). */
    public Received awaitType(String type, Predicate<Received> matching) {
        try {
            return org.awaitility.Awaitility.await().atMost(AWAIT_EVENT).pollInterval(Duration.ofMillis(100))
                    .until(() -> received.stream().filter(r -> r.type().equals(type) && matching.test(r)).findFirst(),
                            java.util.Optional::isPresent)
                    .orElseThrow();
        } catch (org.awaitility.core.ConditionTimeoutException timedOut) {
            return fail("no event " + type + " arrived within " + AWAIT_EVENT.toSeconds() + " s; got "
                    + received.stream().map(Received::type).toList());
        }
    }

    public Received awaitType(String type) {
        return awaitType(type, r -> true);
    }

    /** Sends an event as its producing service would: to {@code <namespace>.<producer>} with routing key = type. */
    public String send(String producer, IntegrationEvent event) {
        return send(producer, event, UUID.randomUUID().toString());
    }

    public String send(String producer, IntegrationEvent event, String eventId) {
        return send(producer, event, eventId, Map.of());
    }

    /** With further CloudEvents attributes, e.g. {@code cloudEvents:traceparent}. */
    public String send(String producer, IntegrationEvent event, String eventId, Map<String, Object> attributes) {
        MessageProperties properties = cloudEventProperties(eventId, EventCatalog.typeOf(event.getClass()));
        properties.setHeader("cloudEvents:subject", event.subject());
        attributes.forEach(properties::setHeader);
        template.send(namespace + "." + producer, EventCatalog.typeOf(event.getClass()),
                new org.springframework.amqp.core.Message(JSON.writeValueAsBytes(event), properties));
        return eventId;
    }

    /**
     * Puts an event straight into a queue (through the default exchange), as the binder leaves a dead-lettered one in a
     * consumer's DLQ: {@code <namespace>.<producer>.<consumer>.dlq}.
     */
    public void sendToQueue(String queue, IntegrationEvent event, String eventId) {
        MessageProperties properties = cloudEventProperties(eventId, EventCatalog.typeOf(event.getClass()));
        properties.setHeader("cloudEvents:subject", event.subject());
        properties.setHeader("x-exception-message", "dead-lettered by the test");
        template.send("", queue, new org.springframework.amqp.core.Message(JSON.writeValueAsBytes(event), properties));
    }

    /** Sends a message that claims to be a CloudEvent of {@code type} but whose body is whatever the test says. */
    public String sendRaw(String producer, String type, byte[] body) {
        String eventId = UUID.randomUUID().toString();
        template.send(namespace + "." + producer, type, new org.springframework.amqp.core.Message(body, cloudEventProperties(eventId, type)));
        return eventId;
    }

    /** Binary-mode CloudEvents attributes as a producing service sets them. */
    private static MessageProperties cloudEventProperties(String eventId, String type) {
        MessageProperties properties = new MessageProperties();
        properties.setContentType("application/json");
        properties.setHeader("cloudEvents:specversion", "1.0");
        properties.setHeader("cloudEvents:id", eventId);
        properties.setHeader("cloudEvents:type", type);
        properties.setHeader("cloudEvents:source", "/gongkai/test");
        properties.setHeader("cloudEvents:time", Instant.now().toString());
        return properties;
    }

    /** Messages waiting in a queue of the broker, e.g. a consumer's dead-letter queue; -1 if it does not exist. */
    public long messagesIn(String queue) {
        java.util.Properties info = new RabbitAdmin(template.getConnectionFactory()).getQueueProperties(queue);
        return info == null ? -1 : ((Number) info.get(RabbitAdmin.QUEUE_MESSAGE_COUNT)).longValue();
    }

    public String namespace() {
        return namespace;
    }

    /** The producer's data has exactly the fields of the contract's JSON fixture (nested objects included). */
    public static void assertMatchesFixture(Received received) {
        try (InputStream in = TestEvents.class.getClassLoader().getResourceAsStream(EventCatalog.fixturePath(received.type()))) {
            assertThat(in).as("fixture of " + received.type()).isNotNull();
            JsonNode fixture = JSON.readTree(in);
            List<String> problems = new ArrayList<>();
            compare("", fixture, received.json(), problems);
            assertThat(problems).as("producer output vs fixture of " + received.type()).isEmpty();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void compare(String path, JsonNode expected, JsonNode actual, List<String> problems) {
        if (expected.isObject()) {
            if (!actual.isObject()) {
                problems.add(path + " should be an object");
                return;
            }
            for (Iterator<String> it = expected.propertyNames().iterator(); it.hasNext(); ) {
                String name = it.next();
                if (!actual.has(name)) {
                    problems.add(path + "." + name + " missing");
                } else if (!expected.get(name).isNull() && !actual.get(name).isNull()) {
                    compare(path + "." + name, expected.get(name), actual.get(name), problems);
                }
            }
            for (Iterator<String> it = actual.propertyNames().iterator(); it.hasNext(); ) {
                String name = it.next();
                if (!expected.has(name)) {
                    problems.add(path + "." + name + " is not in the fixture");
                }
            }
        } else if (expected.isArray()) {
            if (!actual.isArray()) {
                problems.add(path + " should be an array");
            } else if (!expected.isEmpty() && !actual.isEmpty()) {
                compare(path + "[0]", expected.get(0), actual.get(0), problems);
            }
        } else if (expected.getNodeType() != actual.getNodeType()) {
            problems.add(path + " should be " + expected.getNodeType() + " but is " + actual.getNodeType());
        }
    }

    @Override
    public void destroy() {
        container.stop();
    }
}
