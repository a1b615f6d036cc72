package org.gongkai.contracts.consultation;

import java.time.Instant;

import org.gongkai.contracts.EventType;
import org.gongkai.contracts.IntegrationEvent;

/**
 * A comment on a consultation was received, online ({@code WEBSITE}) or entered by staff from a hearing,
 * symposium and so on. Deliberately without content, name or contact: nothing personal leaves the service.
 */
@EventType("gongkai.consultation.comment-received.v1")
public record CommentReceived(
        String consultationId,
        String commentId,
        String section,
        String catalogueItemCode,
        String channel,
        Instant receivedAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return "comments/" + commentId;
    }
}
