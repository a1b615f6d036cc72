package org.gongkai.support.deadletters;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.cloud.stream.config.BindingServiceProperties;

/**
 * The queues this service consumes from and their dead-letter queues, as the Rabbit binder names them: one durable
 * queue {@code <destination>.<group>} per destination of an input binding, dead-lettered to {@code <queue>.dlq}.
 */
public record DeadLetterQueues(List<ConsumerQueue> queues) {

    public record ConsumerQueue(String queue) {
        public String deadLetterQueue() {
            return queue + ".dlq";
        }
    }

    public DeadLetterQueues {
        queues = List.copyOf(queues);
    }

    public static DeadLetterQueues of(BindingServiceProperties bindings) {
        List<ConsumerQueue> found = new ArrayList<>();
        for (String binding : bindings.getBindings().keySet().stream().sorted().toList()) {
            String destination = bindings.getBindingDestination(binding);
            String group = bindings.getGroup(binding);
            if (!binding.contains("-in-") || destination == null || group == null) {
                continue; // an output binding, or an anonymous consumer without a durable queue
            }
            Arrays.stream(destination.split(",")).map(String::trim).filter(d -> !d.isEmpty())
                    .forEach(d -> found.add(new ConsumerQueue(d + "." + group)));
        }
        return new DeadLetterQueues(found);
    }
}
