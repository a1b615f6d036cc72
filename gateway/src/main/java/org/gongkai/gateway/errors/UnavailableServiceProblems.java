package org.gongkai.gateway.errors;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import org.gongkai.gateway.security.ProblemJson;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

import reactor.core.publisher.Mono;

/**
 * A service that is stopped or too slow is not a bug the client can fix: the gateway answers 503 (cannot connect) or
 * 504 (no answer in time) as problem+json with {@code Retry-After}, so a client knows to try again later.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnavailableServiceProblems implements WebExceptionHandler {

    static final String RETRY_AFTER_SECONDS = "10";

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        if (causedBy(error, ConnectException.class) || causedBy(error, io.netty.channel.ConnectTimeoutException.class)) {
            exchange.getResponse().getHeaders().set("Retry-After", RETRY_AFTER_SECONDS);
            return ProblemJson.write(exchange.getResponse(), HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
                    "服务暂时不可用，请稍后再试。");
        }
        if (causedBy(error, TimeoutException.class)
                || error instanceof ResponseStatusException status && status.getStatusCode().value() == 504) {
            exchange.getResponse().getHeaders().set("Retry-After", RETRY_AFTER_SECONDS);
            return ProblemJson.write(exchange.getResponse(), HttpStatus.GATEWAY_TIMEOUT, "service-timeout",
                    "服务未能及时响应，请稍后再试。");
        }
        return Mono.error(error);
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
