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
        Consultation.Status consultationStatus, String consultationStatusLabel, Channel channel, String channelLabel,
        Instant receivedAt, CommentStatus status, String statusLabel, String moderationReason, OpinionAnswer opinion) {

    public enum CommentStatus {
        /** Received, not yet grouped into an opinion. */
        RECEIVED("已收到"),
        /** Hidden by moderation, with the reason. */
        HIDDEN("已隐藏"),
        /** Grouped into an opinion; its decision is told with the feedback. */
        GROUPED("已归入意见"),
        /** The feedback is published: the opinion's decision and reason are final. */
        ANSWERED("已反馈");

        private final String label;

        CommentStatus(String label) {
            this.label = label;
        }

        /** The Chinese label a reader sees beside the code. */
        public String label() {
            return label;
        }
    }

    public record OpinionAnswer(String summary, AdoptionDecision decision, String decisionLabel, String reason) {
        public OpinionAnswer(String summary, AdoptionDecision decision, String reason) {
            this(summary, decision, AdoptionDecision.labelOf(decision), reason);
        }
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
                consultation.status() == null ? null : consultation.status().label(), comment.channel(),
                Channel.labelOf(comment.channel()), comment.receivedAt(), status, status.label(), comment.moderationReason(), answer);
    }
}
