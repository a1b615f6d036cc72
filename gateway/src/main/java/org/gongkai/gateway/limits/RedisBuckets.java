package org.gongkai.gateway.limits;

import java.time.Duration;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

/**
 * Token buckets in Redis, shared by every gateway instance that uses the same Redis: Spring Cloud Gateway's own
 * {@link RedisRateLimiter} (its Lua script takes the tokens atomically on the Redis server), with two pseudo route ids,
 * {@code <prefix>-public-writes} and {@code <prefix>-requests}, naming the two classes of buckets.
 *
 * <p>The script counts whole tokens per whole second. "N a minute, burst B" is therefore expressed as a bucket that
 * gains N tokens a second, holds B × 60 and charges 60 per request; "N a second, burst B" as N a second, B held,
 * 1 charged. The wait until the next request may pass is (charge − tokens left) / rate, rounded up.
 *
 * <p><b>Redis unavailable:</b> {@code RedisRateLimiter} fails open — when Redis does not answer (down, unreachable,
 * past {@code spring.data.redis.timeout}) it logs the error and lets the request through, unlimited. This class adds
 * its own deadline and does the same for any other failure, so a Redis outage never turns into a 5xx from the
 * gateway; while it lasts there is no rate limit, which the log shows ("Error calling rate limiter lua") and the
 * counter {@value #UNLIMITED_METER} counts (a request let through because the store did not answer).
 */
final class RedisBuckets implements RateLimitBuckets {

    private static final Log log = LogFactory.getLog(RedisBuckets.class);
    /** Beyond Lettuce's own command timeout (spring.data.redis.timeout), in case a call hangs elsewhere. */
    private static final Duration DEADLINE = Duration.ofSeconds(5);
    private static final int SECONDS_PER_MINUTE = 60;
    static final String UNLIMITED_METER = "gongkai.gateway.rate-limit.unlimited";
    /** What RedisRateLimiter reports as tokens left when it let a request through because Redis failed. */
    private static final String FAILED_OPEN = "-1";

    private final RedisRateLimiter limiter;
    private final String publicWrites;
    private final String requests;
    private final RedisRateLimiter.Config publicWritesConfig;
    private final RedisRateLimiter.Config requestsConfig;
    private final Counter unlimited;

    RedisBuckets(ReactiveStringRedisTemplate redis, RedisScript<List<Long>> script, ConfigurationService configurations,
            RateLimitProperties properties, MeterRegistry meters) {
        this.unlimited = Counter.builder(UNLIMITED_METER)
                .description("Requests let through without a rate limit because Redis, the bucket store, did not answer")
                .register(meters);
        this.limiter = new RedisRateLimiter(redis, script, configurations);
        this.publicWrites = properties.redisKeyPrefix() + "-public-writes";
        this.requests = properties.redisKeyPrefix() + "-requests";
        this.publicWritesConfig = new RedisRateLimiter.Config().setReplenishRate(properties.publicWritesPerMinute())
                .setBurstCapacity((long) properties.publicWriteBurst() * SECONDS_PER_MINUTE)
                .setRequestedTokens(SECONDS_PER_MINUTE);
        this.requestsConfig = new RedisRateLimiter.Config().setReplenishRate(properties.requestsPerSecond())
                .setBurstCapacity(properties.requestBurst()).setRequestedTokens(1);
        limiter.getConfig().put(publicWrites, publicWritesConfig);
        limiter.getConfig().put(requests, requestsConfig);
    }

    @Override
    public Mono<Long> take(Kind kind, String client) {
        boolean publicWrite = kind == Kind.PUBLIC_WRITES;
        RedisRateLimiter.Config config = publicWrite ? publicWritesConfig : requestsConfig;
        return Mono.defer(() -> limiter.isAllowed(publicWrite ? publicWrites : requests, client))
                .map(response -> {
                    if (!response.isAllowed()) {
                        return wait(response, config);
                    }
                    if (FAILED_OPEN.equals(response.getHeaders().get(RedisRateLimiter.REMAINING_HEADER))) {
                        unlimited.increment(); // RedisRateLimiter has logged why
                    }
                    return 0L;
                })
                .timeout(DEADLINE)
                .onErrorResume(failure -> {
                    unlimited.increment();
                    log.warn("Rate-limit store (Redis) did not answer; the request passes unlimited", failure);
                    return Mono.just(0L);
                });
    }

    /** Seconds until the bucket holds the charge of one request again (at least 1). */
    static long wait(RateLimiter.Response response, RedisRateLimiter.Config config) {
        long left = 0;
        String remaining = response.getHeaders().get(RedisRateLimiter.REMAINING_HEADER);
        if (remaining != null) {
            try {
                left = Math.max(0, Long.parseLong(remaining));
            } catch (NumberFormatException notANumber) {
                left = 0;
            }
        }
        long missing = Math.max(1, config.getRequestedTokens() - left);
        return Math.max(1, (missing + config.getReplenishRate() - 1) / config.getReplenishRate());
    }
}
