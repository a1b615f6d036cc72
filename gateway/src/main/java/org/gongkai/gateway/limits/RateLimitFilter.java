package org.gongkai.gateway.limits;

import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentHashMap;

import org.gongkai.gateway.security.ProblemJson;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * In-memory token buckets per client address (one gateway instance, so no shared store is needed).
 * Over the limit the client gets 429 with {@code Retry-After}; nothing reaches the services.
 */
@Component
class RateLimitFilter implements GlobalFilter, Ordered {

    private static final int MAX_TRACKED_CLIENTS = 10_000;
    private static final java.util.regex.Pattern PORTAL_COMMENT = java.util.regex.Pattern.compile("/portal/consultations/[^/]+/comments");
    private final RateLimitProperties properties;
    private final ConcurrentHashMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    RateLimitFilter(RateLimitProperties properties) {
        this.properties = properties;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        // the portal's comment form is the same anonymous write as the API route, so it shares the tight bucket
        boolean publicWrite = exchange.getRequest().getMethod() != HttpMethod.GET
                && (path.startsWith("/api/public/") || PORTAL_COMMENT.matcher(path).matches());
        String key = (publicWrite ? "w:" : "r:") + clientAddress(exchange);
        if (buckets.size() > MAX_TRACKED_CLIENTS) {
            // forget clients whose bucket has refilled: they are back to a fresh start anyway, so memory stays bounded
            long now = System.nanoTime();
            buckets.values().removeIf(bucket -> bucket.isFull(now));
        }
        TokenBucket bucket = buckets.computeIfAbsent(key, k -> publicWrite
                ? new TokenBucket(properties.publicWriteBurst(), properties.publicWritesPerMinute() / 60.0)
                : new TokenBucket(properties.requestBurst(), properties.requestsPerSecond()));
        if (bucket.tryTake(System.nanoTime())) {
            return chain.filter(exchange);
        }
        exchange.getResponse().getHeaders().set("Retry-After", "1");
        return ProblemJson.write(exchange.getResponse(), HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
                "Too many requests from your address; please slow down.");
    }

    private static String clientAddress(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null ? "unknown" : remote.getAddress().getHostAddress();
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

        synchronized boolean tryTake(long now) {
            tokens = Math.min(capacity, tokens + (now - last) * perNano);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }
    }
}
