package org.gongkai.support.deadletters;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.connection.AbstractConnectionFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.gongkai.support.events.InboundEvents;
import org.gongkai.support.events.PoisonEventException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.support.AmqpHeaders;

/**
 * The dead-letter queues of this service's consumers: their depth (a gauge per queue, read with a passive queue
 * declare) and the re-drive that moves dead-lettered messages back to the queue they came from.
 */
public class DeadLetters implements InboundEvents.PoisonMessages {

    public static final String DEPTH_METRIC = "gongkai.events.dead-letters";
    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    private static final long CONFIRM_TIMEOUT_MS = 10_000;

    private final DeadLetterQueues queues;
    private final ConnectionFactory connectionFactory;
    private final RabbitAdmin admin;
    private final RabbitTemplate publisher;

    public DeadLetters(DeadLetterQueues queues, ConnectionFactory connectionFactory, MeterRegistry meters) {
        this.queues = queues;
        this.connectionFactory = connectionFactory;
        this.admin = new RabbitAdmin(connectionFactory);
        this.publisher = new RabbitTemplate(connectionFactory);
        for (DeadLetterQueues.ConsumerQueue queue : queues.queues()) {
            Gauge.builder(DEPTH_METRIC, this, d -> {
                        long depth = d.depth(queue);
                        return depth < 0 ? Double.NaN : depth;
                    })
                    .description("messages waiting in a consumer's dead-letter queue (they reach no read model until re-driven)")
                    .tag("queue", queue.queue())
                    .register(meters);
        }
    }

    public DeadLetterQueues queues() {
        return queues;
    }

    /** Messages in the queue's DLQ; -1 when the broker cannot say (unreachable, or the DLQ is not declared yet). */
    public long depth(DeadLetterQueues.ConsumerQueue queue) {
        try {
            Properties properties = admin.getQueueProperties(queue.deadLetterQueue());
            return properties == null ? -1 : ((Number) properties.get(RabbitAdmin.QUEUE_MESSAGE_COUNT)).longValue();
        } catch (RuntimeException brokerUnavailable) {
            return -1;
        }
    }

    /** Depth of every DLQ by consumer queue, in a stable order. */
    public Map<String, Long> depths() {
        Map<String, Long> depths = new LinkedHashMap<>();
        for (DeadLetterQueues.ConsumerQueue queue : queues.queues()) {
            depths.put(queue.queue(), depth(queue));
        }
        return depths;
    }

