package org.gongkai.consultation.comment;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param duplicateWindow          an identical comment from the same client within this time is the same comment
 * @param clientFingerprintSecret  key of the client-address fingerprints; set it when several instances run, so they agree
 */
@ConfigurationProperties("gongkai.consultation.comments")
public record CommentProperties(Duration duplicateWindow, String clientFingerprintSecret) {

    public CommentProperties {
        duplicateWindow = duplicateWindow == null ? Duration.ofMinutes(10) : duplicateWindow;
    }
}
