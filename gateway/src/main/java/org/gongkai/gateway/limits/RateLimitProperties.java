package org.gongkai.gateway.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Per-client token buckets. Anonymous writes (comments) get a tight bucket; everything else a generous one.
 *
 * @param publicWritesPerMinute sustained anonymous submissions per client address and minute
 * @param publicWriteBurst      how many anonymous submissions may come at once
 * @param requestsPerSecond     sustained other requests per client address and second
 * @param requestBurst          burst for other requests
 * @param store                 where the buckets live: {@code memory} (this instance only, the single-machine default)
 *                              or {@code redis} (shared by every gateway instance using the same Redis)
 * @param redisKeyPrefix        the first part of the bucket names in Redis ({@code <prefix>-public-writes},
 *                              {@code <prefix>-requests}), so that several suites can share one Redis
 */
@ConfigurationProperties("gongkai.gateway.rate-limit")
public record RateLimitProperties(int publicWritesPerMinute, int publicWriteBurst, int requestsPerSecond, int requestBurst,
        Store store, String redisKeyPrefix) {

    /** Where the buckets live. */
    public enum Store { MEMORY, REDIS }

    public RateLimitProperties {
        publicWritesPerMinute = publicWritesPerMinute <= 0 ? 30 : publicWritesPerMinute;
        publicWriteBurst = publicWriteBurst <= 0 ? 10 : publicWriteBurst;
        requestsPerSecond = requestsPerSecond <= 0 ? 50 : requestsPerSecond;
        requestBurst = requestBurst <= 0 ? 100 : requestBurst;
        store = store == null ? Store.MEMORY : store;
        redisKeyPrefix = redisKeyPrefix == null || redisKeyPrefix.isBlank() ? "gongkai" : redisKeyPrefix;
    }
}