    /**
     * Moves the messages now in each DLQ back to their own queue (through the default exchange, so no other consumer
     * receives a second copy). Each message is acknowledged in the DLQ only after the broker confirmed its re-publication,
     * so a failure in between leaves it dead-lettered (or, at worst, delivered twice, which consumers absorb by event id).
     * At most the depth found at the start is moved: a message that fails again at once is not moved round in circles.
     *
     * @return messages moved, by consumer queue
     */
    public Map<String, Integer> redrive() {
        if (!(connectionFactory instanceof AbstractConnectionFactory factory)) {
            throw new IllegalStateException("re-drive needs a RabbitMQ connection factory, not " + connectionFactory.getClass());
        }
        Map<String, Integer> moved = new LinkedHashMap<>();
        try (Connection connection = factory.getRabbitConnectionFactory().newConnection("gongkai-dead-letter-redrive");
                Channel channel = connection.createChannel()) {
            channel.confirmSelect();
            for (DeadLetterQueues.ConsumerQueue queue : queues.queues()) {
                moved.put(queue.queue(), redrive(channel, queue));
            }
        } catch (java.io.IOException | java.util.concurrent.TimeoutException e) {
            throw new BrokerUnavailableException("the broker is not reachable for the re-drive: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("re-drive interrupted", e);
        }
        return moved;
    }

    private int redrive(Channel channel, DeadLetterQueues.ConsumerQueue queue)
            throws java.io.IOException, InterruptedException, java.util.concurrent.TimeoutException {
        long waiting = depth(queue);
        if (waiting <= 0) {
            return 0;
        }
        if (admin.getQueueProperties(queue.queue()) == null) {
            // the default exchange would drop the message silently; leave it dead-lettered until its consumer is back
            log.warn("{} holds {} dead-lettered messages but its queue {} does not exist; not re-driven",
                    queue.deadLetterQueue(), waiting, queue.queue());
            return 0;
        }
        int moved = 0;
        while (moved < waiting) {
            GetResponse message = channel.basicGet(queue.deadLetterQueue(), false);
            if (message == null) {
                break;
            }
            channel.basicPublish("", queue.queue(), true, withoutFailureHeaders(message.getProps()), message.getBody());
            channel.waitForConfirmsOrDie(CONFIRM_TIMEOUT_MS);
            channel.basicAck(message.getEnvelope().getDeliveryTag(), false);
            moved++;
        }
        log.info("re-drove {} dead-lettered messages from {} to {}", moved, queue.deadLetterQueue(), queue.queue());
        return moved;
    }

    /**
     * Dead-letters one poison message of a batch as the binder dead-letters a single one ({@code republish-to-dlq}):
     * into {@code <its queue>.dlq} through the default exchange, with the failure's {@code x-exception-…} and the
     * original route's {@code x-original-…} headers, waiting for the broker's confirm.
     */
    @Override
    public void deadLetter(byte[] body, Map<String, Object> headers, PoisonEventException cause) {
        Object queue = headers.get(AmqpHeaders.CONSUMER_QUEUE);
        if (queue == null) {
            throw new IllegalStateException("a poison message without its consumer queue cannot be dead-lettered", cause);
        }
        MessageProperties properties = new MessageProperties();
        headers.forEach((name, value) -> {
            if (!name.startsWith(AmqpHeaders.PREFIX) && !SPRING_MESSAGE_HEADERS.contains(name) && value != null) {
                properties.setHeader(name, value);
            }
        });
        Object contentType = headers.get(org.springframework.messaging.MessageHeaders.CONTENT_TYPE);
        if (contentType != null) {
            properties.setContentType(contentType.toString());
        }
        properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
        java.io.StringWriter trace = new java.io.StringWriter();
        cause.printStackTrace(new java.io.PrintWriter(trace));
        properties.setHeader("x-exception-message", cause.getMessage());
        properties.setHeader("x-exception-stacktrace", trace.toString());
        properties.setHeader("x-original-exchange", headers.get(AmqpHeaders.RECEIVED_EXCHANGE));
        properties.setHeader("x-original-routingKey", headers.get(AmqpHeaders.RECEIVED_ROUTING_KEY));
        CorrelationData confirm = new CorrelationData();
        publisher.send("", queue + ".dlq", new Message(body, properties), confirm);
        try {
            CorrelationData.Confirm confirmed = confirm.getFuture().get(CONFIRM_TIMEOUT_MS, java.util.concurrent.TimeUnit.MILLISECONDS);
            if (!confirmed.isAck()) {
                throw new BrokerUnavailableException("the broker refused the dead letter: " + confirmed.getReason(), null);
            }
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new BrokerUnavailableException("the broker did not confirm the dead letter: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering", e);
        }
    }

    /** Headers Spring adds to every message; not the event's. */
    private static final java.util.Set<String> SPRING_MESSAGE_HEADERS = java.util.Set.of(org.springframework.messaging.MessageHeaders.ID,
            org.springframework.messaging.MessageHeaders.TIMESTAMP, org.springframework.messaging.MessageHeaders.CONTENT_TYPE);

    /** The event's own headers stay; the binder's record of the failure (stack trace, original route) goes. */
    private static AMQP.BasicProperties withoutFailureHeaders(AMQP.BasicProperties properties) {
        Map<String, Object> headers = new HashMap<>(properties.getHeaders() == null ? Map.of() : properties.getHeaders());
        headers.keySet().removeIf(name -> name.startsWith("x-exception-") || name.startsWith("x-original-")
                || name.equals("x-death") || name.equals("x-first-death-exchange") || name.equals("x-first-death-queue")
                || name.equals("x-first-death-reason"));
        return properties.builder().headers(headers).build();
    }
}
