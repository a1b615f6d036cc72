package org.gongkai.portal.consultation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** consultation-service's public answers, as the pages show them. */
public final class ConsultationModels {

    private ConsultationModels() {
    }

    public record PublicConsultation(String id, String title, String draftText, String decisionBasis, String explanation,
            String catalogueItemCode, List<String> channels, LocalDate periodStart, LocalDate periodEnd,
            String shortPeriodReason, boolean acceptingComments, boolean commentsPublic, String status) {

        public List<String> draftParagraphs() {
            return draftText == null ? List.of() : Arrays.stream(draftText.split("\\R+")).filter(p -> !p.isBlank()).toList();
        }

        public boolean feedbackPublished() {
            return "FEEDBACK_PUBLISHED".equals(status);
        }
    }

    public record Receipt(String receipt, String consultationId, Instant receivedAt, String statusUrl) implements java.io.Serializable {
    }

    public record PublicComment(String id, String content, String channel, Instant receivedAt) {
    }

    public record OpinionAnswer(String summary, String decision, String reason) {
    }

    public record ReceiptAnswer(String receipt, String consultationId, String consultationTitle, String consultationStatus,
            String channel, Instant receivedAt, String status, String moderationReason, OpinionAnswer opinion) {
    }

    public record ReportedOpinion(String opinionId, String summary, int commentCount, boolean concentrated, String decision,
            String reason) {
    }

    public record FeedbackReport(String finalDecisionChanges, int commentCount, int opinionCount, int adoptedCount,
            int partlyAdoptedCount, int notAdoptedCount, int concentratedThreshold, int concentratedCount,
            int concentratedNotAdoptedCount, List<ReportedOpinion> opinions, Instant publishedAt) {
    }

    /** What the comment form posts; name and contact are optional and never published. */
    public static class CommentForm {
        private String content;
        private String name;
        private String contact;
        private String submissionKey;

        public String getContent() { return content; }
        public void setContent(String content) { this.content = content; }
        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getContact() { return contact; }
        public void setContact(String contact) { this.contact = contact; }
        public String getSubmissionKey() { return submissionKey; }
        public void setSubmissionKey(String submissionKey) { this.submissionKey = submissionKey; }

        /**
         * The key the service recognises a retry by (its Idempotency-Key: 1–128 printable ASCII characters without
         * spaces). A form that arrives without a usable one (an old page, a stripped field) gets a new one here, which the
         * page shown again keeps, so every submission carries a key and a resubmission repeats it.
         */
        public String ensureSubmissionKey() {
            if (submissionKey == null || submissionKey.isEmpty() || submissionKey.length() > 128
                    || !submissionKey.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
                submissionKey = java.util.UUID.randomUUID().toString();
            }
            return submissionKey;
        }
    }
}
