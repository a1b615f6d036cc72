package org.gongkai.support.deadletters;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.gongkai.support.domain.AuditEntry;
import org.gongkai.support.domain.DomainException;
import org.gongkai.edge.correlation.CorrelationIds;
import org.gongkai.support.domain.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Re-drives the dead-letter queues for an admin and audits it (log line with correlation id, record in the database). */
public class DeadLetterRedriveService {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterRedriveService.class);

    private final DeadLetters deadLetters;
    private final MongoTemplate mongo;
    private final Clock clock;

    public DeadLetterRedriveService(DeadLetters deadLetters, MongoTemplate mongo, Clock clock) {
        this.deadLetters = deadLetters;
        this.mongo = mongo;
        this.clock = clock;
    }

    public DeadLetterRedrive redrive(Actor actor) {
        if (!actor.hasRole(Actor.ADMIN)) {
            throw DomainException.forbidden("admin-only", "只有系统管理员可以重新投递死信消息。");
        }
        Map<String, Integer> byQueue = deadLetters.redrive();
        int total = byQueue.values().stream().mapToInt(Integer::intValue).sum();
        String correlationId = MDC.get(CorrelationIds.MDC_KEY);
        DeadLetterRedrive record = new DeadLetterRedrive(UUID.randomUUID().toString(),
                AuditEntry.of(actor, Instant.now(clock), "dead-letters-redriven", total + " messages"), correlationId, total,
                byQueue.entrySet().stream().map(e -> new DeadLetterRedrive.QueueCount(e.getKey(), e.getValue())).toList());
        mongo.insert(record);
        // the correlation id is in the log pattern (MDC); the user is named by the token subject, the name stays in the record
        log.info("AUDIT dead letters re-driven by subject {}: {} messages {}", actor.subject(), total, byQueue);
        return record;
    }
}
