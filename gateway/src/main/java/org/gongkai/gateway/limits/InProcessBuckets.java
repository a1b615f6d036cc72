package org.gongkai.gateway.limits;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import reactor.core.publisher.Mono;

/**
 * In-memory token buckets per client address: right for one gateway instance (the single-machine default), but two
 * instances would each allow the full rate. Memory stays bounded: past {@value #MAX_TRACKED_CLIENTS} clients, the
 * buckets that have refilled are forgotten (their clients are back to a fresh start anyway).
 */
final class InProcessBuckets implements RateLimitBuckets {

    private static final int MAX_TRACKED_CLIENTS = 10_000;
    private final RateLimitProperties properties;
    private final int maxTrackedClients;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    InProcessBuckets(RateLimitProperties properties) {
        this(properties, MAX_TRACKED_CLIENTS, System::nanoTime);
    }

    /** For tests: a smaller bound and a clock they move themselves. */
    InProcessBuckets(RateLimitProperties properties, int maxTrackedClients, LongSupplier nanoTime) {
        this.properties = properties;
        this.maxTrackedClients = maxTrackedClients;
        this.nanoTime = nanoTime;
    }

    /** How many client buckets are held now. */
    int trackedBuckets() {
        return buckets.size();
    }

    @Override
    public Mono<Long> take(Kind kind, String client) {
        boolean publicWrite = kind == Kind.PUBLIC_WRITES;
        String key = (publicWrite ? "w:" : "r:") + client;
        long now = nanoTime.getAsLong();
        if (buckets.size() > maxTrackedClients) {
            buckets.values().removeIf(bucket -> bucket.isFull(now));
        }
        TokenBucket bucket = buckets.computeIfAbsent(key, k -> publicWrite
                ? new TokenBucket(properties.publicWriteBurst(), properties.publicWritesPerMinute() / 60.0, now)
                : new TokenBucket(properties.requestBurst(), properties.requestsPerSecond(), now));
        long waitNanos = bucket.tryTake(now);
        return Mono.just(waitNanos == 0 ? 0 : Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L));
    }

    /** A classic token bucket: {@code capacity} tokens, refilled at {@code perSecond}. */
    static final class TokenBucket {
        private final double capacity;
        private final double perNano;
        private double tokens;
        private long last;

        TokenBucket(double capacity, double perSecond, long now) {
            this.capacity = capacity;
            this.perNano = perSecond / 1_000_000_000.0;
            this.tokens = capacity;
            this.last = now;
        }

        synchronized boolean isFull(long now) {
            return Math.min(capacity, tokens + (now - last) * perNano) >= capacity;
        }

        /** Takes a token and answers 0, or answers how many nanoseconds until the next token is there. */
        synchronized long tryTake(long now) {
            tokens = Math.min(capacity, tokens + (now - last) * perNano);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / perNano));
        }
    }
}
