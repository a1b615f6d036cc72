package org.gongkai.gateway.limits;

import java.util.List;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Chooses where the rate-limit buckets live: {@code gongkai.gateway.rate-limit.store=redis} shares them between gateway
 * instances through Redis ({@code spring.data.redis.host}/{@code port}); {@code memory} (the default) keeps them in this
 * instance. {@code bin/gongkai} chooses redis when Redis answers, otherwise memory, and says which.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitStoreConfiguration {

    static final String STORE = "gongkai.gateway.rate-limit.store";

    @Bean
    @ConditionalOnProperty(name = STORE, havingValue = "redis")
    RateLimitBuckets redisBuckets(ReactiveStringRedisTemplate redis,
            @Qualifier("redisRequestRateLimiterScript") RedisScript<List<Long>> script, ConfigurationService configurations,
            RateLimitProperties properties, MeterRegistry meters) {
        return new RedisBuckets(redis, heldOnce(script), configurations, properties, meters);
    }

    /**
     * The same Lua script, its text held once. Spring Cloud Gateway's script bean reads the text from a classpath
     * resource, and Spring Data Redis asks that resource for its last-modified time on every call (to re-read a script
     * edited on disk): an open of the jar's entry per request, a tenth of the gateway's CPU under the benchmark.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static RedisScript<List<Long>> heldOnce(RedisScript<List<Long>> script) {
        return (RedisScript) RedisScript.of(script.getScriptAsString(), List.class);
    }

    @Bean
    @ConditionalOnProperty(name = STORE, havingValue = "memory", matchIfMissing = true)
    RateLimitBuckets inProcessBuckets(RateLimitProperties properties) {
        return new InProcessBuckets(properties);
    }
}
