package org.gongkai.consultation.opinion;

import java.time.Instant;

import org.gongkai.consultation.comment.Comment;
import org.gongkai.consultation.consultation.AdoptionDecision;
import org.gongkai.consultation.consultation.Channel;
import org.gongkai.consultation.consultation.Consultation;

/**
 * What a receipt tells a citizen about a comment: its status, the opinion it went into, and that opinion's decision
 * and reason once the feedback is published. Never the content, name or contact: a receipt may be shared.
 */
public record ReceiptAnswer(String receipt, String consultationId, String consultationTitle,
        Consultation.Status consultationStatus, Channel channel, Instant receivedAt, CommentStatus status,
        String moderationReason, OpinionAnswer opinion) {

    public enum CommentStatus {
        /** Received, not yet grouped into an opinion. */
        RECEIVED,
        /** Hidden by moderation, with the reason. */
        HIDDEN,
        /** Grouped into an opinion; its decision is told with the feedback. */
        GROUPED,
        /** The feedback is published: the opinion's decision and reason are final. */
        ANSWERED
    }

    public record OpinionAnswer(String summary, AdoptionDecision decision, String reason) {
    }

    public static ReceiptAnswer of(Comment comment, Consultation consultation, Opinion opinion) {
        boolean published = consultation.status() == Consultation.Status.FEEDBACK_PUBLISHED;
        boolean grouped = opinion != null && !comment.hidden();
        CommentStatus status = comment.hidden() ? CommentStatus.HIDDEN
                : !grouped ? CommentStatus.RECEIVED
                : published ? CommentStatus.ANSWERED : CommentStatus.GROUPED;
        OpinionAnswer answer = !grouped ? null
                : new OpinionAnswer(opinion.summary(), published ? opinion.decision() : null, published ? opinion.reason() : null);
        return new ReceiptAnswer(comment.receipt(), consultation.id(), consultation.title(), consultation.status(),
                comment.channel(), comment.receivedAt(), status, comment.moderationReason(), answer);
    }
}
