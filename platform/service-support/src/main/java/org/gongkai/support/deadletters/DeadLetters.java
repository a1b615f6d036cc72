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
import org.springframework.amqp.rabbit.core.RabbitAdmin;

/**
 * The dead-letter queues of this service's consumers: their depth (a gauge per queue, read with a passive queue
 * declare) and the re-drive that moves dead-lettered messages back to the queue they came from.
 */
public class DeadLetters {

    public static final String DEPTH_METRIC = "gongkai.events.dead-letters";
    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    private static final long CONFIRM_TIMEOUT_MS = 10_000;

    private final DeadLetterQueues queues;
    private final ConnectionFactory connectionFactory;
    private final RabbitAdmin admin;

    public DeadLetters(DeadLetterQueues queues, ConnectionFactory connectionFactory, MeterRegistry meters) {
        this.queues = queues;
        this.connectionFactory = connectionFactory;
        this.admin = new RabbitAdmin(connectionFactory);
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

    /** The event's own headers stay; the binder's record of the failure (stack trace, original route) goes. */
    private static AMQP.BasicProperties withoutFailureHeaders(AMQP.BasicProperties properties) {
        Map<String, Object> headers = new HashMap<>(properties.getHeaders() == null ? Map.of() : properties.getHeaders());
        headers.keySet().removeIf(name -> name.startsWith("x-exception-") || name.startsWith("x-original-")
                || name.equals("x-death") || name.equals("x-first-death-exchange") || name.equals("x-first-death-queue")
                || name.equals("x-first-death-reason"));
        return properties.builder().headers(headers).build();
    }
}
