package org.gongkai.gateway.edge;

import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Every answer the gateway makes itself — a refusal, a problem, the Swagger UI's files, the actuator — closes its
 * connection; only answers relayed from a service keep it open for the next request. Reactor Netty (1.3.6, the
 * version Spring Boot 4.0.7 brings) can stop reading a keep-alive connection when the next request arrives before the
 * previous one's handling has ended and is then answered at once (reactor/reactor-netty#4361): the client waits for
 * an answer that never comes. Answers the gateway writes itself are the immediate ones; a relayed answer waits for the
 * service. CI met the stall after a 401 and, later, after the Swagger UI's own files.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CloseAfterOwnAnswers implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getResponse().beforeCommit(() -> {
            if (exchange.getAttribute(ServerWebExchangeUtils.CLIENT_RESPONSE_ATTR) == null) {
                exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
            }
            return Mono.empty();
        });
        return chain.filter(exchange);
    }
}
