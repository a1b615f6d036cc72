package org.gongkai.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.scripting.ScriptSource;

/**
 * Which bucket store the gateway uses: in process unless {@code gongkai.gateway.rate-limit.store=redis}; asking for
 * Redis never falls back to memory silently (no Redis support, no start), and a misspelt store is refused. Plus how the
 * Redis store turns the script's answer into {@code Retry-After}. The Redis store itself is tested against the real
 * Redis in SharedRateLimitTest.
 */
class RateLimitStoreChoiceTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(RateLimitProperties.class)
    static class Properties {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Properties.class, RateLimitStoreConfiguration.class);

    @Test
    void inProcessByDefaultAndOnRequest() {
        runner.run(context -> assertThat(context).hasSingleBean(RateLimitBuckets.class)
                .getBean(RateLimitBuckets.class).isInstanceOf(InProcessBuckets.class));
        runner.withPropertyValues("gongkai.gateway.rate-limit.store=memory").run(context -> assertThat(context)
                .getBean(RateLimitBuckets.class).isInstanceOf(InProcessBuckets.class));
    }

    @Test
    void redisAskedForButNotThereRefusesToStartRatherThanFallingBack() {
        runner.withPropertyValues("gongkai.gateway.rate-limit.store=redis")
                .run(context -> assertThat(context).hasFailed());
        runner.withPropertyValues("gongkai.gateway.rate-limit.store=mongo")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void retryAfterIsTheTimeUntilTheChargeOfOneRequestIsBack() {
        // one write a minute, burst 10: 1 token a second, 600 held, 60 a request
        RedisRateLimiter.Config perMinute = new RedisRateLimiter.Config().setReplenishRate(1).setBurstCapacity(600).setRequestedTokens(60);
        assertThat(RedisBuckets.wait(refused(0), perMinute)).isEqualTo(60);
        assertThat(RedisBuckets.wait(refused(45), perMinute)).isEqualTo(15);
        // 30 a minute: 30 tokens a second
        RedisRateLimiter.Config thirty = new RedisRateLimiter.Config().setReplenishRate(30).setBurstCapacity(300).setRequestedTokens(60);
        assertThat(RedisBuckets.wait(refused(0), thirty)).isEqualTo(2);
        assertThat(RedisBuckets.wait(refused(59), thirty)).isEqualTo(1);
        // 50 a second, charge 1: the next token is at most a second away
        RedisRateLimiter.Config perSecond = new RedisRateLimiter.Config().setReplenishRate(50).setBurstCapacity(100).setRequestedTokens(1);
        assertThat(RedisBuckets.wait(refused(0), perSecond)).isEqualTo(1);
        // no usable count from the store: a whole charge
        assertThat(RedisBuckets.wait(new RateLimiter.Response(false, Map.of()), perMinute)).isEqualTo(60);
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void theLuaScriptIsReadOnce_notCheckedForChangesOnEveryRequest() {
        AtomicInteger changeChecks = new AtomicInteger();
        ScriptSource resource = new ScriptSource() {
            @Override
            public String getScriptAsString() {
                return "return {1, 2}";
            }

            @Override
            public boolean isModified() {
                changeChecks.incrementAndGet(); // a resource in a jar answers this by opening the jar's entry
                return false;
            }

            @Override
            public String suggestedClassName() {
                return null;
            }
        };
        DefaultRedisScript<List<Long>> gatewaysOwn = new DefaultRedisScript<>();
        gatewaysOwn.setScriptSource(resource);
        gatewaysOwn.setResultType((Class) List.class);
        RedisScript<List<Long>> held = RateLimitStoreConfiguration.heldOnce(gatewaysOwn);
        assertThat(held.getScriptAsString()).isEqualTo("return {1, 2}");
        assertThat(held.getResultType()).isEqualTo(List.class);
        assertThat(held.getSha1()).isEqualTo(gatewaysOwn.getSha1());

        changeChecks.set(0);
        for (int request = 0; request < 100; request++) {
            gatewaysOwn.getSha1();
        }
        assertThat(changeChecks.get()).as("the gateway's own script, per request").isEqualTo(100);
        changeChecks.set(0);
        for (int request = 0; request < 100; request++) {
            held.getSha1();
        }
        assertThat(changeChecks.get()).as("the script held once").isZero();
    }

    private static RateLimiter.Response refused(long remaining) {
        return new RateLimiter.Response(false, Map.of(RedisRateLimiter.REMAINING_HEADER, Long.toString(remaining)));
    }
}
