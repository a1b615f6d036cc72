package org.gongkai.gateway.limits;

import reactor.core.publisher.Mono;

/**
 * Where the per-client token buckets live: in this gateway instance ({@link InProcessBuckets}) or in Redis, shared by
 * every gateway instance ({@link RedisBuckets}). Chosen by {@code gongkai.gateway.rate-limit.store}.
 */
interface RateLimitBuckets {

    /** The two classes of requests, each with its own bucket per client. */
    enum Kind { PUBLIC_WRITES, REQUESTS }

    /**
     * Takes a token from the client's bucket of this kind. Answers 0 when the request may pass, otherwise how many
     * seconds (at least 1) until the bucket holds a token again.
     */
    Mono<Long> take(Kind kind, String client);
}
