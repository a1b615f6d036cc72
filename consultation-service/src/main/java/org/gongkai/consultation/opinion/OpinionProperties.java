package org.gongkai.consultation.opinion;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param concentratedThreshold an opinion drawing at least this many comments is concentrated (Q2)
 * @param similarityThreshold   bigram Jaccard similarity from which two comments are suggested as one opinion
 */
@ConfigurationProperties("gongkai.consultation.opinions")
public record OpinionProperties(Integer concentratedThreshold, Double similarityThreshold) {

    public OpinionProperties {
        concentratedThreshold = concentratedThreshold == null ? 5 : concentratedThreshold;
        similarityThreshold = similarityThreshold == null ? 0.3 : similarityThreshold;
        if (concentratedThreshold < 1) {
            throw new IllegalArgumentException("gongkai.consultation.opinions.concentrated-threshold must be at least 1");
        }
        if (similarityThreshold <= 0 || similarityThreshold > 1) {
            throw new IllegalArgumentException("gongkai.consultation.opinions.similarity-threshold must be in (0, 1]");
        }
    }
}
