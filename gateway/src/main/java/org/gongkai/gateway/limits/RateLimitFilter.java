package org.gongkai.gateway.limits;

import java.util.concurrent.ConcurrentHashMap;

import org.gongkai.gateway.errors.GatewayProblem;
import org.gongkai.gateway.errors.ProblemJson;
import org.gongkai.gateway.forwarding.ClientAddresses;
import org.gongkai.gateway.observability.SecurityRejections;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * In-memory token buckets per client address (one gateway instance, so no shared store is needed).
 * Over the limit the client gets 429 with {@code Retry-After} saying when its bucket really holds a token again;
 * nothing reaches the services. The client is the address the gateway vouches for ({@link ClientAddresses}): a
 * client-sent {@code X-Forwarded-For} counts only behind a configured trusted proxy.
 */
@Component
class RateLimitFilter implements GlobalFilter, Ordered {

    private static final int MAX_TRACKED_CLIENTS = 10_000;
    private static final java.util.regex.Pattern PORTAL_COMMENT = java.util.regex.Pattern.compile("/portal/consultations/[^/]+/comments");
    private final RateLimitProperties properties;
    private final ClientAddresses addresses;
    private final SecurityRejections rejections;
    private final ConcurrentHashMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    RateLimitFilter(RateLimitProperties properties, ClientAddresses addresses, SecurityRejections rejections) {
        this.properties = properties;
        this.addresses = addresses;
        this.rejections = rejections;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        // the portal's comment form is the same anonymous write as the API route, so it shares the tight bucket
        boolean publicWrite = exchange.getRequest().getMethod() != HttpMethod.GET
                && (path.startsWith("/api/public/") || PORTAL_COMMENT.matcher(path).matches());
        String key = (publicWrite ? "w:" : "r:") + addresses.client(exchange.getRequest());
        if (buckets.size() > MAX_TRACKED_CLIENTS) {
            // forget clients whose bucket has refilled: they are back to a fresh start anyway, so memory stays bounded
            long now = System.nanoTime();
            buckets.values().removeIf(bucket -> bucket.isFull(now));
        }
        TokenBucket bucket = buckets.computeIfAbsent(key, k -> publicWrite
                ? new TokenBucket(properties.publicWriteBurst(), properties.publicWritesPerMinute() / 60.0)
                : new TokenBucket(properties.requestBurst(), properties.requestsPerSecond()));
        long waitNanos = bucket.tryTake(System.nanoTime());
        if (waitNanos == 0) {
            return chain.filter(exchange);
        }
        long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
        exchange.getResponse().getHeaders().set("Retry-After", Long.toString(seconds));
        rejections.record(exchange, SecurityRejections.Kind.RATE_LIMITED);
        return ProblemJson.write(exchange, GatewayProblem.RATE_LIMITED, ProblemJson.prefersEnglish(exchange)
                ? "Too many requests from your address; please try again in " + seconds + " s."
                : "来自您地址的请求过多，请在 " + seconds + " 秒后再试。");
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    /** A classic token bucket: {@code capacity} tokens, refilled at {@code perSecond}. */
    static final class TokenBucket {
        private final double capacity;
        private final double perNano;
        private double tokens;
        private long last = System.nanoTime();

        TokenBucket(double capacity, double perSecond) {
            this.capacity = capacity;
            this.perNano = perSecond / 1_000_000_000.0;
            this.tokens = capacity;
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
