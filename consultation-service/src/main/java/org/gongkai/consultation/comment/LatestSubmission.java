package org.gongkai.consultation.comment;

import java.time.Duration;
import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The latest comment one client sent with one text on one consultation. The duplicate check reads this one document
 * by its {@code _id} instead of querying the comments: the MongoDB wire server of the local run builds no secondary
 * index, so that query read every comment of the service on each submission.
 */
@Document("latest_submissions")
record LatestSubmission(@Id String id, String commentId, Instant receivedAt) {

    static String key(String consultationId, String clientFingerprint, String contentHash) {
        return consultationId + ":" + clientFingerprint + ":" + contentHash;
    }

    /** Within the duplicate window: received less than {@code window} before {@code now}. */
    boolean isWithin(Duration window, Instant now) {
        return receivedAt.isAfter(now.minus(window));
    }
}
