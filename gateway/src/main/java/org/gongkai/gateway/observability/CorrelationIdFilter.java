package org.gongkai.gateway.observability;

import org.gongkai.edge.correlation.CorrelationIds;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Gives every request a correlation id at the edge (or keeps a well-formed one the client sent), passes it
 * to the service, which logs it and puts it into the events it causes, and returns it to the caller. It runs before
 * security and every limit, so the gateway's own rejections carry and log the id too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CorrelationIdFilter implements WebFilter {

    private static final String ATTRIBUTE = CorrelationIdFilter.class.getName() + ".id";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String incoming = exchange.getRequest().getHeaders().getFirst(CorrelationIds.HEADER);
        String id = CorrelationIds.acceptedOrNew(incoming);
        exchange.getAttributes().put(ATTRIBUTE, id);
        // set just before the answer goes out: a service echoes the id too, and the client should see it once
        exchange.getResponse().beforeCommit(() -> {
            exchange.getResponse().getHeaders().set(CorrelationIds.HEADER, id);
            return Mono.empty();
        });
        return chain.filter(exchange.mutate().request(r -> r.headers(h -> h.set(CorrelationIds.HEADER, id))).build());
    }

    /** The request's correlation id, or "-" for an exchange this filter has not seen. */
    public static String of(ServerWebExchange exchange) {
        return exchange.getAttributeOrDefault(ATTRIBUTE, "-");
    }
}
