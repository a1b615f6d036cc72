package org.gongkai.gateway.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Per-client token buckets. Anonymous writes (comments) get a tight bucket; everything else a generous one.
 *
 * @param publicWritesPerMinute sustained anonymous submissions per client address and minute
 * @param publicWriteBurst      how many anonymous submissions may come at once
 * @param requestsPerSecond     sustained other requests per client address and second
 * @param requestBurst          burst for other requests
 */
@ConfigurationProperties("gongkai.gateway.rate-limit")
public record RateLimitProperties(int publicWritesPerMinute, int publicWriteBurst, int requestsPerSecond, int requestBurst) {

    public RateLimitProperties {
        publicWritesPerMinute = publicWritesPerMinute <= 0 ? 30 : publicWritesPerMinute;
        publicWriteBurst = publicWriteBurst <= 0 ? 10 : publicWriteBurst;
        requestsPerSecond = requestsPerSecond <= 0 ? 50 : requestsPerSecond;
        requestBurst = requestBurst <= 0 ? 100 : requestBurst;
    }
}
