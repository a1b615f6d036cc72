package org.gongkai.reporting.facts;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** One received comment (no personal data ever reaches reporting). */
@Document("comment_facts")
public record CommentFacts(@Id String commentId, String consultationId, String section, String channel, Instant receivedAt) {
}
