package org.gongkai.support.deadletters;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gongkai.support.domain.AuditEntry;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The audit record of one re-drive: who, when, with which correlation id, how many messages from which queues. */
@Document("dead_letter_redrives")
public record DeadLetterRedrive(@Id String id, AuditEntry audit, String correlationId, int redriven, List<QueueCount> queues) {

    /** Queue names contain dots, which MongoDB field names may not: a list, not a map. */
    public record QueueCount(String queue, int redriven) {
    }

    public Map<String, Integer> byQueue() {
        Map<String, Integer> byQueue = new LinkedHashMap<>();
        queues.forEach(q -> byQueue.put(q.queue(), q.redriven()));
        return byQueue;
    }
}
