package org.gongkai.gateway.limits;

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
 * Per-client rate limits before anything reaches a service. The buckets live in this instance or in Redis, shared by
 * all gateway instances ({@link RateLimitBuckets}, chosen by {@code gongkai.gateway.rate-limit.store}).
 * Over the limit the client gets 429 with {@code Retry-After} saying when its bucket really holds a token again;
 * nothing reaches the services. The client is the address the gateway vouches for ({@link ClientAddresses}): a
 * client-sent {@code X-Forwarded-For} counts only behind a configured trusted proxy.
 */
@Component
class RateLimitFilter implements GlobalFilter, Ordered {

    private static final java.util.regex.Pattern PORTAL_COMMENT = java.util.regex.Pattern.compile("/portal/consultations/[^/]+/comments");
    private final RateLimitBuckets buckets;
    private final ClientAddresses addresses;
    private final SecurityRejections rejections;

    RateLimitFilter(RateLimitBuckets buckets, ClientAddresses addresses, SecurityRejections rejections) {
        this.buckets = buckets;
        this.addresses = addresses;
        this.rejections = rejections;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        // the portal's comment form is the same anonymous write as the API route, so it shares the tight bucket
        boolean publicWrite = exchange.getRequest().getMethod() != HttpMethod.GET
                && (path.startsWith("/api/public/") || PORTAL_COMMENT.matcher(path).matches());
        RateLimitBuckets.Kind kind = publicWrite ? RateLimitBuckets.Kind.PUBLIC_WRITES : RateLimitBuckets.Kind.REQUESTS;
        return buckets.take(kind, addresses.client(exchange.getRequest())).flatMap(seconds -> {
            if (seconds == 0) {
                return chain.filter(exchange);
            }
            exchange.getResponse().getHeaders().set("Retry-After", Long.toString(seconds));
            rejections.record(exchange, SecurityRejections.Kind.RATE_LIMITED);
            return ProblemJson.write(exchange, GatewayProblem.RATE_LIMITED, ProblemJson.prefersEnglish(exchange)
                    ? "Too many requests from your address; please try again in " + seconds + " s."
                    : "来自您地址的请求过多，请在 " + seconds + " 秒后再试。");
        });
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
