package org.gongkai.support.domain;

import java.time.Instant;


/** One recorded state change: who (subject, user name, section), when, what and why. Kept inside the aggregate. */
public record AuditEntry(Instant at, String subject, String username, String section, String action, String reason) {

    public static AuditEntry of(Actor actor, Instant at, String action, String reason) {
        return new AuditEntry(at, actor.subject(), actor.username(), actor.section(), action, reason);
    }
}
