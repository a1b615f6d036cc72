package org.gongkai.gateway.errors;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * A 4xx or 5xx the gateway's own handlers finish without a body (an actuator endpoint's 404 for an unknown health
 * group, for one) gets the problem+json of its status. Answers relayed from a service are written as a body, even an
 * empty one, and pass untouched: the service's answer is its own.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class EmptyErrorBodies implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        boolean english = ProblemJson.prefersEnglish(exchange);
        boolean head = exchange.getRequest().getMethod() == HttpMethod.HEAD;
        ServerHttpResponse response = new ServerHttpResponseDecorator(exchange.getResponse()) {
            @Override
            public Mono<Void> setComplete() {
                HttpStatusCode status = getStatusCode();
                if (!head && status != null && status.isError() && !isCommitted()) {
                    return ProblemJson.write(getDelegate(), english, GatewayProblem.forStatus(status.value()), null,
                            status.value());
                }
                return super.setComplete();
            }
        };
        return chain.filter(exchange.mutate().response(response).build());
    }
}
